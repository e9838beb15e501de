import type { ResourceLabel } from '@enlace/access';
import { COURSE_AREAS } from '@enlace/contracts';
import type { TAgencyCode, TClassification, TForce } from '@enlace/contracts';
import type { TReadinessCertificate, TReadinessData, TReadinessEquipment, TReadinessMember, TReadinessStandard, TTask } from '@enlace/rules';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys, labelPredicate } from '../../platform/db/label-filter.ts';

/**
 * The SQL of readiness: set-based loading of the records a computation reads (one query per table, whatever the
 * number of units), storing results, overrides, and the national aggregates.
 */

export interface UnitScope {
  labels: readonly ResourceLabel[];
  /** Only these units (else every unit the labels allow). */
  unitIds?: readonly string[] | undefined;
  department?: string | undefined;
  force?: string | undefined;
  exercise?: boolean | undefined;
}

/** SQL selecting the units of a scope as `scope(id)`; pushes its parameters. */
function scopeCte(s: UnitScope, params: unknown[]): string {
  const where = [labelPredicate(params.push(labelKeys(s.labels)), 'u.')];
  if (s.unitIds) where.push(`u.id = ANY($${params.push(s.unitIds)}::uuid[])`);
  if (s.department) where.push(`left(u.home_ubigeo, 2) = $${params.push(s.department)}`);
  if (s.force) where.push(`u.force = $${params.push(s.force)}`);
  if (s.exercise !== undefined) where.push(`u.exercise = $${params.push(s.exercise)}`);
  return `scope AS (SELECT u.id FROM unit u WHERE ${where.join(' AND ')})`;
}

/**
 * Everything a readiness computation of the scope's units reads, as of `today` (a Lima date), in three queries:
 * - the units;
 * - the members serving in them today (a member seconded out counts where they serve), each with the areas of their
 *   unrevoked certificates valid today (aggregated in SQL: one row per member, not one per certificate; such a
 *   certificate is handed to the computation as valid through `today`, the day it is judged on);
 * - the equipment: unassigned items summed per unit, category and radio (one row each), items assigned to a member
 *   one row per record, and, when a gap list is wanted (`itemsForRepair`), items not serviceable one row per record
 *   (the repair list names them).
 */
export async function loadReadinessData(
  db: Queryable,
  scope: UnitScope,
  today: string,
  { itemsForRepair = true }: { itemsForRepair?: boolean } = {},
): Promise<TReadinessData> {
  const p1: unknown[] = [];
  const units = await db.query<{
    id: string;
    authorized_strength: number | null;
    mission_tasks: TTask[] | null;
    directed_resource_action: boolean;
    directed_resource_remark: string | null;
  }>(
    `WITH ${scopeCte(scope, p1)}
     SELECT u.id, u.authorized_strength, u.mission_tasks, u.directed_resource_action, u.directed_resource_remark
       FROM scope JOIN unit u ON u.id = scope.id ORDER BY u.id`,
    p1,
  );

  // A few named units: certificates by member (index); a whole region or the country: one hash pass over them all.
  const few = scope.unitIds !== undefined && scope.unitIds.length <= 50;
  const p2: unknown[] = [];
  const cte2 = scopeCte(scope, p2);
  const t2 = p2.push(today);
  const a2 = p2.push(COURSE_AREAS);
  const members = await db.query<{
    id: string;
    unit_id: string;
    status: TReadinessMember['status'];
    designated_lethal: boolean;
    mask: number | null;
  }>(
    `WITH ${cte2},
     posted AS (
       SELECT p.id, coalesce(s.to_unit_id, p.unit_id) AS unit_id, p.status, p.designated_lethal
         FROM person p
         LEFT JOIN secondment s ON s.person_id = p.id AND s.status = 'approved' AND $${t2}::date BETWEEN s.starts_on AND s.ends_on),
     serving AS (SELECT posted.* FROM posted JOIN scope ON scope.id = posted.unit_id),
     bits AS (SELECT code, 1 << (array_position($${a2}::text[], area) - 1) AS bit FROM course),
     held AS (
       SELECT c.person_id, bit_or(bits.bit) AS mask
         FROM certificate c JOIN bits ON bits.code = c.course_code
        WHERE c.revoked_at IS NULL AND c.valid_until >= $${t2}::date AND c.issued_on <= $${t2}::date
          ${few ? 'AND c.person_id IN (SELECT id FROM serving)' : ''}
        GROUP BY c.person_id)
     SELECT serving.*, held.mask FROM serving LEFT JOIN held ON held.person_id = serving.id`,
    p2,
  );

  const p3: unknown[] = [];
  const cte3 = scopeCte(scope, p3);
  const radio = `coalesce((e.vehicle ->> 'hasRadio')::boolean, false)`;
  const equipment = await db.query<{
    id: string;
    unit_id: string;
    category: TReadinessEquipment['category'];
    quantity: number;
    condition: TReadinessEquipment['condition'];
    assigned_to: string | null;
    with_radio: boolean;
  }>(
    `WITH ${cte3}
     SELECT (array_agg(e.id))[1] AS id, e.unit_id, e.category, sum(e.quantity)::int AS quantity, 'serviceable' AS condition,
            NULL::uuid AS assigned_to, ${radio} AS with_radio
       FROM equipment_item e JOIN scope ON scope.id = e.unit_id
      WHERE e.condition = 'serviceable' AND e.assigned_to IS NULL GROUP BY e.unit_id, e.category, ${radio}
     UNION ALL
     ${itemsForRepair ? '' : `SELECT (array_agg(e.id))[1], e.unit_id, e.category, sum(e.quantity)::int, e.condition, NULL::uuid, ${radio}
       FROM equipment_item e JOIN scope ON scope.id = e.unit_id
      WHERE e.condition <> 'serviceable' AND e.assigned_to IS NULL GROUP BY e.unit_id, e.category, e.condition, ${radio}
     UNION ALL`}
     SELECT e.id, e.unit_id, e.category, e.quantity, e.condition, e.assigned_to, ${radio}
       FROM equipment_item e JOIN scope ON scope.id = e.unit_id
      WHERE ${itemsForRepair ? "e.condition <> 'serviceable' OR " : ''}e.assigned_to IS NOT NULL`,
    p3,
  );

  const certificates: TReadinessCertificate[] = [];
  for (const m of members.rows) {
    const mask = m.mask ?? 0;
    if (mask === 0) continue;
    COURSE_AREAS.forEach((area, i) => {
      if (mask & (1 << i)) certificates.push({ memberId: m.id, course: area, validUntil: today });
    });
  }
  return {
    units: units.rows.map((u) => ({
      unitId: u.id,
      authorizedStrength: u.authorized_strength,
      tasks: u.mission_tasks,
      directedResourceAction: u.directed_resource_action,
      directedResourceRemark: u.directed_resource_remark,
    })),
    members: members.rows.map((m) => ({ id: m.id, unitId: m.unit_id, status: m.status, designatedLethal: m.designated_lethal })),
    certificates,
    equipment: equipment.rows.map((e) => ({
      id: e.id,
      unitId: e.unit_id,
      category: e.category,
      quantity: e.quantity,
      condition: e.condition,
      assignedTo: e.assigned_to,
      withRadio: e.with_radio,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Stored results and overrides
// ---------------------------------------------------------------------------------------------------------------

/**
 * One stored result. `details` (the `gaps` column) holds the computation's gap list with its target level and
 * summary, the strength and the lethal-weapon figures.
 */
export interface ResultValues {
  unitId: string;
  asOf: string;
  standardVersion: string;
  computed: string;
  pillars: unknown;
  tasks: unknown;
  details: unknown;
  members: number;
  qualifiedMembers: number;
}

/** Replaces the stored result of each unit (one statement for all). */
export async function storeResults(db: Queryable, results: readonly ResultValues[]): Promise<void> {
  if (results.length === 0) return;
  await db.query(
    `INSERT INTO readiness_result (unit_id, as_of, standard_version, computed, pillars, tasks, gaps, members, qualified_members, computed_at)
     SELECT x.unit_id, x.as_of, x.standard_version, x.computed, x.pillars, x.tasks, x.details, x.members, x.qualified_members, now()
       FROM jsonb_to_recordset($1::jsonb) AS x (unit_id uuid, as_of date, standard_version text, computed text, pillars jsonb,
                                                tasks jsonb, details jsonb, members int, qualified_members int)
     ON CONFLICT (unit_id) DO UPDATE SET
       id = gen_random_uuid(), as_of = EXCLUDED.as_of, standard_version = EXCLUDED.standard_version,
       computed = EXCLUDED.computed, pillars = EXCLUDED.pillars, tasks = EXCLUDED.tasks, gaps = EXCLUDED.gaps,
       members = EXCLUDED.members, qualified_members = EXCLUDED.qualified_members, computed_at = now()`,
    [
      JSON.stringify(
        results.map((r) => ({
          unit_id: r.unitId,
          as_of: r.asOf,
          standard_version: r.standardVersion,
          computed: r.computed,
          pillars: r.pillars,
          tasks: r.tasks,
          details: r.details,
          members: r.members,
          qualified_members: r.qualifiedMembers,
        })),
      ),
    ],
  );
}

export interface StoredResultRow {
  id: string;
  unit_id: string;
  unit_name: string;
  force: TForce;
  agency: TAgencyCode;
  classification: TClassification;
  exercise: boolean;
  as_of: string;
  computed_at: Date;
  standard_version: string;
  computed: string;
  pillars: Record<string, unknown>;
  tasks: unknown[];
  details: {
    targetLevel?: number | null;
    summary?: unknown[];
    items?: unknown[];
    strength?: number;
    strengthBase?: 'authorized' | 'roster';
    tasksBase?: 'unit' | 'default';
    lethal?: unknown;
    gapsComputed?: boolean;
  } | null;
  directed_resource_action: boolean;
  directed_resource_remark: string | null;
  members: number;
  qualified_members: number;
  override_id: string | null;
  override_level: string | null;
  override_remark: string | null;
  override_by: string | null;
  override_at: Date | null;
}

const RESULT_SELECT = `SELECT r.id, r.unit_id, u.name AS unit_name, u.force, u.agency, u.classification, u.exercise,
    u.directed_resource_action, u.directed_resource_remark,
    r.as_of::text AS as_of, r.computed_at, r.standard_version, r.computed, r.pillars, r.tasks, r.gaps AS details, r.members,
    r.qualified_members, o.id AS override_id, o.level AS override_level, o.remark AS override_remark, o.by_actor AS override_by,
    o.at AS override_at
  FROM readiness_result r JOIN unit u ON u.id = r.unit_id
  LEFT JOIN readiness_override o ON o.unit_id = r.unit_id AND o.withdrawn_at IS NULL`;

export async function findResult(db: Queryable, unitId: string): Promise<StoredResultRow | null> {
  const r = await db.query<StoredResultRow>(`${RESULT_SELECT} WHERE r.unit_id = $1`, [unitId]);
  return r.rows[0] ?? null;
}

export async function listResults(
  db: Queryable,
  f: { labels: readonly ResourceLabel[]; department?: string | undefined; force?: string | undefined; limit: number; offset: number },
): Promise<StoredResultRow[]> {
  const params: unknown[] = [labelKeys(f.labels)];
  const where = [labelPredicate(1, 'u.')];
  if (f.department) where.push(`left(u.home_ubigeo, 2) = $${params.push(f.department)}`);
  if (f.force) where.push(`u.force = $${params.push(f.force)}`);
  const r = await db.query<StoredResultRow>(
    `${RESULT_SELECT} WHERE ${where.join(' AND ')} ORDER BY u.force, u.name LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return r.rows;
}

/** Names of members (for the gap list), only those given. */
export async function memberNames(db: Queryable, ids: readonly string[]): Promise<Map<string, { name: string; agency: TAgencyCode; classification: TClassification }>> {
  if (ids.length === 0) return new Map();
  const r = await db.query<{ id: string; name: string; agency: TAgencyCode; classification: TClassification }>(
    `SELECT id, rank || ' ' || given_names || ' ' || family_names AS name, agency, classification FROM person WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(r.rows.map((x) => [x.id, x]));
}

export async function unitForReadiness(
  db: Queryable,
  id: string,
): Promise<{ id: string; name: string; force: TForce; agency: TAgencyCode; classification: TClassification; exercise: boolean } | null> {
  const r = await db.query<{ id: string; name: string; force: TForce; agency: TAgencyCode; classification: TClassification; exercise: boolean }>(
    'SELECT id, name, force, agency, classification, exercise FROM unit WHERE id = $1',
    [id],
  );
  return r.rows[0] ?? null;
}

/** Replaces the unit's active override (the previous one is withdrawn, never deleted). */
export async function insertOverride(
  db: Queryable,
  v: { unitId: string; level: string; remark: string; actorId: string; actor: string },
): Promise<{ id: string; at: Date }> {
  await db.query(
    'UPDATE readiness_override SET withdrawn_at = now(), withdrawn_by = $2 WHERE unit_id = $1 AND withdrawn_at IS NULL',
    [v.unitId, v.actor],
  );
  const r = await db.query<{ id: string; at: Date }>(
    `INSERT INTO readiness_override (unit_id, level, remark, by_actor_id, by_actor) VALUES ($1, $2, $3, $4, $5) RETURNING id, at`,
    [v.unitId, v.level, v.remark, v.actorId, v.actor],
  );
  return r.rows[0]!;
}

export async function withdrawOverride(db: Queryable, unitId: string, actor: string): Promise<string | null> {
  const r = await db.query<{ id: string }>(
    'UPDATE readiness_override SET withdrawn_at = now(), withdrawn_by = $2 WHERE unit_id = $1 AND withdrawn_at IS NULL RETURNING id',
    [unitId, actor],
  );
  return r.rows[0]?.id ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// National view
// ---------------------------------------------------------------------------------------------------------------

export interface NationalFilter {
  labels: readonly ResourceLabel[];
  force?: string | undefined;
  department?: string | undefined;
  exercise?: boolean | undefined;
}

function unitWhere(f: NationalFilter, params: unknown[], alias = 'u.'): string {
  const where = [labelPredicate(params.push(labelKeys(f.labels)), alias)];
  if (f.force) where.push(`${alias}force = $${params.push(f.force)}`);
  if (f.department) where.push(`left(${alias}home_ubigeo, 2) = $${params.push(f.department)}`);
  if (f.exercise !== undefined) where.push(`${alias}exercise = $${params.push(f.exercise)}`);
  return where.join(' AND ');
}

/** A region row of the national view. */
export interface RegionRow {
  department: string;
  department_name: string;
  force: TForce;
  units: number;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  c5: number;
  without_result: number;
  oldest_computed_at: Date | null;
  newest_computed_at: Date | null;
  members: number;
  qualified: number;
}

/**
 * Every unit of the filter with its effective level: C5 under a directed resource action, else the override's, else
 * the stored result's; NULL for a unit never computed ("sin datos"), which is counted, not left out.
 */
const EFFECTIVE = (where: string): string => `eff AS (
       SELECT left(u.home_ubigeo, 2) AS department, u.force, r.computed_at,
              CASE WHEN u.directed_resource_action THEN 'C5' WHEN r.unit_id IS NULL THEN NULL ELSE coalesce(o.level, r.computed) END AS level,
              coalesce(r.members, 0) AS members, coalesce(r.qualified_members, 0) AS qualified_members
         FROM unit u LEFT JOIN readiness_result r ON r.unit_id = u.id
         LEFT JOIN readiness_override o ON o.unit_id = u.id AND o.withdrawn_at IS NULL
        WHERE ${where})`;

const COUNTS = `count(*)::int AS units,
            count(*) FILTER (WHERE level = 'C1')::int AS c1, count(*) FILTER (WHERE level = 'C2')::int AS c2,
            count(*) FILTER (WHERE level = 'C3')::int AS c3, count(*) FILTER (WHERE level = 'C4')::int AS c4,
            count(*) FILTER (WHERE level = 'C5')::int AS c5, count(*) FILTER (WHERE level IS NULL)::int AS without_result,
            min(computed_at) AS oldest_computed_at, max(computed_at) AS newest_computed_at,
            coalesce(sum(members), 0)::int AS members, coalesce(sum(qualified_members), 0)::int AS qualified`;

/**
 * Per department and force: every unit, by effective level, with how many have no stored result and how old the
 * stored results are (oldest and newest computation), members and qualified members.
 */
export async function regionRows(db: Queryable, f: NationalFilter): Promise<RegionRow[]> {
  const params: unknown[] = [];
  const where = unitWhere(f, params);
  const r = await db.query<RegionRow>(
    `WITH ${EFFECTIVE(`u.home_ubigeo IS NOT NULL AND ${where}`)}
     SELECT e.department, coalesce(d.name, e.department) AS department_name, e.force, ${COUNTS}
       FROM eff e LEFT JOIN ref_department d ON d.ubigeo = e.department
      GROUP BY e.department, d.name, e.force ORDER BY e.department, e.force`,
    params,
  );
  return r.rows;
}

/** The same figures over every unit of the filter (those without a home department included). */
export async function overallRow(db: Queryable, f: NationalFilter): Promise<Omit<RegionRow, 'department' | 'department_name' | 'force'>> {
  const params: unknown[] = [];
  const where = unitWhere(f, params);
  const r = await db.query<Omit<RegionRow, 'department' | 'department_name' | 'force'>>(
    `WITH ${EFFECTIVE(where)} SELECT ${COUNTS} FROM eff`,
    params,
  );
  return r.rows[0]!;
}

/** Per unit with any crowd-control, non-lethal, radio or drone (or other) equipment: serviceable quantity per category. */
export async function capabilityRows(db: Queryable, f: NationalFilter): Promise<{
  unit_id: string;
  unit_name: string;
  force: TForce;
  ubigeo: string | null;
  lon: number | null;
  lat: number | null;
  category: string;
  quantity: number;
}[]> {
  const params: unknown[] = [];
  const where = unitWhere(f, params);
  const eq = labelPredicate(params.push(labelKeys(f.labels)), 'e.');
  const r = await db.query<{
    unit_id: string;
    unit_name: string;
    force: TForce;
    ubigeo: string | null;
    lon: number | null;
    lat: number | null;
    category: string;
    quantity: number;
  }>(
    `SELECT u.id AS unit_id, u.name AS unit_name, u.force, u.home_ubigeo AS ubigeo, ST_X(u.home) AS lon, ST_Y(u.home) AS lat,
            e.category, sum(e.quantity)::int AS quantity
       FROM equipment_item e JOIN unit u ON u.id = e.unit_id
      WHERE e.condition = 'serviceable' AND ${eq} AND ${where}
      GROUP BY u.id, u.name, u.force, u.home_ubigeo, u.home, e.category
      ORDER BY u.force, u.name, e.category`,
    params,
  );
  return r.rows;
}

/** Members with a current certificate per department (of the unit they serve in) and area. */
export async function certifiedRows(db: Queryable, f: NationalFilter, today: string): Promise<{
  department: string;
  department_name: string;
  area: string;
  members: number;
}[]> {
  const params: unknown[] = [];
  const where = unitWhere(f, params);
  const cert = labelPredicate(params.push(labelKeys(f.labels)), 'c.');
  const t = params.push(today);
  const r = await db.query<{ department: string; department_name: string; area: string; members: number }>(
    `SELECT left(u.home_ubigeo, 2) AS department, coalesce(d.name, left(u.home_ubigeo, 2)) AS department_name, k.area,
            count(DISTINCT c.person_id)::int AS members
       FROM certificate c JOIN course k ON k.code = c.course_code JOIN person p ON p.id = c.person_id
       JOIN unit u ON u.id = p.unit_id LEFT JOIN ref_department d ON d.ubigeo = left(u.home_ubigeo, 2)
      WHERE c.revoked_at IS NULL AND c.valid_until >= $${t}::date AND c.issued_on <= $${t}::date AND u.home_ubigeo IS NOT NULL
        AND ${cert} AND ${where}
      GROUP BY 1, 2, 3 ORDER BY 1, 3`,
    params,
  );
  return r.rows;
}

/** Unrevoked certificates whose last day falls within 30, 60 and 90 days, per area. */
export async function expiringRows(db: Queryable, f: NationalFilter, today: string): Promise<{ area: string; d30: number; d60: number; d90: number }[]> {
  const params: unknown[] = [];
  const where = unitWhere(f, params);
  const cert = labelPredicate(params.push(labelKeys(f.labels)), 'c.');
  const t = params.push(today);
  const r = await db.query<{ area: string; d30: number; d60: number; d90: number }>(
    `SELECT k.area,
            count(*) FILTER (WHERE c.valid_until <= $${t}::date + 30)::int AS d30,
            count(*) FILTER (WHERE c.valid_until <= $${t}::date + 60)::int AS d60,
            count(*)::int AS d90
       FROM certificate c JOIN course k ON k.code = c.course_code JOIN person p ON p.id = c.person_id
       JOIN unit u ON u.id = p.unit_id
      WHERE c.revoked_at IS NULL AND c.valid_until >= $${t}::date AND c.valid_until <= $${t}::date + 90 AND ${cert} AND ${where}
      GROUP BY k.area ORDER BY k.area`,
    params,
  );
  return r.rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Versions of the readiness standard
// ---------------------------------------------------------------------------------------------------------------

export interface StandardVersionRow {
  standard_id: string;
  version: string;
  body: TReadinessStandard;
  active: boolean;
  remark: string | null;
  created_by: string;
  created_at: Date;
}

/** The version an admin put in force, if any (the seed in code applies otherwise). */
export async function findActiveStandard(db: Queryable): Promise<StandardVersionRow | null> {
  const r = await db.query<StandardVersionRow>('SELECT * FROM readiness_standard WHERE active');
  return r.rows[0] ?? null;
}

/** One stored version by its id and version string. */
export async function findStandardVersion(db: Queryable, standardId: string, version: string): Promise<StandardVersionRow | null> {
  const r = await db.query<StandardVersionRow>('SELECT * FROM readiness_standard WHERE standard_id = $1 AND version = $2', [standardId, version]);
  return r.rows[0] ?? null;
}

/** Every stored version, newest first, without their bodies. */
export async function listStandardVersions(db: Queryable): Promise<Omit<StandardVersionRow, 'body'>[]> {
  const r = await db.query<Omit<StandardVersionRow, 'body'>>(
    'SELECT standard_id, version, active, remark, created_by, created_at FROM readiness_standard ORDER BY created_at DESC, version DESC',
  );
  return r.rows;
}

/** Serialises changes of the standard in force (two admins saving at once: one wins, the other sees its version). */
export async function lockStandards(db: Queryable): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock(hashtext('readiness_standard'))");
}

/** Stores a new version and puts it in force in place of the previous one. */
export async function insertActiveStandard(
  db: Queryable,
  s: { standard: TReadinessStandard; remark: string | null; createdBy: string },
): Promise<StandardVersionRow> {
  await db.query('UPDATE readiness_standard SET active = false WHERE active');
  const r = await db.query<StandardVersionRow>(
    `INSERT INTO readiness_standard (standard_id, version, body, active, remark, created_by)
     VALUES ($1, $2, $3::jsonb, true, $4, $5) RETURNING *`,
    [s.standard.standardId, s.standard.version, JSON.stringify(s.standard), s.remark, s.createdBy],
  );
  return r.rows[0]!;
}

// ---------------------------------------------------------------------------------------------------------------
// The daily recompute
// ---------------------------------------------------------------------------------------------------------------

/**
 * Takes the daily recompute's lock for the caller's transaction, without waiting: false when another server
 * instance holds it (it is recomputing now).
 */
export async function tryLockDailyRecompute(db: Queryable): Promise<boolean> {
  const r = await db.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock(hashtext('readiness_daily_recompute')) AS ok");
  return r.rows[0]?.ok === true;
}

/** When the daily recompute of a Lima day ran, if it did. */
export async function findDailyRun(db: Queryable, day: string): Promise<{ ran_at: Date; units: number } | null> {
  const r = await db.query<{ ran_at: Date; units: number }>('SELECT ran_at, units FROM readiness_daily_run WHERE day = $1::date', [day]);
  return r.rows[0] ?? null;
}

export async function insertDailyRun(db: Queryable, v: { day: string; units: number; standardVersion: string }): Promise<void> {
  await db.query('INSERT INTO readiness_daily_run (day, units, standard_version) VALUES ($1::date, $2, $3)', [v.day, v.units, v.standardVersion]);
}
