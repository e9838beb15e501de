import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import proj4 from 'proj4';

/** Points read from a CSV or GeoJSON file, in metres (UTM), with optional times (days) and values. */
export interface AnalysisInput {
  n: number;
  /** EPSG code of the metres x, y. */
  epsg: number;
  x: Float64Array;
  y: Float64Array;
  /** Days since 1970-01-01, when the file has times. */
  t: Float64Array | null;
  values: Float64Array | null;
  ids: string[];
}

export interface InputOptions {
  /** CRS of the coordinates: EPSG:4326 (default when columns look like degrees) or a UTM zone EPSG:326xx / 327xx. */
  crs?: string;
  xColumn?: string;
  yColumn?: string;
  timeColumn?: string;
  valueColumn?: string;
  idColumn?: string;
}

const MAX_BYTES = 512 * 1024 * 1024;
const X_NAMES = ['x', 'lon', 'longitude', 'lng', 'long', 'este', 'easting'];
const Y_NAMES = ['y', 'lat', 'latitude', 'norte', 'northing'];
const T_NAMES = ['t', 'date', 'fecha', 'datetime', 'occurred_at', 'occurredat', 'time'];

const utmDef = (epsg: number): string => `+proj=utm +zone=${epsg % 100}${epsg > 32700 ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`;

function pick(headers: string[], wanted: string | undefined, names: readonly string[], what: string): string | null {
  if (wanted) {
    if (!headers.includes(wanted)) throw new Error(`column "${wanted}" (${what}) is not in the file; columns: ${headers.join(', ')}`);
    return wanted;
  }
  return headers.find((h) => names.includes(h.trim().toLowerCase())) ?? null;
}

/** Days since the epoch of a date text (ISO 8601, "YYYY-MM-DD HH:MM" read as UTC), or a number of days as is. */
function days(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return Number.NaN;
  const s = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  const iso = /^\d{4}-\d{2}-\d{2}[ T]\d/.test(s) && !/[zZ]|[+-]\d{2}:?\d{2}$/.test(s) ? `${s.replace(' ', 'T')}Z` : s;
  return Date.parse(iso) / 86_400_000;
}

interface Raw {
  x: number[];
  y: number[];
  t: number[] | null;
  v: number[] | null;
  ids: string[];
}

function fromCsv(text: string, o: InputOptions): Raw {
  const rows = parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  const headers = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const xc = pick(headers, o.xColumn, X_NAMES, 'x');
  const yc = pick(headers, o.yColumn, Y_NAMES, 'y');
  if (!xc || !yc) throw new Error(`cannot tell the coordinate columns: name them x/y or lon/lat, or pass --x-column and --y-column (columns: ${headers.join(', ')})`);
  const tc = pick(headers, o.timeColumn, T_NAMES, 'time');
  const split = !tc && ['YEAR', 'MONTH', 'DAY'].every((c) => headers.includes(c));
  const vc = o.valueColumn ? pick(headers, o.valueColumn, [], 'value') : null;
  const ic = pick(headers, o.idColumn, ['id'], 'id');
  return {
    x: rows.map((r) => Number(r[xc])),
    y: rows.map((r) => Number(r[yc])),
    t: tc
      ? rows.map((r) => days(r[tc]))
      : split
        ? rows.map((r) => Date.UTC(+r.YEAR!, +r.MONTH! - 1, +r.DAY!, +(r.HOUR ?? 0), +(r.MINUTE ?? 0)) / 86_400_000)
        : null,
    v: vc ? rows.map((r) => Number(r[vc])) : null,
    ids: rows.map((r, i) => (ic ? (r[ic] ?? String(i)) : String(i))),
  };
}

interface Feature {
  id?: string | number;
  geometry?: { type?: string; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

/** A property as text (numbers and strings; anything else is empty). */
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function fromGeoJson(json: string, o: InputOptions): Raw {
  const doc = JSON.parse(json) as { features?: Feature[] };
  if (!Array.isArray(doc.features)) throw new Error('not a GeoJSON FeatureCollection');
  const raw: Raw = { x: [], y: [], t: o.timeColumn ? [] : null, v: o.valueColumn ? [] : null, ids: [] };
  const tName = o.timeColumn;
  for (const [i, f] of doc.features.entries()) {
    let xy: [number, number] | null = null;
    const c = f.geometry?.coordinates;
    if (f.geometry?.type === 'Point' && Array.isArray(c)) xy = [Number(c[0]), Number(c[1])];
    else if (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon') {
      // Areas (e.g. neighbourhoods for Moran's I): the mean of the outer ring's vertices.
      const ring = (f.geometry.type === 'Polygon' ? (c as number[][][])[0] : (c as number[][][][])[0]?.[0]) ?? [];
      xy = [ring.reduce((s, p) => s + p[0]!, 0) / Math.max(ring.length, 1), ring.reduce((s, p) => s + p[1]!, 0) / Math.max(ring.length, 1)];
    }
    if (!xy) throw new Error(`feature ${i}: only Point, Polygon and MultiPolygon geometries are read`);
    const props = f.properties ?? {};
    raw.x.push(xy[0]);
    raw.y.push(xy[1]);
    raw.t?.push(days(tName ? text(props[tName]) : undefined));
    raw.v?.push(Number(props[o.valueColumn!]));
    raw.ids.push(o.idColumn ? text(props[o.idColumn]) || String(i) : String(f.id ?? i));
  }
  return raw;
}

/** Reads a CSV or GeoJSON file of points (or areas) and projects it to metres (the UTM zone of the data). */
export function readAnalysisInput(file: string, o: InputOptions = {}): AnalysisInput {
  if (statSync(file).size > MAX_BYTES) throw new Error(`${file} is larger than 512 MiB`);
  const text = readFileSync(file, 'utf8');
  const geo = /\.(geo)?json$/i.test(file) || text.trimStart().startsWith('{');
  const raw = geo ? fromGeoJson(text, o) : fromCsv(text, o);
  const n = raw.x.length;
  if (n === 0) throw new Error(`${file} has no rows`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(raw.x[i]) || !Number.isFinite(raw.y[i])) throw new Error(`row ${i + 1}: coordinates are not numbers`);
  }
  const degrees = raw.x.every((v) => Math.abs(v) <= 180) && raw.y.every((v) => Math.abs(v) <= 90);
  const crs = o.crs ?? (degrees ? 'EPSG:4326' : null);
  if (!crs) throw new Error('the coordinates are not degrees: give their CRS with --crs EPSG:326xx / EPSG:327xx');
  const m = /^EPSG:(\d+)$/i.exec(crs);
  const code = m ? Number(m[1]) : Number.NaN;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let epsg: number;
  if (code === 4326) {
    const lon = raw.x.reduce((s, v) => s + v, 0) / n;
    const lat = raw.y.reduce((s, v) => s + v, 0) / n;
    epsg = (lat < 0 ? 32700 : 32600) + Math.min(60, Math.floor((lon + 180) / 6) + 1);
    const to = proj4('+proj=longlat +datum=WGS84 +no_defs', utmDef(epsg));
    for (let i = 0; i < n; i++) {
      const [px, py] = to.forward([raw.x[i]!, raw.y[i]!]);
      x[i] = px!;
      y[i] = py!;
    }
  } else if ((code >= 32601 && code <= 32660) || (code >= 32701 && code <= 32760)) {
    epsg = code;
    x.set(raw.x);
    y.set(raw.y);
  } else throw new Error(`unsupported CRS ${crs}: use EPSG:4326 or a UTM zone (EPSG:326xx / 327xx)`);
  return { n, epsg, x, y, t: raw.t ? Float64Array.from(raw.t) : null, values: raw.v ? Float64Array.from(raw.v) : null, ids: raw.ids };
}
