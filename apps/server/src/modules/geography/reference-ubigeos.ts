import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const REFERENCE_DIR = resolve(import.meta.dirname, '../../../../../reference/peru');
let cached: ReadonlySet<string> | undefined;

/**
 * Every UBIGEO of the committed reference geography (departments, provinces, districts, 2026 codes), read from
 * the files rather than the database so that scenario files can be checked without one (CLI right after `npm ci`).
 */
export function referenceUbigeos(): ReadonlySet<string> {
  if (cached) return cached;
  const codes = new Set<string>();
  for (const file of ['departments.geojson', 'provinces.geojson', 'districts.geojson']) {
    const doc = JSON.parse(readFileSync(resolve(REFERENCE_DIR, file), 'utf8')) as {
      features: { properties: { ubigeo: string } }[];
    };
    for (const f of doc.features) codes.add(f.properties.ubigeo);
  }
  cached = codes;
  return codes;
}

let children: ReadonlyMap<string, readonly string[]> | undefined;

/** The provinces of a department or the districts of a province, from the same reference files. */
export function referenceSubdivisions(code: string): readonly string[] {
  if (!children) {
    const map = new Map<string, string[]>();
    for (const u of referenceUbigeos()) {
      if (u.length <= 2) continue;
      const parent = u.slice(0, u.length - 2);
      map.set(parent, [...(map.get(parent) ?? []), u]);
    }
    children = map;
  }
  return children.get(code) ?? [];
}
