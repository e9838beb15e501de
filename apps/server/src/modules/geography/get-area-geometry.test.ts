import { beforeAll, describe, expect, it } from 'vitest';
import type { TAreaGeoJson } from '@enlace/contracts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import type { Db } from '../../platform/db/db.ts';
import { getAreaGeometry } from './get-area-geometry.ts';

const vertices = (g: TAreaGeoJson | null | undefined): number =>
  !g ? 0 : g.type === 'Polygon' ? g.coordinates.flat().length : g.coordinates.flat(2).length;

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('getAreaGeometry on %s', (_name, backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.db();
  });

  it('returns the boundary of a department, a province and a district as GeoJSON', async () => {
    const dep = await getAreaGeometry({ db, ubigeo: '08' });
    expect(dep).toMatchObject({ ubigeo: '08', level: 'department', name: 'Cusco', geometrySource: 'inei_2007' });
    expect(dep?.geometry?.type).toBe('MultiPolygon');
    expect(await getAreaGeometry({ db, ubigeo: '1608' })).toMatchObject({ level: 'province', name: 'Putumayo' });
    const miraflores = await getAreaGeometry({ db, ubigeo: '150122' });
    expect(miraflores).toMatchObject({ level: 'district', name: 'Miraflores', geometrySource: 'ign_lima_callao' });
    const [lon, lat] = miraflores?.geometry?.type === 'MultiPolygon' ? (miraflores.geometry.coordinates[0]?.[0]?.[0] ?? []) : [];
    expect(lon).toBeCloseTo(-77.03, 1);
    expect(lat).toBeCloseTo(-12.12, 1);
  });

  it('draws Lima and Callao provinces and departments as the union of their IGN districts, not the coarse INEI outline', async () => {
    for (const ubigeo of ['1501', '0701', '15', '07']) {
      const area = await getAreaGeometry({ db, ubigeo });
      expect(area?.geometrySource, ubigeo).toBe('ign_lima_callao');
      expect(vertices(area?.geometry), ubigeo).toBeGreaterThan(1000);
    }
    // Every IGN district of Lima province lies inside the province drawn (a point of each, within 1 m).
    const inside = await db.query<{ outside: number }>(
      `SELECT count(*)::int AS outside FROM ref_lima_callao_district d, ref_lima_callao_area a
        WHERE a.ubigeo = '1501' AND d.province = 'LIMA' AND NOT ST_DWithin(a.geom, ST_PointOnSurface(d.geom), 0.00001)`,
    );
    expect(inside.rows[0]?.outside).toBe(0);
    expect((await getAreaGeometry({ db, ubigeo: '0801' }))?.geometrySource).toBe('inei_2007');
  });

  it('simplifies with the given tolerance', async () => {
    // Santiago de Surco: about 4,500 vertices in the IGN boundary, some 50 at 0.001 degrees (about 110 m).
    const full = await getAreaGeometry({ db, ubigeo: '150140' });
    const simple = await getAreaGeometry({ db, ubigeo: '150140', tolerance: 0.001 });
    expect(simple?.geometry?.type).toBe('MultiPolygon');
    expect(vertices(simple?.geometry)).toBeGreaterThan(3);
    expect(vertices(full?.geometry)).toBeGreaterThan(4000);
    expect(vertices(simple?.geometry)).toBeLessThan(vertices(full?.geometry) / 10);
  });

  it('returns null for an unknown UBIGEO and no geometry for a district no source draws', async () => {
    expect(await getAreaGeometry({ db, ubigeo: '99' })).toBeNull();
    expect(await getAreaGeometry({ db, ubigeo: '150199' })).toBeNull();
    expect(await getAreaGeometry({ db, ubigeo: '123' })).toBeNull();
    expect(await getAreaGeometry({ db, ubigeo: '080914' })).toEqual({
      ubigeo: '080914',
      level: 'district',
      name: 'Megantoni',
      geometrySource: null,
      geometry: null,
    });
  });
});
