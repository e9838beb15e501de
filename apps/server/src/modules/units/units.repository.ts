import type { ResourceLabel } from '@enlace/access';
import type { TAorGeometry, TAreaOfResponsibility, TUnit, TUnitCreate } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys, labelPredicate } from '../../platform/db/label-filter.ts';
import { everyWordIn } from '../../platform/db/text-search.ts';

interface UnitRow {
  id: string;
  name: string;
  short_name: string;
  force: TUnit['force'];
  echelon: TUnit['echelon'];
  parent_id: string | null;
  home_ubigeo: string | null;
  lon: number | null;
  lat: number | null;
  area_ubigeo: string[];
  area_json: string | null;
  agency: TUnit['agency'];
  classification: TUnit['classification'];
  exercise: boolean;
  authorized_strength: number | null;
  mission_tasks: string[] | null;
  directed_resource_action: boolean;
  directed_resource_remark: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, name, short_name, force, echelon, parent_id, home_ubigeo,
  ST_X(home) AS lon, ST_Y(home) AS lat, area_ubigeo, ST_AsGeoJSON(area, 7) AS area_json, agency, classification, exercise,
  authorized_strength, mission_tasks, directed_resource_action, directed_resource_remark, created_at, updated_at`;

const toUnit = (r: UnitRow): TUnit => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  force: r.force,
  echelon: r.echelon,
  parentId: r.parent_id,
  homeUbigeo: r.home_ubigeo,
  home: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
  area: { ubigeo: r.area_ubigeo, geometry: r.area_json === null ? null : (JSON.parse(r.area_json) as TAorGeometry) },
  agency: r.agency,
  classification: r.classification,
  exercise: r.exercise,
  authorizedStrength: r.authorized_strength,
  missionTasks: r.mission_tasks,
  directedResourceAction: r.directed_resource_action,
  directedResourceRemark: r.directed_resource_remark,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});


export interface UnitFilter {
  labels: readonly ResourceLabel[];
  force?: string | undefined;
  agency?: string | undefined;
  exercise?: boolean | undefined;
  /** Every word must occur in the name or the short name, ignoring case and accents. */
  q?: string | undefined;
  limit: number;
  offset: number;
}

export async function listUnits(db: Queryable, f: UnitFilter): Promise<{ items: TUnit[]; total: number }> {
  const params: unknown[] = [labelKeys(f.labels)];
  const where = [labelPredicate(1)];
  if (f.force) where.push(`force = $${params.push(f.force)}`);
  if (f.agency) where.push(`agency = $${params.push(f.agency)}`);
  if (f.exercise !== undefined) where.push(`exercise = $${params.push(f.exercise)}`);
  where.push(...everyWordIn(['name', 'short_name'], f.q, params));
  const clause = where.join(' AND ');
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM unit WHERE ${clause}`, params);
  const rows = await db.query<UnitRow>(
    `SELECT ${COLUMNS} FROM unit WHERE ${clause} ORDER BY force, name LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { items: rows.rows.map(toUnit), total: total.rows[0]?.n ?? 0 };
}

export async function findUnit(db: Queryable, id: string): Promise<TUnit | null> {
  const r = await db.query<UnitRow>(`SELECT ${COLUMNS} FROM unit WHERE id = $1`, [id]);
  return r.rows[0] ? toUnit(r.rows[0]) : null;
}

/** The readiness basis of a unit (authorized strength, task types, directed resource action); absent: none. */
type ReadinessBasisKeys = 'authorizedStrength' | 'missionTasks' | 'directedResourceAction' | 'directedResourceRemark';

export type UnitValues = Required<Omit<TUnitCreate, 'agency' | 'area' | ReadinessBasisKeys>> & Pick<TUnitCreate, ReadinessBasisKeys> & {
  agency: TUnit['agency'];
  /** Area of responsibility; absent keeps the stored one (none for a new unit). */
  area?: TAreaOfResponsibility | undefined;
};

/** SQL for the area polygon from GeoJSON parameter `$n` (NULL stays NULL), always a MultiPolygon in WGS 84. */
const areaSql = (n: number): string =>
  `CASE WHEN $${n}::text IS NULL THEN NULL ELSE ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($${n}::text), 4326)) END`;

/** The column values of a unit, in the order both statements below use. */
function unitParams(u: UnitValues): unknown[] {
  return [
    u.name,
    u.shortName,
    u.force,
    u.echelon,
    u.parentId,
    u.homeUbigeo,
    u.home?.lon ?? null,
    u.home?.lat ?? null,
    u.agency,
    u.classification,
    u.exercise,
    u.area?.ubigeo ?? [],
    u.area?.geometry ? JSON.stringify(u.area.geometry) : null,
    u.authorizedStrength ?? null,
    u.missionTasks ?? null,
    u.directedResourceAction ?? false,
    u.directedResourceRemark ?? null,
  ];
}

export async function insertUnit(db: Queryable, u: UnitValues): Promise<TUnit> {
  const r = await db.query<UnitRow>(
    `INSERT INTO unit (name, short_name, force, echelon, parent_id, home_ubigeo, home, agency, classification, exercise,
                       area_ubigeo, area, authorized_strength, mission_tasks, directed_resource_action, directed_resource_remark)
     VALUES ($1, $2, $3, $4, $5, $6,
             CASE WHEN $7::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($7::float8, $8::float8), 4326) END,
             $9, $10, $11, $12::text[], ${areaSql(13)}, $14::int, $15::text[], $16::boolean, $17::text)
     RETURNING ${COLUMNS}`,
    unitParams(u),
  );
  return toUnit(r.rows[0]!);
}

export async function updateUnitRow(db: Queryable, id: string, u: UnitValues): Promise<TUnit | null> {
  const r = await db.query<UnitRow>(
    `UPDATE unit SET name = $2, short_name = $3, force = $4, echelon = $5, parent_id = $6, home_ubigeo = $7,
            home = CASE WHEN $8::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($8::float8, $9::float8), 4326) END,
            agency = $10, classification = $11, exercise = $12,
            area_ubigeo = CASE WHEN $19::boolean THEN $13::text[] ELSE area_ubigeo END,
            area = CASE WHEN $19::boolean THEN ${areaSql(14)} ELSE area END,
            authorized_strength = $15::int, mission_tasks = $16::text[], directed_resource_action = $17::boolean,
            directed_resource_remark = $18::text, updated_at = now()
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, ...unitParams(u), u.area !== undefined],
  );
  return r.rows[0] ? toUnit(r.rows[0]) : null;
}

/** True when a district UBIGEO exists in the reference geography. */
export async function districtExists(db: Queryable, ubigeo: string): Promise<boolean> {
  const r = await db.query<{ ok: boolean }>('SELECT EXISTS (SELECT 1 FROM ref_district WHERE ubigeo = $1) AS ok', [ubigeo]);
  return r.rows[0]?.ok === true;
}

/** The reason PostGIS finds a GeoJSON polygon invalid, or null when it is a valid (multi)polygon. */
export async function areaGeometryProblem(db: Queryable, geometry: TAorGeometry): Promise<string | null> {
  const r = await db.query<{ reason: string }>(
    `SELECT CASE WHEN ST_IsValid(g) THEN 'ok' ELSE ST_IsValidReason(g) END AS reason
       FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4326) AS g) x`,
    [JSON.stringify(geometry)],
  );
  const reason = r.rows[0]?.reason ?? 'unreadable';
  return reason === 'ok' ? null : reason;
}

/** True when `candidateParent` is `unitId` itself or one of its subordinates (a cycle). */
export async function wouldCycle(db: Queryable, unitId: string, candidateParent: string): Promise<boolean> {
  const r = await db.query<{ hit: boolean }>(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id, 0 AS depth FROM unit WHERE id = $2
       UNION ALL
       SELECT u.id, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 64
     ) SELECT EXISTS (SELECT 1 FROM up WHERE id = $1) AS hit`,
    [unitId, candidateParent],
  );
  return r.rows[0]?.hit === true;
}

/** The direct subordinates of a unit: their short name, force and echelon (whoever may read them). */
export async function childEchelons(db: Queryable, id: string): Promise<{ shortName: string; force: TUnit['force']; echelon: string }[]> {
  const r = await db.query<{ short_name: string; force: TUnit['force']; echelon: string }>(
    'SELECT short_name, force, echelon FROM unit WHERE parent_id = $1 ORDER BY short_name',
    [id],
  );
  return r.rows.map((c) => ({ shortName: c.short_name, force: c.force, echelon: c.echelon }));
}

/** A unit row of the hierarchy (no geometry), with its labels for the access check. */
export interface HierarchyRow {
  id: string;
  name: string;
  short_name: string;
  force: TUnit['force'];
  echelon: string;
  parent_id: string | null;
  home_ubigeo: string | null;
  agency: TUnit['agency'];
  classification: TUnit['classification'];
  depth: number;
}

/** The chain above a unit, nearest first (depth 1 = parent), at most 64 levels. */
export async function ancestorRows(db: Queryable, id: string): Promise<HierarchyRow[]> {
  const r = await db.query<HierarchyRow>(
    `WITH RECURSIVE up AS (
       SELECT p.*, 1 AS depth FROM unit c JOIN unit p ON p.id = c.parent_id WHERE c.id = $1
       UNION ALL
       SELECT p.*, up.depth + 1 FROM unit p JOIN up ON p.id = up.parent_id WHERE up.depth < 64
     ) SELECT id, name, short_name, force, echelon, parent_id, home_ubigeo, agency, classification, depth
         FROM up ORDER BY depth`,
    [id],
  );
  return r.rows;
}

/** Every unit below a unit, to any depth (at most 64 levels), ordered by depth then name. */
export async function subordinateRows(db: Queryable, id: string): Promise<HierarchyRow[]> {
  const r = await db.query<HierarchyRow>(
    `WITH RECURSIVE down AS (
       SELECT c.*, 1 AS depth FROM unit c WHERE c.parent_id = $1
       UNION ALL
       SELECT c.*, down.depth + 1 FROM unit c JOIN down ON c.parent_id = down.id WHERE down.depth < 64
     ) SELECT id, name, short_name, force, echelon, parent_id, home_ubigeo, agency, classification, depth
         FROM down ORDER BY depth, name`,
    [id],
  );
  return r.rows;
}

/** Every unit the labels allow (for the whole tree), without geometry. */
export async function readableUnitRows(
  db: Queryable,
  labels: readonly ResourceLabel[],
  f: { force?: string | undefined; exercise?: boolean | undefined },
): Promise<HierarchyRow[]> {
  const params: unknown[] = [labelKeys(labels)];
  const where = [labelPredicate(1)];
  if (f.force) where.push(`force = $${params.push(f.force)}`);
  if (f.exercise !== undefined) where.push(`exercise = $${params.push(f.exercise)}`);
  const r = await db.query<HierarchyRow>(
    `SELECT id, name, short_name, force, echelon, parent_id, home_ubigeo, agency, classification, 0 AS depth
       FROM unit WHERE ${where.join(' AND ')} ORDER BY name`,
    params,
  );
  return r.rows;
}
