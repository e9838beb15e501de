import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import type { Db } from '../../platform/db/db.ts';

const GEOMETRY_TABLES = ['ref_department', 'ref_province', 'ref_district', 'ref_lima_callao_district'];
const VERSION = readFileSync(resolve(import.meta.dirname, '../../../../../reference/VERSION'), 'utf8').trim();

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('reference geography loaded on %s', (_name, backend) => {
  let db: Db;
  const one = async <T>(sql: string, params?: unknown[]): Promise<T> => {
    const row = (await db.query<T>(sql, params)).rows[0];
    if (!row) throw new Error(`no row: ${sql}`);
    return row;
  };

  beforeAll(async () => {
    db = await backend.db();
  });

  it('holds 25 departments, 196 provinces (Putumayo included) and every district of the INEI 2007 file plus those created since', async () => {
    const n = await one<{ dep: number; prov: number; dist: number; inei: number; created: number; changes: number }>(
      `SELECT (SELECT count(*)::int FROM ref_department) AS dep, (SELECT count(*)::int FROM ref_province) AS prov,
              (SELECT count(*)::int FROM ref_district) AS dist,
              (SELECT count(*)::int FROM ref_district WHERE ubigeo_2007 IS NOT NULL) AS inei,
              (SELECT count(*)::int FROM ref_district WHERE ubigeo_2007 IS NULL) AS created,
              (SELECT count(*)::int FROM ref_ubigeo_change) AS changes`,
    );
    expect(n).toEqual({ dep: 25, prov: 196, dist: 1890, inei: 1834, created: 56, changes: 76 });
    // Putumayo was carved out of Maynas in 2014: the two do not overlap, and Putumayo lies in Loreto (up to
    // the mismatch between the separately simplified province and department layers, 2 % at worst).
    const putumayo = await one<{ name: string; outside_loreto: number; overlap_maynas: number }>(
      `SELECT p.name, ST_Area(ST_Difference(p.geom, d.geom)) / ST_Area(p.geom) AS outside_loreto,
              ST_Area(ST_Intersection(p.geom, m.geom)) AS overlap_maynas
       FROM ref_province p JOIN ref_department d ON d.ubigeo = p.department_ubigeo, ref_province m
       WHERE p.ubigeo = '1608' AND m.ubigeo = '1601'`,
    );
    expect(putumayo.name).toBe('Putumayo');
    expect(putumayo.outside_loreto).toBeLessThan(0.01);
    expect(putumayo.overlap_maynas).toBeLessThan(1e-6);
    expect(await one("SELECT version FROM ref_dataset WHERE name = 'peru'")).toEqual({ version: VERSION });
  });

  it('joins all 50 IGN districts of Lima and Callao to their UBIGEO, Pueblo Libre and Mi Perú included', async () => {
    const rows = (await db.query<{ ubigeo: string; name: string; province: string }>(
      'SELECT ubigeo, name, province FROM ref_lima_callao_district ORDER BY ubigeo',
    )).rows;
    expect(rows).toHaveLength(50);
    for (const r of rows) expect(r.ubigeo).toMatch(r.province === 'LIMA' ? /^1501[0-9]{2}$/ : /^0701[0-9]{2}$/);
    expect(rows.filter((r) => r.province === 'LIMA')).toHaveLength(43);
    expect(rows.filter((r) => r.province === 'CALLAO')).toHaveLength(7);
    expect(rows.find((r) => r.name === 'Pueblo Libre')?.ubigeo).toBe('150121');
    const miPeru = rows.find((r) => r.ubigeo === '070107');
    expect(miPeru?.name).toBe('Mi Per\u00fa');
    expect(await one("SELECT name, name_inei FROM ref_district WHERE ubigeo = '150121'")).toEqual({
      name: 'Pueblo Libre',
      name_inei: 'MAGDALENA VIEJA',
    });
    expect(await one("SELECT name, geom_source FROM ref_district WHERE ubigeo = '070107'")).toEqual({
      name: 'Mi Per\u00fa',
      geom_source: 'ign_lima_callao',
    });
    expect(await one("SELECT kind, container_2007 FROM ref_ubigeo_change WHERE ubigeo_2026 = '070107'")).toEqual({
      kind: 'creado',
      container_2007: '070106',
    });
  });

  it('gives the districts missing from the INEI map the IGN boundary in Lima and Callao, and none elsewhere', async () => {
    const rows = (await db.query<{ ubigeo: string; geom_source: string | null }>(
      `SELECT ubigeo, geom_source FROM ref_district
       WHERE ubigeo IN ('150137', '070105', '210103', '010204', '190203', '020602', '010523', '200602') ORDER BY ubigeo`,
    )).rows;
    expect(rows).toEqual([
      { ubigeo: '010204', geom_source: null },
      { ubigeo: '010523', geom_source: null },
      { ubigeo: '020602', geom_source: null },
      { ubigeo: '070105', geom_source: 'ign_lima_callao' },
      { ubigeo: '150137', geom_source: 'ign_lima_callao' },
      { ubigeo: '190203', geom_source: null },
      { ubigeo: '200602', geom_source: null },
      { ubigeo: '210103', geom_source: null },
    ]);
  });

  it('stores every boundary as a valid MultiPolygon in EPSG:4326 with a GiST index', async () => {
    for (const table of GEOMETRY_TABLES) {
      const r = await one<{ invalid: number; other_srid: number; other_type: number; with_geom: number }>(
        `SELECT count(*) FILTER (WHERE NOT ST_IsValid(geom))::int AS invalid,
                count(*) FILTER (WHERE ST_SRID(geom) <> 4326)::int AS other_srid,
                count(*) FILTER (WHERE GeometryType(geom) <> 'MULTIPOLYGON')::int AS other_type,
                count(geom)::int AS with_geom
         FROM ${table}`,
      );
      expect({ table, ...r }).toMatchObject({ table, invalid: 0, other_srid: 0, other_type: 0 });
      expect(r.with_geom).toBeGreaterThan(0);
      const column = await one<{ srid: number; type: string }>(
        "SELECT srid, type FROM geometry_columns WHERE f_table_name = $1 AND f_geometry_column = 'geom'",
        [table],
      );
      expect(column).toEqual({ srid: 4326, type: 'MULTIPOLYGON' });
      const index = await db.query(
        "SELECT indexname FROM pg_indexes WHERE tablename = $1 AND indexdef ILIKE '%USING gist (geom)%'",
        [table],
      );
      expect(index.rows, `${table} GiST index`).toHaveLength(1);
    }
  });
});
