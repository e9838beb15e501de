import { createRng } from '@enlace/analytics';
import type { THotspotResult } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { makeIncidents } from '../../../../../test/support/incidents.ts';
import type { IncidentSeed } from '../../../../../test/support/incidents.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { studyAreaCacheStats } from './study-area.ts';

/** Miraflores (150122), on the coast: its bounding box holds sea to the south-west and parts of three other districts. */
const MIRAFLORES = { ubigeo: '150122', west: -77.056, east: -77.0013, south: -12.1394, north: -12.1029 };
/** A cluster about 150 m inland from the cliff (the coast is near -77.0400 at this latitude). */
const CLUSTER = { lon: -77.0385, lat: -12.1255 };
const JAN = { from: '2025-01-01T00:00:00-05:00', to: '2025-02-01T00:00:00-05:00' };
const at = (k: number) => new Date(Date.UTC(2025, 0, 1 + (k % 28), 5 + (k % 19))).toISOString();

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('hotspot maps and their evaluation limited to the chosen districts on %s', (_n, backend) => {
  let t: TestApp;
  let analyst: TestUser;
  const source = `M${uniq().toUpperCase()}`;
  /** Is a longitude/latitude inside Miraflores (PostGIS, the boundaries incidents are located with)? */
  let inMiraflores: (points: [number, number][]) => Promise<boolean[]>;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    analyst = await makeUser(db, { role: 'analyst', agency: 'PNP' });
    inMiraflores = async (points) => {
      const r = await db.query<{ inside: boolean }>(
        `SELECT ST_Intersects(g.geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)) AS inside
         FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(lon, lat, k),
              (SELECT coalesce(lc.geom, d.geom) AS geom FROM ref_district d LEFT JOIN ref_lima_callao_district lc ON lc.ubigeo = d.ubigeo WHERE d.ubigeo = $3) g
         ORDER BY p.k`,
        [points.map((p) => p[0]), points.map((p) => p[1]), MIRAFLORES.ubigeo],
      );
      return r.rows.map((x) => x.inside);
    };
    // 25 incidents in the cluster, and 80 spread over the district (drawn in its bounding box, kept when inside).
    const rng = createRng(7);
    const seeds: IncidentSeed[] = [];
    for (let k = 0; k < 25; k++) seeds.push({ lon: CLUSTER.lon + (rng() - 0.5) * 0.0006, lat: CLUSTER.lat + (rng() - 0.5) * 0.0006, at: at(k) });
    const candidates: [number, number][] = Array.from({ length: 400 }, () => [
      MIRAFLORES.west + rng() * (MIRAFLORES.east - MIRAFLORES.west),
      MIRAFLORES.south + rng() * (MIRAFLORES.north - MIRAFLORES.south),
    ]);
    const inside = await inMiraflores(candidates);
    candidates.filter((_, k) => inside[k]).slice(0, 80).forEach(([lon, lat], k) => seeds.push({ lon, lat, at: at(k) }));
    expect(seeds).toHaveLength(105);
    expect((await inMiraflores(seeds.map((s) => [s.lon, s.lat]))).every(Boolean)).toBe(true);
    await makeIncidents(db, source, seeds);
  });
  afterAll(async () => t.close());

  const hotspot = async (scope: Record<string, unknown>, method: 'gi' | 'kde' = 'gi') => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/analysis/hotspot', headers: analyst.auth,
      payload: { scope: { ...JAN, source, ...scope }, method, cellSize: 100, radius: 200, maxCells: 100_000 },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<THotspotResult>();
  };
  const centre = (f: THotspotResult['cells']['features'][number]): [number, number] => {
    const ring = f.geometry.coordinates[0]!;
    return [(ring[0]![0] + ring[2]![0]) / 2, (ring[0]![1] + ring[2]![1]) / 2];
  };
  /** The returned cell nearest the cluster. */
  const clusterCell = (r: THotspotResult) => {
    const d = (f: THotspotResult['cells']['features'][number]) => Math.hypot(centre(f)[0] - CLUSTER.lon, centre(f)[1] - CLUSTER.lat);
    return [...r.cells.features].sort((a, b) => d(a) - d(b))[0]!;
  };

  it('compares only cells of the district: none of the sea or of its neighbours is returned, and the cluster is less hot', async () => {
    // The same 105 incidents, once without an area (the whole bounding box) and once limited to Miraflores.
    const whole = await hotspot({});
    const masked = await hotspot({ ubigeo: [MIRAFLORES.ubigeo] });
    expect(whole.incidents).toBe(105);
    expect(masked.incidents).toBe(105);

    // The whole box: every cell is tested, and hot cells next to the cluster fall in the sea.
    expect(whole.studyArea).toEqual({ ubigeo: [], cells: whole.grid.cols * whole.grid.rows });
    const wholeInside = await inMiraflores(whole.cells.features.map(centre));
    expect(wholeInside.some((inside) => !inside)).toBe(true);
    expect(whole.explanation.en).toContain('the whole rectangle around the incidents');
    expect(whole.explanation.es).toContain('todo el rectángulo que contiene las incidencias');

    // Limited to Miraflores: far fewer cells enter Gi* and the FDR, and every cell returned is in the district
    // (its centre, or, on the edge, incidents of the district).
    const cells = masked.studyArea!.cells;
    expect(masked.studyArea!.ubigeo).toEqual([MIRAFLORES.ubigeo]);
    expect(cells).toBeLessThan(0.75 * masked.grid.cols * masked.grid.rows);
    // Miraflores is about 9.6 km²: some 960 cells of 100 m.
    expect(cells).toBeGreaterThan(850);
    expect(cells).toBeLessThan(1100);
    expect(masked.cells.features.length).toBeGreaterThan(0);
    const maskedInside = await inMiraflores(masked.cells.features.map(centre));
    masked.cells.features.forEach((f, k) => expect(maskedInside[k] || f.properties.count > 0).toBe(true));
    expect(masked.explanation.en).toContain(`Only the ${cells.toLocaleString('en-GB')} cells of the chosen area (UBIGEO 150122)`);
    expect(masked.explanation.es).toContain('UBIGEO 150122');

    // The sea and the neighbours' cells were zeros pulling the mean down: without them the cluster stands out less.
    const zWhole = clusterCell(whole).properties.z!;
    const zMasked = clusterCell(masked).properties.z!;
    expect(Math.hypot(centre(clusterCell(whole))[0] - CLUSTER.lon, centre(clusterCell(whole))[1] - CLUSTER.lat)).toBeLessThan(0.001);
    expect(zMasked).toBeGreaterThan(3);
    expect(zMasked).toBeLessThan(zWhole - 0.5);
  });

  it('takes a department: too large a grid at this cell size, so the rectangle of the incidents, less the sea', async () => {
    const lima = await hotspot({ ubigeo: ['15'] });
    const whole = await hotspot({});
    // Lima department spans about 250 x 330 km: over MAX_GRID_CELLS at 100 m, so the incidents' grid is kept...
    expect(lima.grid).toEqual(whole.grid);
    expect(lima.explanation.en).toContain('limited to the rectangle around the incidents');
    expect(lima.explanation.es).toContain('se limitó al rectángulo de las incidencias');
    // ...but its sea cells (the south-west of Miraflores' box) still take no part.
    expect(lima.studyArea!.cells).toBeLessThan(whole.studyArea!.cells);
    expect(lima.studyArea!.cells).toBeGreaterThan(0.6 * whole.studyArea!.cells);
  });

  it('shows a KDE map only on the district: the density spilling into the sea is not drawn nor classed', async () => {
    const whole = await hotspot({}, 'kde');
    const masked = await hotspot({ ubigeo: [MIRAFLORES.ubigeo] }, 'kde');
    const gi = await hotspot({ ubigeo: [MIRAFLORES.ubigeo] });
    // Without an area, cells of the sea and of the neighbours carry density and are drawn.
    expect(whole.studyArea).toBeUndefined();
    expect((await inMiraflores(whole.cells.features.map(centre))).some((inside) => !inside)).toBe(true);
    // With it, only the district's cells (the same lattice and mask as Gi*'s), and their classes start again from them.
    expect(masked.studyArea).toEqual({ ubigeo: [MIRAFLORES.ubigeo], cells: gi.studyArea!.cells });
    expect(masked.cells.features.length).toBeGreaterThan(0);
    expect(masked.cells.features.length).toBeLessThan(whole.cells.features.length);
    const inside = await inMiraflores(masked.cells.features.map(centre));
    masked.cells.features.forEach((f, k) => expect(inside[k] || f.properties.count > 0).toBe(true));
    expect(new Set(masked.cells.features.map((f) => f.properties.level))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(masked.explanation.en).toContain(`Only the ${gi.studyArea!.cells.toLocaleString('en-GB')} cells of the chosen area (UBIGEO 150122) are shown and classed`);
    expect(masked.explanation.es).toContain('Solo se muestran y clasifican');
  });

  it("evaluates a map on the district's area: the area share is a share of its cells, not of the sea's", async () => {
    const FIRST = { from: '2025-01-01T00:00:00-05:00', to: '2025-01-15T00:00:00-05:00' };
    const SECOND = { from: '2025-01-15T00:00:00-05:00', to: '2025-02-01T00:00:00-05:00' };
    type Evaluation = { cells: number; trainIncidents: number; testIncidents: number; model: { share: number; cells: number }[]; baseline: { cells: number }[]; explanation: { es: string; en: string } };
    const evaluate = async (scope: Record<string, unknown>, method: 'gi' | 'kde') => {
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/analysis/evaluate', headers: analyst.auth,
        payload: { scope: { source, ...scope }, train: FIRST, test: SECOND, method, cellSize: 100, radius: 200, shares: [0.05, 0.1] },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Evaluation>();
    };
    for (const method of ['kde', 'gi'] as const) {
      const whole = await evaluate({}, method);
      const masked = await evaluate({ ubigeo: [MIRAFLORES.ubigeo] }, method);
      expect(masked.trainIncidents + masked.testIncidents).toBe(105);
      // The whole rectangle around period t's incidents and the radius holds the sea and parts of three districts.
      expect(whole.cells).toBeGreaterThan(1500);
      expect(whole.explanation.en).toContain('No area (districts, provinces or departments) was chosen: the area is the grid');
      // Limited to Miraflores, about 960 cells of 100 m, and the flagged cells are a share of those.
      expect(masked.cells).toBeGreaterThan(850);
      expect(masked.cells).toBeLessThan(1100);
      for (const scores of [masked.model, masked.baseline]) {
        expect(scores.map((r) => r.cells)).toEqual([Math.round(0.05 * masked.cells), Math.round(0.1 * masked.cells)]);
      }
      expect(whole.model[0]!.cells).toBe(Math.round(0.05 * whole.cells));
      expect(masked.explanation.en).toContain(`The area is that of the chosen districts (UBIGEO 150122): ${masked.cells.toLocaleString('en-GB')} cells`);
      expect(masked.explanation.es).toContain('El área es la de los distritos elegidos (UBIGEO 150122)');
    }
  });

  it('keeps the area and its mask in memory: a repeated analysis reads and rasterises nothing again', async () => {
    const db = await backend.db();
    const first = await hotspot({ ubigeo: [MIRAFLORES.ubigeo] });
    const kept = studyAreaCacheStats(db);
    const again = await hotspot({ ubigeo: [MIRAFLORES.ubigeo] });
    expect(studyAreaCacheStats(db)).toEqual(kept);
    expect(again.cells).toEqual(first.cells);
    // Another grid of the same area: a new mask, the same outline.
    await t.app.inject({ method: 'POST', url: '/api/v1/analysis/hotspot', headers: analyst.auth, payload: { scope: { ...JAN, source, ubigeo: [MIRAFLORES.ubigeo] }, method: 'gi', cellSize: 50 } });
    expect(studyAreaCacheStats(db)).toMatchObject({ areas: kept.areas, masks: kept.masks + 1 });
  });
});
