import type {
  TAreaGeometry,
  TAreaLevel,
  TDepartment,
  TDistrict,
  TDistrictLocation,
  TGeometrySource,
  TProvince,
} from '@enlace/contracts';
import { ZAreaGeoJson } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { foldedSql } from '../../platform/db/text-search.ts';

/**
 * The reference geography (tables ref_*, loaded by migration 0003). Read-only. In Lima and Callao the IGN
 * boundaries (ref_lima_callao_district) win over the INEI 2007 ones, for locating and for drawing.
 */

interface DistrictRow {
  ubigeo: string;
  name: string;
  name_inei: string | null;
  province_ubigeo: string;
  province: string;
  department_ubigeo: string;
  department: string;
  geom_source: TGeometrySource | null;
}

const DISTRICT_FROM = `ref_district d
  JOIN ref_province p ON p.ubigeo = d.province_ubigeo
  JOIN ref_department dep ON dep.ubigeo = d.department_ubigeo`;
const DISTRICT_COLUMNS = `d.ubigeo, d.name, d.province_ubigeo, p.name AS province,
  d.department_ubigeo, dep.name AS department`;

const toDistrict = (r: DistrictRow): TDistrict => ({
  ubigeo: r.ubigeo,
  name: r.name,
  nameInei: r.name_inei,
  provinceUbigeo: r.province_ubigeo,
  province: r.province,
  departmentUbigeo: r.department_ubigeo,
  department: r.department,
  geometrySource: r.geom_source,
});

/**
 * The district whose boundary holds the point: an IGN one in Lima and Callao first, then an INEI one; on a
 * shared border (or where two simplified INEI boundaries overlap) the lowest UBIGEO. Null outside Peru.
 */
export async function findDistrictAt(db: Queryable, lon: number, lat: number): Promise<TDistrictLocation | null> {
  const r = await db.query<Omit<DistrictRow, 'name_inei'> & { geom_source: TGeometrySource }>(
    `WITH point AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS g),
     hit AS (
       SELECT lc.ubigeo, 'ign_lima_callao' AS geom_source, 0 AS rank
       FROM ref_lima_callao_district lc, point WHERE ST_Intersects(lc.geom, point.g)
       UNION ALL
       SELECT d.ubigeo, d.geom_source, 1 AS rank
       FROM ref_district d, point WHERE ST_Intersects(d.geom, point.g)
     )
     SELECT ${DISTRICT_COLUMNS}, hit.geom_source
     FROM hit JOIN ${DISTRICT_FROM} ON d.ubigeo = hit.ubigeo
     ORDER BY hit.rank, hit.ubigeo
     LIMIT 1`,
    [lon, lat],
  );
  const row = r.rows[0];
  if (!row) return null;
  return {
    ubigeo: row.ubigeo,
    name: row.name,
    provinceUbigeo: row.province_ubigeo,
    province: row.province,
    departmentUbigeo: row.department_ubigeo,
    department: row.department,
    geometrySource: row.geom_source,
  };
}

export async function listDepartments(db: Queryable): Promise<TDepartment[]> {
  const r = await db.query<TDepartment>('SELECT ubigeo, name FROM ref_department ORDER BY ubigeo');
  return r.rows;
}

export async function listProvinces(db: Queryable, departmentUbigeo: string): Promise<TProvince[]> {
  const r = await db.query<{ ubigeo: string; name: string; department_ubigeo: string; department: string }>(
    `SELECT p.ubigeo, p.name, p.department_ubigeo, dep.name AS department
     FROM ref_province p JOIN ref_department dep ON dep.ubigeo = p.department_ubigeo
     WHERE p.department_ubigeo = $1 ORDER BY p.ubigeo`,
    [departmentUbigeo],
  );
  return r.rows.map((row) => ({
    ubigeo: row.ubigeo,
    name: row.name,
    departmentUbigeo: row.department_ubigeo,
    department: row.department,
  }));
}

export interface DistrictFilter {
  provinceUbigeo?: string | undefined;
  departmentUbigeo?: string | undefined;
  /** Already folded by `foldText`: lower case, no accents. */
  search?: string | undefined;
  limit: number;
}

/** Districts in UBIGEO order; the search matches today's name or the INEI 2007 one. */
export async function listDistricts(db: Queryable, f: DistrictFilter): Promise<TDistrict[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (f.provinceUbigeo) add((p) => `d.province_ubigeo = ${p}`, f.provinceUbigeo);
  if (f.departmentUbigeo) add((p) => `d.department_ubigeo = ${p}`, f.departmentUbigeo);
  if (f.search) {
    add((p) => `(strpos(${foldedSql('d.name')}, ${p}) > 0 OR strpos(${foldedSql("coalesce(d.name_inei, '')")}, ${p}) > 0)`, f.search);
  }
  params.push(f.limit);
  const r = await db.query<DistrictRow>(
    `SELECT ${DISTRICT_COLUMNS}, d.name_inei, d.geom_source FROM ${DISTRICT_FROM}
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY d.ubigeo LIMIT $${params.length}`,
    params,
  );
  return r.rows.map(toDistrict);
}

const AREA_SQL: Record<TAreaLevel, string> = {
  // Lima and Callao (and their departments) as the union of their IGN districts (migration 0015), elsewhere INEI's.
  department: `SELECT a.ubigeo, a.name, CASE WHEN u.ubigeo IS NULL THEN 'inei_2007' ELSE 'ign_lima_callao' END AS geom_source,
       coalesce(u.geom, a.geom) AS geom
     FROM ref_department a LEFT JOIN ref_lima_callao_area u ON u.ubigeo = a.ubigeo WHERE a.ubigeo = $1`,
  province: `SELECT a.ubigeo, a.name, CASE WHEN u.ubigeo IS NULL THEN 'inei_2007' ELSE 'ign_lima_callao' END AS geom_source,
       coalesce(u.geom, a.geom) AS geom
     FROM ref_province a LEFT JOIN ref_lima_callao_area u ON u.ubigeo = a.ubigeo WHERE a.ubigeo = $1`,
  district: `SELECT d.ubigeo, d.name,
       CASE WHEN lc.ubigeo IS NULL THEN d.geom_source ELSE 'ign_lima_callao' END AS geom_source,
       coalesce(lc.geom, d.geom) AS geom
     FROM ref_district d LEFT JOIN ref_lima_callao_district lc ON lc.ubigeo = d.ubigeo WHERE d.ubigeo = $1`,
};

/**
 * The boundary of an area as a GeoJSON MultiPolygon, simplified with `tolerance` degrees (topology kept: no
 * ring collapses or self-crossings); null when the UBIGEO does not exist.
 */
export async function findAreaGeometry(
  db: Queryable,
  level: TAreaLevel,
  ubigeo: string,
  tolerance: number,
): Promise<TAreaGeometry | null> {
  const r = await db.query<{ ubigeo: string; name: string; geom_source: TGeometrySource | null; geojson: string | null }>(
    `SELECT a.ubigeo, a.name, a.geom_source,
       ST_AsGeoJSON(ST_Multi(
         CASE WHEN $2::float8 > 0 THEN ST_SimplifyPreserveTopology(a.geom, $2::float8) ELSE a.geom END), 5) AS geojson
     FROM (${AREA_SQL[level]}) a`,
    [ubigeo, tolerance],
  );
  const row = r.rows[0];
  if (!row) return null;
  return {
    ubigeo: row.ubigeo,
    level,
    name: row.name,
    geometrySource: row.geom_source,
    geometry: row.geojson === null ? null : ZAreaGeoJson.parse(JSON.parse(row.geojson)),
  };
}
