import type { FeatureCollection } from 'geojson';
import type { TAnalysisScope, TCrimeType, THotspotResult } from '@enlace/contracts';

/** Pure view logic of the analysis screens: form → request scope, map colouring, chart geometry, significance. */

/** Parses a comma/space separated list of UBIGEO codes (2, 4 or 6 digits); empty means all of the data. */
export function parseUbigeos(text: string): { codes: string[]; invalid: string[] } {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const codes = parts.filter((p) => /^\d{2}(\d{2}(\d{2})?)?$/.test(p));
  return { codes, invalid: parts.filter((p) => !codes.includes(p)) };
}

/** A local date (yyyy-mm-dd) as an instant at Lima midnight (UTC-5, no daylight saving). `end` takes the next midnight. */
export function limaInstant(date: string, end = false): string {
  const d = new Date(`${date}T00:00:00-05:00`);
  if (end) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** The analysis scope a form describes. */
export function toScope(form: { ubigeo: string; from: string; to: string; types: readonly TCrimeType[]; exercise?: boolean | undefined }): TAnalysisScope {
  const { codes } = parseUbigeos(form.ubigeo);
  return {
    from: limaInstant(form.from),
    to: limaInstant(form.to, true),
    ...(codes.length > 0 ? { ubigeo: codes } : {}),
    ...(form.types.length > 0 ? { types: [...form.types] } : {}),
    ...(form.exercise ? { exercise: true } : {}),
  };
}

/** The default neighbourhood radius the server uses for a method (metres). */
export const defaultRadius = (method: 'kde' | 'gi'): number => (method === 'kde' ? 400 : 250);

/**
 * The result grid with a `color` on each cell from the API's legend: by Gi* bin (-3..3) or KDE level (1..5). Cells
 * without a class (Gi* bin 0, KDE level 0) are left out so the basemap shows through.
 */
export function colouredCells(result: THotspotResult): FeatureCollection {
  const colours = new Map(result.legend.map((l) => [l.value, l.color]));
  const features = result.cells.features.flatMap((f) => {
    const value = result.method === 'gi' ? f.properties.bin : f.properties.level;
    const color = value === undefined || value === 0 ? undefined : colours.get(value);
    return color ? [{ ...f, properties: { ...f.properties, color } }] : [];
  });
  return { type: 'FeatureCollection', features };
}

/** One row of the strongest-cells table. */
export interface TopCell {
  lat: number;
  lon: number;
  count: number;
  /** Gi* z-score or KDE density (events/km²). */
  value: number;
  /** The legend class the cell is drawn with. */
  legendValue: number;
}

/**
 * The strongest cells of a result, for a table beside the map: Gi* hot cells by z (cold cells are left out: the
 * table is where to patrol), KDE cells by density. Centre = mean of the cell's corners.
 */
export function topCells(result: THotspotResult, n = 10): TopCell[] {
  const rows: TopCell[] = [];
  for (const f of result.cells.features) {
    const p = f.properties;
    const value = result.method === 'gi' ? p.z : p.density;
    const legendValue = result.method === 'gi' ? p.bin : p.level;
    if (value === undefined || legendValue === undefined || legendValue <= 0) continue;
    const corners = f.geometry.coordinates[0]?.slice(0, -1) ?? [];
    if (corners.length === 0) continue;
    const lon = corners.reduce((s, c) => s + c[0], 0) / corners.length;
    const lat = corners.reduce((s, c) => s + c[1], 0) / corners.length;
    rows.push({ lat, lon, count: p.count, value, legendValue });
  }
  return rows.sort((a, b) => b.value - a.value).slice(0, n);
}

/** The [west, south, east, north] bounds of the cells, or null when there are none. */
export function cellBounds(fc: FeatureCollection): [[number, number], [number, number]] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const f of fc.features) {
    if (f.geometry.type !== 'Polygon') continue;
    for (const ring of f.geometry.coordinates) for (const [x, y] of ring) {
      if (x === undefined || y === undefined) continue;
      w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
    }
  }
  return Number.isFinite(w) ? [[w, s], [e, n]] : null;
}

/** One line of a chart: SVG points for counts over months in a box of width × height (y grows downwards). */
export function linePoints(counts: readonly number[], max: number, width: number, height: number): string {
  if (counts.length === 0) return '';
  const step = counts.length > 1 ? width / (counts.length - 1) : 0;
  const scale = max > 0 ? height / max : 0;
  return counts.map((c, i) => `${round(i * step)},${round(height - c * scale)}`).join(' ');
}

/** Which of n months get an axis label: at most `most` of them, evenly spaced, always the first and the last. */
export function monthTicks(n: number, most = 8): number[] {
  if (n <= 0) return [];
  if (n <= most) return Array.from({ length: n }, (_, i) => i);
  const step = Math.ceil((n - 1) / (most - 1));
  const ticks: number[] = [];
  for (let i = 0; i < n - 1; i += step) ticks.push(i);
  if (n - 1 - ticks[ticks.length - 1]! <= step / 2) ticks.pop();
  return [...ticks, n - 1];
}

/** For each month (yyyy-mm) of a trend, whether the period from..to (yyyy-mm-dd, inclusive) covers only part of it. */
export function partialMonths(months: readonly string[], from: string, to: string): boolean[] {
  return months.map((m) => {
    const [y, mo] = m.split('-').map(Number);
    if (y === undefined || mo === undefined) return false;
    const first = `${m}-01`;
    const last = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
    return from > first || to < last;
  });
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Series summed by the chosen key (district or crime type), biggest first, at most `limit`. */
export function groupSeries(
  series: readonly { ubigeo: string | null; crimeType: string; counts: readonly number[] }[],
  by: 'ubigeo' | 'crimeType',
  limit = 8,
): { key: string; counts: number[]; total: number }[] {
  const sums = new Map<string, number[]>();
  for (const s of series) {
    const key = (by === 'ubigeo' ? s.ubigeo : s.crimeType) ?? '—';
    const acc = sums.get(key) ?? s.counts.map(() => 0);
    s.counts.forEach((c, i) => { acc[i] = (acc[i] ?? 0) + c; });
    sums.set(key, acc);
  }
  return [...sums.entries()]
    .map(([key, counts]) => ({ key, counts, total: counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** Colours of the trend lines (colour-blind-safe palette). */
export const SERIES_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#f0e442', '#000000'];
