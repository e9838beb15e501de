import type { THotspotResult, TTrendResult, ZBeforeAfterResult, ZEvaluateResult, ZNearRepeatResult } from '@enlace/contracts';
import type { z } from 'zod';
import { csvField } from '../incidents/export-incidents.ts';

/** A hotspot map as CSV: one row per returned cell, with its centre in longitude/latitude. */
export function hotspotCsv(r: THotspotResult): string {
  const head = ['col', 'row', 'lon', 'lat', 'count', r.method === 'kde' ? 'density_per_km2' : 'z', r.method === 'kde' ? 'level' : 'p', r.method === 'kde' ? '' : 'bin'].filter(Boolean);
  const lines = [head.join(',')];
  for (const f of r.cells.features) {
    const ring = f.geometry.coordinates[0]!;
    const lon = (ring[0]![0] + ring[2]![0]) / 2;
    const lat = (ring[0]![1] + ring[2]![1]) / 2;
    const p = f.properties;
    const values = r.method === 'kde' ? [p.col, p.row, lon.toFixed(7), lat.toFixed(7), p.count, p.density, p.level] : [p.col, p.row, lon.toFixed(7), lat.toFixed(7), p.count, p.z, p.p, p.bin];
    lines.push(values.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A hotspot map as a GeoJSON FeatureCollection whose top level also carries the legend and explanation. */
export function hotspotGeoJson(r: THotspotResult): string {
  return JSON.stringify({ ...r.cells, properties: { method: r.method, parameters: r.parameters, grid: r.grid, legend: r.legend, explanation: r.explanation } });
}

/** Monthly series as CSV: one row per series, one column per month. */
export function trendsCsv(r: TTrendResult): string {
  const lines = [['origin', 'ubigeo', 'crimeType', ...r.months].join(',')];
  for (const s of r.series) lines.push([s.origin, s.ubigeo ?? '', s.crimeType, ...s.counts].map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

type Cell = string | number | boolean | null | undefined;
const csvOf = (rows: readonly (readonly Cell[])[]): string => `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
/** A band [from, to) as text, the open last band as "from+". */
const band = (breaks: readonly (number | null)[], k: number): string => (breaks[k + 1] === null ? `${breaks[k]}+` : `${breaks[k]}-${breaks[k + 1]}`);

/** A Knox table as CSV: one row per distance x time band, with observed and expected pairs, their ratio and p. */
export function nearRepeatCsv(r: z.infer<typeof ZNearRepeatResult>): string {
  const rows: Cell[][] = [['distance_m', 'days', 'observed_pairs', 'expected_pairs', 'ratio', 'p']];
  for (let i = 0; i < r.observed.length; i++) {
    for (let j = 0; j < r.observed[i]!.length; j++) {
      rows.push([band(r.spaceBands, i), band(r.timeBands, j), r.observed[i]![j], r.expected[i]![j] ?? '', r.ratio[i]![j] ?? '', r.p[i]![j] ?? '']);
    }
  }
  return csvOf(rows);
}

/** A hotspot evaluation as CSV: the model and the naive baseline, one row per area share. */
export function evaluationCsv(r: z.infer<typeof ZEvaluateResult>): string {
  const rows: Cell[][] = [['map', 'area_share', 'cells_flagged', 'hit_rate', 'pai', 'pei', 'train_incidents', 'test_incidents', 'test_incidents_outside_grid', 'grid_cells']];
  for (const [map, scores] of [['model', r.model], ['naive_baseline', r.baseline]] as const) {
    for (const s of scores) rows.push([map, s.share, s.cells, s.hitRate, s.pai, s.pei ?? '', r.trainIncidents, r.testIncidents, r.testIncidentsOutsideGrid, r.cells]);
  }
  return csvOf(rows);
}

/** A before/after evaluation as CSV: the counts of each group of areas, then each estimate with its interval. */
export function beforeAfterCsv(r: z.infer<typeof ZBeforeAfterResult>): string {
  const rows: Cell[][] = [['row', 'areas', 'before', 'after', 'estimate', 'low', 'high', 'confidence', 'dispersion']];
  for (const group of ['treated', 'control', 'neighbours'] as const) {
    rows.push([group, r.areas[group].join(' '), r.counts[group].before, r.counts[group].after, '', '', '', '', '']);
  }
  for (const name of ['differenceInDifferences', 'relativeEffect', 'displacement', 'wdd'] as const) {
    const e = r[name];
    rows.push([name, '', '', '', e.estimate, e.low, e.high, r.confidence, r.dispersion]);
  }
  return csvOf(rows);
}
