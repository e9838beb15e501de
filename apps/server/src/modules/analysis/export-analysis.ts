import type { THotspotResult, TTrendResult } from '@enlace/contracts';
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
