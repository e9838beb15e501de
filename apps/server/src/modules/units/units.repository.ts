import type { ResourceLabel } from '@enlace/access';
import type { TUnit, TUnitCreate } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys, labelPredicate } from '../../platform/db/label-filter.ts';

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
  agency: TUnit['agency'];
  classification: TUnit['classification'];
  exercise: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, name, short_name, force, echelon, parent_id, home_ubigeo,
  ST_X(home) AS lon, ST_Y(home) AS lat, agency, classification, exercise, created_at, updated_at`;

const toUnit = (r: UnitRow): TUnit => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  force: r.force,
  echelon: r.echelon,
  parentId: r.parent_id,
  homeUbigeo: r.home_ubigeo,
  home: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
  agency: r.agency,
  classification: r.classification,
  exercise: r.exercise,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});


export interface UnitFilter {
  labels: readonly ResourceLabel[];
  force?: string | undefined;
  agency?: string | undefined;
  exercise?: boolean | undefined;
  limit: number;
  offset: number;
}

export async function listUnits(db: Queryable, f: UnitFilter): Promise<{ items: TUnit[]; total: number }> {
  const params: unknown[] = [labelKeys(f.labels)];
  const where = [labelPredicate(1)];
  if (f.force) where.push(`force = $${params.push(f.force)}`);
  if (f.agency) where.push(`agency = $${params.push(f.agency)}`);
  if (f.exercise !== undefined) where.push(`exercise = $${params.push(f.exercise)}`);
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

export type UnitValues = Required<Omit<TUnitCreate, 'agency'>> & { agency: TUnit['agency'] };

/** The eleven column values of a unit, in the order both statements below use. */
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
  ];
}

export async function insertUnit(db: Queryable, u: UnitValues): Promise<TUnit> {
  const r = await db.query<UnitRow>(
    `INSERT INTO unit (name, short_name, force, echelon, parent_id, home_ubigeo, home, agency, classification, exercise)
     VALUES ($1, $2, $3, $4, $5, $6,
             CASE WHEN $7::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($7::float8, $8::float8), 4326) END,
             $9, $10, $11)
     RETURNING ${COLUMNS}`,
    unitParams(u),
  );
  return toUnit(r.rows[0]!);
}

export async function updateUnitRow(db: Queryable, id: string, u: UnitValues): Promise<TUnit | null> {
  const r = await db.query<UnitRow>(
    `UPDATE unit SET name = $2, short_name = $3, force = $4, echelon = $5, parent_id = $6, home_ubigeo = $7,
            home = CASE WHEN $8::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($8::float8, $9::float8), 4326) END,
            agency = $10, classification = $11, exercise = $12, updated_at = now()
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, ...unitParams(u)],
  );
  return r.rows[0] ? toUnit(r.rows[0]) : null;
}

/** True when a district UBIGEO exists in the reference geography. */
export async function districtExists(db: Queryable, ubigeo: string): Promise<boolean> {
  const r = await db.query<{ ok: boolean }>('SELECT EXISTS (SELECT 1 FROM ref_district WHERE ubigeo = $1) AS ok', [ubigeo]);
  return r.rows[0]?.ok === true;
}
