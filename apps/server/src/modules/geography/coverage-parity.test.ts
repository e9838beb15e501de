import { describe, expect, it } from 'vitest';
import type { TMultiPolygonCoords } from '@enlace/rules';
import { areaCovers, prepareArea } from '@enlace/rules';
import { backends } from '../../../../../test/support/test-db.ts';
import { referenceDistrictGeometries } from './reference-geometry.ts';

/**
 * The in-memory polygon coverage (packages/rules) must give PostGIS's answer: for seeded random polygons over Lima
 * and Callao, `areaCovers(union of the districts under a code, polygon)` equals ST_Covers over the same union in the
 * database (both directions: districts covering a polygon, and a polygon covering districts).
 */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function randomPolygon(rnd: () => number): [number, number][] {
  // Star-shaped, so it is simple; centred around central Lima, 0.5 to 6 km across.
  const cx = -77.06 + (rnd() - 0.5) * 0.16;
  const cy = -12.08 + (rnd() - 0.5) * 0.16;
  const r = 0.005 + rnd() * 0.05;
  const n = 5 + Math.floor(rnd() * 8);
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i += 1) {
    const a = (2 * Math.PI * i) / n;
    const rr = r * (0.35 + 0.65 * rnd());
    ring.push([Number((cx + rr * Math.cos(a)).toFixed(6)), Number((cy + rr * Math.sin(a)).toFixed(6))]);
  }
  ring.push(ring[0] as [number, number]);
  return ring;
}

// Callao (seven districts unioned) and four Lima districts; the whole of Lima (43 IGN districts) is left to the bench,
// because ST_Union over it takes tens of seconds on PGlite.
const CODES = ['0701', '150122', '150131', '150101', '150141'];

describe.each(backends().map((b) => [b.name, b] as const))('polygon coverage parity with ST_Covers (%s)', (_name, backend) => {
  it('gives PostGIS\'s answer in both directions on 60 seeded polygons and 5 district areas', async () => {
    const db = await backend.db();
    const districts = referenceDistrictGeometries();
    const rnd = seeded(20261128);
    const polygons = Array.from({ length: 60 }, () => randomPolygon(rnd));
    const unions = new Map(
      CODES.map((code) => {
        const parts = [...districts.entries()].filter(([u]) => u.startsWith(code)).map(([, g]) => g);
        return [code, prepareArea(parts)] as const;
      }),
    );
    const mine: string[] = [];
    for (const [code, union] of unions) {
      if (!union) throw new Error(`no districts under ${code}`);
      for (const [i, ring] of polygons.entries()) {
        const polygon: TMultiPolygonCoords = [[ring]];
        const asBasis = prepareArea([polygon]);
        if (!asBasis) throw new Error('empty polygon');
        mine.push(`${code}#${i}:${areaCovers(union, polygon)}/${areaCovers(asBasis, union.polygons)}`);
      }
    }
    const r = await db.query<{ code: string; i: number; districts_cover: boolean; polygon_covers: boolean }>(
      `WITH district AS (
         SELECT d.ubigeo, COALESCE(lc.geom, d.geom) AS geom
           FROM ref_district d LEFT JOIN ref_lima_callao_district lc ON lc.ubigeo = d.ubigeo
          WHERE d.geom IS NOT NULL
       ), code_union AS (
         SELECT c AS code, (SELECT ST_Union(geom) FROM district WHERE ubigeo LIKE c || '%') AS geom FROM unnest($1::text[]) c
       ), polygon AS (
         SELECT ord - 1 AS i, ST_SetSRID(ST_GeomFromGeoJSON(g), 4326) AS geom FROM unnest($2::text[]) WITH ORDINALITY AS t(g, ord)
       )
       SELECT u.code, p.i, ST_Covers(u.geom, p.geom) AS districts_cover, ST_Covers(p.geom, u.geom) AS polygon_covers
         FROM code_union u CROSS JOIN polygon p`,
      [CODES, polygons.map((ring) => JSON.stringify({ type: 'Polygon', coordinates: [ring] }))],
    );
    const byKey = new Map(r.rows.map((row) => [`${row.code}#${row.i}`, `${row.districts_cover}/${row.polygon_covers}`]));
    const theirs = mine.map((entry) => `${entry.split(':')[0]}:${byKey.get(entry.split(':')[0] ?? '')}`);
    expect(mine).toEqual(theirs);
    // The sample is not trivial: some polygons are covered by a union and some are not.
    expect(mine.some((m) => m.endsWith(':true/false'))).toBe(true);
    expect(mine.some((m) => m.endsWith(':false/false'))).toBe(true);
  }, 120_000);
});
