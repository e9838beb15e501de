import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCoverageEngine } from '@enlace/rules';
import type { TCoverageEngine, TDistrictGeometries, TMultiPolygonCoords } from '@enlace/rules';

const REFERENCE_DIR = resolve(import.meta.dirname, '../../../../../reference/peru');

interface DistrictFeature {
  properties: { ubigeo: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } | null;
}

let districts: TDistrictGeometries | undefined;

/**
 * District boundaries by UBIGEO from the committed reference geography, with the IGN boundary where there is one
 * (Lima and Callao), as migration 0003 loads them into `ref_district` / `ref_lima_callao_district`. Read from the
 * files so that polygon coverage works without a database (CLI right after `npm ci`).
 */
export function referenceDistrictGeometries(): TDistrictGeometries {
  if (districts) return districts;
  const map = new Map<string, TMultiPolygonCoords>();
  for (const file of ['districts.geojson', 'lima-callao-districts.geojson']) {
    const doc = JSON.parse(readFileSync(resolve(REFERENCE_DIR, file), 'utf8')) as { features: DistrictFeature[] };
    for (const f of doc.features) {
      const g = f.geometry;
      if (!g) continue;
      const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as TMultiPolygonCoords;
      map.set(f.properties.ubigeo, polygons);
    }
  }
  districts = map;
  return map;
}

let engine: TCoverageEngine | undefined;

/** One coverage engine over the reference districts for the process; boundaries load on first polygon question. */
export function referenceCoverageEngine(): TCoverageEngine {
  engine ??= createCoverageEngine(referenceDistrictGeometries);
  return engine;
}
