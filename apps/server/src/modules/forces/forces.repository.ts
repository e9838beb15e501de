import type { ResourceLabel } from '@enlace/access';
import { EQUIPMENT_GROUP_OF } from '@enlace/contracts';
import type {
  TAgencyCode,
  TClassification,
  TEquipment,
  TEquipmentCondition,
  TForce,
  TForcesEquipmentCategory,
  TPerson,
  TPersonStatus,
  TSecondment,
} from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys, labelPredicate } from '../../platform/db/label-filter.ts';
import { everyWordIn } from '../../platform/db/text-search.ts';

/** The SQL of forces: units' labels, personnel, secondments, equipment. */

// ---------------------------------------------------------------------------------------------------------------
// Units (labels only; the unit record belongs to the units module)
// ---------------------------------------------------------------------------------------------------------------

export interface UnitLabel {
  id: string;
  name: string;
  force: TForce;
  agency: TAgencyCode;
  classification: TClassification;
  exercise: boolean;
}

export async function findUnitLabel(db: Queryable, id: string): Promise<UnitLabel | null> {
  const r = await db.query<UnitLabel>('SELECT id, name, force, agency, classification, exercise FROM unit WHERE id = $1', [id]);
  return r.rows[0] ?? null;
}

/** SQL selecting the ids of a unit and all its subordinates (parameter `$n`). */
export const subtreeSql = (n: number): string => `
  WITH RECURSIVE sub AS (
    SELECT id, 0 AS depth FROM unit WHERE id = $${n}
    UNION ALL SELECT u.id, sub.depth + 1 FROM unit u JOIN sub ON u.parent_id = sub.id WHERE sub.depth < 64
  ) SELECT id FROM sub`;

// ---------------------------------------------------------------------------------------------------------------
// Personnel
// ---------------------------------------------------------------------------------------------------------------

interface PersonRow {
  id: string;
  unit_id: string;
  seconded_to: string | null;
  given_names: string;
  family_names: string;
  rank: string;
  specialty: string | null;
  status: TPersonStatus;
  designated_lethal: boolean;
  document_type: TPerson['documentType'];
  document_number: string;
  birth_date: string | null;
  phone: string | null;
  email: string | null;
  agency: TAgencyCode;
  classification: TClassification;
  exercise: boolean;
  created_at: Date;
  updated_at: Date;
}

/** A member with personal data; the use-case removes it when the reader may not see it. */
export type PersonRecord = Omit<TPerson, 'personal'> & {
  personal: NonNullable<TPerson['personal']>;
};

/** `$n`: the Lima date a secondment must cover to count as current. */
const PERSON_COLUMNS = (todayParam: number): string => `p.id, p.unit_id,
  (SELECT s.to_unit_id FROM secondment s
    WHERE s.person_id = p.id AND s.status = 'approved' AND $${todayParam}::date BETWEEN s.starts_on AND s.ends_on
    ORDER BY s.starts_on DESC LIMIT 1) AS seconded_to,
  p.given_names, p.family_names, p.rank, p.specialty, p.status, p.designated_lethal, p.document_type, p.document_number,
  to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.phone, p.email, p.agency, p.classification, p.exercise,
  p.created_at, p.updated_at`;

const toPerson = (r: PersonRow): PersonRecord => ({
  id: r.id,
  unitId: r.unit_id,
  secondedToUnitId: r.seconded_to,
  givenNames: r.given_names,
  familyNames: r.family_names,
  rank: r.rank,
  specialty: r.specialty,
  status: r.status,
  designatedLethal: r.designated_lethal,
  documentType: r.document_type,
  personal: { documentNumber: r.document_number, birthDate: r.birth_date, phone: r.phone, email: r.email },
  agency: r.agency,
  classification: r.classification,
  exercise: r.exercise,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function findPerson(db: Queryable, id: string, today: string): Promise<PersonRecord | null> {
  const r = await db.query<PersonRow>(`SELECT ${PERSON_COLUMNS(2)} FROM person p WHERE p.id = $1`, [id, today]);
  return r.rows[0] ? toPerson(r.rows[0]) : null;
}

export async function findPersonByDocument(
  db: Queryable,
  documentType: string,
  documentNumber: string,
  today: string,
): Promise<PersonRecord | null> {
  const r = await db.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS(3)} FROM person p WHERE p.document_type = $1 AND p.document_number = $2`,
    [documentType, documentNumber, today],
  );
  return r.rows[0] ? toPerson(r.rows[0]) : null;
}

export interface PersonValues {
  unitId: string;
  givenNames: string;
  familyNames: string;
  rank: string;
  specialty: string | null;
  status: TPersonStatus;
  designatedLethal: boolean;
  documentType: string;
  documentNumber: string;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  agency: TAgencyCode;
  classification: TClassification;
  exercise: boolean;
}

const personParams = (v: PersonValues): unknown[] => [
  v.unitId,
  v.givenNames,
  v.familyNames,
  v.rank,
  v.specialty,
  v.status,
  v.designatedLethal,
  v.documentType,
  v.documentNumber,
  v.birthDate,
  v.phone,
  v.email,
  v.agency,
  v.classification,
  v.exercise,
];

export async function insertPerson(db: Queryable, v: PersonValues, today: string): Promise<PersonRecord> {
  const r = await db.query<PersonRow>(
    `WITH p AS (
       INSERT INTO person (unit_id, given_names, family_names, rank, specialty, status, designated_lethal, document_type,
                           document_number, birth_date, phone, email, agency, classification, exercise)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date, $11, $12, $13, $14, $15)
       RETURNING *)
     SELECT ${PERSON_COLUMNS(16)} FROM p`,
    [...personParams(v), today],
  );
  return toPerson(r.rows[0]!);
}

export async function updatePersonRow(db: Queryable, id: string, v: PersonValues, today: string): Promise<PersonRecord | null> {
  const r = await db.query<PersonRow>(
    `WITH p AS (
       UPDATE person SET unit_id = $2, given_names = $3, family_names = $4, rank = $5, specialty = $6, status = $7,
              designated_lethal = $8, document_type = $9, document_number = $10, birth_date = $11::date, phone = $12,
              email = $13, agency = $14, classification = $15, exercise = $16, updated_at = now()
        WHERE id = $1 RETURNING *)
     SELECT ${PERSON_COLUMNS(17)} FROM p`,
    [id, ...personParams(v), today],
  );
  return r.rows[0] ? toPerson(r.rows[0]) : null;
}

export interface PersonFilter {
  labels: readonly ResourceLabel[];
  today: string;
  unitId?: string | undefined;
  subordinates?: boolean | undefined;
  status?: string | undefined;
  q?: string | undefined;
  exercise?: boolean | undefined;
  limit: number;
  offset: number;
}

/**
 * Members the labels allow; with a unit: its roster (home members and members seconded in today, not those
 * seconded out), optionally with the rosters of every subordinate unit.
 */
export async function listPersonRows(db: Queryable, f: PersonFilter): Promise<{ items: PersonRecord[]; total: number }> {
  const params: unknown[] = [labelKeys(f.labels), f.today];
  const where = [labelPredicate(1, 'p.')];
  if (f.unitId) {
    const n = params.push(f.unitId);
    const units = f.subordinates ? `(${subtreeSql(n)})` : `(SELECT $${n}::uuid)`;
    where.push(`(
      (p.unit_id IN ${units} AND NOT EXISTS (
         SELECT 1 FROM secondment s WHERE s.person_id = p.id AND s.status = 'approved'
            AND $2::date BETWEEN s.starts_on AND s.ends_on AND s.to_unit_id NOT IN ${units}))
      OR EXISTS (
         SELECT 1 FROM secondment s WHERE s.person_id = p.id AND s.status = 'approved'
            AND $2::date BETWEEN s.starts_on AND s.ends_on AND s.to_unit_id IN ${units}))`);
  }
  if (f.status) where.push(`p.status = $${params.push(f.status)}`);
  if (f.exercise !== undefined) where.push(`p.exercise = $${params.push(f.exercise)}`);
  where.push(...everyWordIn(["p.given_names || ' ' || p.family_names || ' ' || p.rank"], f.q, params));
  const clause = where.join(' AND ');
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM person p WHERE ${clause}`, params);
  const rows = await db.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS(2)} FROM person p WHERE ${clause}
      ORDER BY p.family_names, p.given_names, p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { items: rows.rows.map(toPerson), total: total.rows[0]?.n ?? 0 };
}

// ---------------------------------------------------------------------------------------------------------------
// Secondments
// ---------------------------------------------------------------------------------------------------------------

interface SecondmentRow {
  id: string;
  person_id: string;
  person_name: string;
  from_unit_id: string;
  to_unit_id: string;
  starts_on: string;
  ends_on: string;
  reason: string;
  status: TSecondment['status'];
  requested_by: string;
  decided_by: string | null;
  decided_at: Date | null;
  decision_remark: string | null;
  agency: TAgencyCode;
  classification: TClassification;
  exercise: boolean;
  created_at: Date;
  updated_at: Date;
}

const SECONDMENT_COLUMNS = `s.id, s.person_id, p.rank || ' ' || p.given_names || ' ' || p.family_names AS person_name,
  s.from_unit_id, s.to_unit_id, to_char(s.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(s.ends_on, 'YYYY-MM-DD') AS ends_on,
  s.reason, s.status, s.requested_by, s.decided_by, s.decided_at, s.decision_remark, s.agency, s.classification, s.exercise,
  s.created_at, s.updated_at`;

const toSecondment = (r: SecondmentRow): TSecondment => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  fromUnitId: r.from_unit_id,
  toUnitId: r.to_unit_id,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  reason: r.reason,
  status: r.status,
  requestedBy: r.requested_by,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
  decisionRemark: r.decision_remark,
  agency: r.agency,
  classification: r.classification,
  exercise: r.exercise,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function findSecondment(db: Queryable, id: string): Promise<TSecondment | null> {
  const r = await db.query<SecondmentRow>(
    `SELECT ${SECONDMENT_COLUMNS} FROM secondment s JOIN person p ON p.id = s.person_id WHERE s.id = $1`,
    [id],
  );
  return r.rows[0] ? toSecondment(r.rows[0]) : null;
}

/** True when the member has a requested or approved secondment overlapping the period. */
export async function secondmentOverlaps(db: Queryable, personId: string, from: string, to: string): Promise<boolean> {
  const r = await db.query<{ hit: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM secondment WHERE person_id = $1 AND status IN ('requested', 'approved')
                       AND starts_on <= $3::date AND ends_on >= $2::date) AS hit`,
    [personId, from, to],
  );
  return r.rows[0]?.hit === true;
}

export async function insertSecondment(
  db: Queryable,
  v: {
    personId: string;
    fromUnitId: string;
    toUnitId: string;
    startsOn: string;
    endsOn: string;
    reason: string;
    requestedBy: string;
    agency: TAgencyCode;
    classification: TClassification;
    exercise: boolean;
  },
): Promise<TSecondment> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO secondment (person_id, from_unit_id, to_unit_id, starts_on, ends_on, reason, requested_by, agency,
                             classification, exercise)
     VALUES ($1, $2, $3, $4::date, $5::date, $6, $7, $8, $9, $10) RETURNING id`,
    [v.personId, v.fromUnitId, v.toUnitId, v.startsOn, v.endsOn, v.reason, v.requestedBy, v.agency, v.classification, v.exercise],
  );
  return (await findSecondment(db, r.rows[0]!.id))!;
}

export async function decideSecondmentRow(
  db: Queryable,
  id: string,
  v: { status: TSecondment['status']; decidedBy: string; remark: string | null },
): Promise<TSecondment | null> {
  const r = await db.query<{ id: string }>(
    `UPDATE secondment SET status = $2, decided_by = $3, decided_at = now(), decision_remark = $4, updated_at = now()
      WHERE id = $1 AND status = 'requested' RETURNING id`,
    [id, v.status, v.decidedBy, v.remark],
  );
  return r.rows[0] ? findSecondment(db, id) : null;
}

export async function listSecondmentRows(
  db: Queryable,
  f: {
    labels: readonly ResourceLabel[];
    unitId?: string | undefined;
    personId?: string | undefined;
    status?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<TSecondment[]> {
  const params: unknown[] = [labelKeys(f.labels)];
  const where = [labelPredicate(1, 's.')];
  if (f.unitId) {
    const n = params.push(f.unitId);
    where.push(`(s.from_unit_id = $${n} OR s.to_unit_id = $${n})`);
  }
  if (f.personId) where.push(`s.person_id = $${params.push(f.personId)}`);
  if (f.status) where.push(`s.status = $${params.push(f.status)}`);
  const r = await db.query<SecondmentRow>(
    `SELECT ${SECONDMENT_COLUMNS} FROM secondment s JOIN person p ON p.id = s.person_id WHERE ${where.join(' AND ')}
      ORDER BY s.starts_on DESC, s.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return r.rows.map(toSecondment);
}

// ---------------------------------------------------------------------------------------------------------------
// Equipment
// ---------------------------------------------------------------------------------------------------------------

interface EquipmentRow {
  id: string;
  unit_id: string;
  category: TForcesEquipmentCategory;
  item: string;
  serial: string | null;
  quantity: number;
  condition: TEquipmentCondition;
  assigned_to: string | null;
  radio: TEquipment['radio'];
  drone: TEquipment['drone'];
  vehicle: TEquipment['vehicle'];
  agency: TAgencyCode;
  classification: TClassification;
  exercise: boolean;
  created_at: Date;
  updated_at: Date;
}

const toEquipment = (r: EquipmentRow): TEquipment => ({
  id: r.id,
  unitId: r.unit_id,
  category: r.category,
  group: EQUIPMENT_GROUP_OF[r.category],
  item: r.item,
  serial: r.serial,
  quantity: r.quantity,
  condition: r.condition,
  assignedTo: r.assigned_to,
  radio: r.radio,
  drone: r.drone,
  vehicle: r.vehicle,
  agency: r.agency,
  classification: r.classification,
  exercise: r.exercise,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export interface EquipmentValues {
  unitId: string;
  category: TForcesEquipmentCategory;
  item: string;
  serial: string | null;
  quantity: number;
  condition: TEquipmentCondition;
  assignedTo: string | null;
  radio: TEquipment['radio'];
  drone: TEquipment['drone'];
  vehicle: TEquipment['vehicle'];
  agency: TAgencyCode;
  classification: TClassification;
  exercise: boolean;
}

const equipmentParams = (v: EquipmentValues): unknown[] => [
  v.unitId,
  v.category,
  v.item,
  v.serial,
  v.quantity,
  v.condition,
  v.assignedTo,
  v.radio === null ? null : JSON.stringify(v.radio),
  v.drone === null ? null : JSON.stringify(v.drone),
  v.vehicle === null ? null : JSON.stringify(v.vehicle),
  v.agency,
  v.classification,
  v.exercise,
];

export async function findEquipment(db: Queryable, id: string): Promise<TEquipment | null> {
  const r = await db.query<EquipmentRow>('SELECT * FROM equipment_item WHERE id = $1', [id]);
  return r.rows[0] ? toEquipment(r.rows[0]) : null;
}

/** The record with the same natural key: (category, serial) for serial items, else the lot key. */
export async function findEquipmentByNaturalKey(db: Queryable, v: EquipmentValues): Promise<TEquipment | null> {
  const r = v.serial
    ? await db.query<EquipmentRow>('SELECT * FROM equipment_item WHERE category = $1 AND serial = $2', [v.category, v.serial])
    : await db.query<EquipmentRow>(
        `SELECT * FROM equipment_item WHERE serial IS NULL AND unit_id = $1 AND category = $2 AND item = $3 AND condition = $4
            AND assigned_to IS NOT DISTINCT FROM $5::uuid`,
        [v.unitId, v.category, v.item, v.condition, v.assignedTo],
      );
  return r.rows[0] ? toEquipment(r.rows[0]) : null;
}

export async function insertEquipment(db: Queryable, v: EquipmentValues): Promise<TEquipment> {
  const r = await db.query<EquipmentRow>(
    `INSERT INTO equipment_item (unit_id, category, item, serial, quantity, condition, assigned_to, radio, drone, vehicle,
                                 agency, classification, exercise)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12, $13) RETURNING *`,
    equipmentParams(v),
  );
  return toEquipment(r.rows[0]!);
}

export async function updateEquipmentRow(db: Queryable, id: string, v: EquipmentValues): Promise<TEquipment | null> {
  const r = await db.query<EquipmentRow>(
    `UPDATE equipment_item SET unit_id = $2, category = $3, item = $4, serial = $5, quantity = $6, condition = $7,
            assigned_to = $8, radio = $9::jsonb, drone = $10::jsonb, vehicle = $11::jsonb, agency = $12,
            classification = $13, exercise = $14, updated_at = now()
      WHERE id = $1 RETURNING *`,
    [id, ...equipmentParams(v)],
  );
  return r.rows[0] ? toEquipment(r.rows[0]) : null;
}

export interface EquipmentFilter {
  labels: readonly ResourceLabel[];
  unitId?: string | undefined;
  categories?: readonly string[] | undefined;
  condition?: string | undefined;
  assignedTo?: string | undefined;
  limit: number;
  offset: number;
}

export async function listEquipmentRows(db: Queryable, f: EquipmentFilter): Promise<{ items: TEquipment[]; total: number }> {
  const params: unknown[] = [labelKeys(f.labels)];
  const where = [labelPredicate(1)];
  if (f.unitId) where.push(`unit_id = $${params.push(f.unitId)}`);
  if (f.categories) where.push(`category = ANY($${params.push(f.categories)}::text[])`);
  if (f.condition) where.push(`condition = $${params.push(f.condition)}`);
  if (f.assignedTo) where.push(`assigned_to = $${params.push(f.assignedTo)}`);
  const clause = where.join(' AND ');
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM equipment_item WHERE ${clause}`, params);
  const rows = await db.query<EquipmentRow>(
    `SELECT * FROM equipment_item WHERE ${clause} ORDER BY category, item, serial NULLS FIRST, id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { items: rows.rows.map(toEquipment), total: total.rows[0]?.n ?? 0 };
}

/** Quantities per category and condition of a unit's readable equipment. */
export async function equipmentSummaryRows(
  db: Queryable,
  labels: readonly ResourceLabel[],
  unitId: string,
): Promise<{ category: TForcesEquipmentCategory; condition: TEquipmentCondition; quantity: number; classified: string[] | null }[]> {
  // `classified`: the ids of the records above PUBLICO behind each figure (their reading is audited).
  const r = await db.query<{ category: TForcesEquipmentCategory; condition: TEquipmentCondition; quantity: number; classified: string[] | null }>(
    `SELECT category, condition, sum(quantity)::int AS quantity,
            array_agg(id::text ORDER BY id) FILTER (WHERE classification <> 'PUBLICO') AS classified
       FROM equipment_item
      WHERE unit_id = $2 AND ${labelPredicate(1)} GROUP BY category, condition ORDER BY category, condition`,
    [labelKeys(labels), unitId],
  );
  return r.rows;
}

// ---------------------------------------------------------------------------------------------------------------
// A unit's members and equipment for the tasking evaluator
// ---------------------------------------------------------------------------------------------------------------

export interface TaskingMemberRow {
  id: string;
  designated_lethal: boolean;
  /** [area, validUntil] pairs of unrevoked certificates already issued (the evaluator judges expiry). */
  trainings: [string, string][] | null;
  /** Categories of serviceable items assigned to the member. */
  equipment: string[] | null;
}

/**
 * The members serving in a unit today (home members not seconded out, plus members seconded in) who are not on
 * leave, with their unrevoked certificates (expired ones too: the evaluator tells expired from missing) and the
 * serviceable items they carry.
 */
export async function taskingMemberRows(db: Queryable, unitId: string, today: string): Promise<TaskingMemberRow[]> {
  const r = await db.query<TaskingMemberRow>(
    `WITH roster AS (
       -- Two index-friendly halves (own members not seconded away; members seconded in), not one OR that scans
       -- every person.
       SELECT p.id, p.designated_lethal FROM person p
        WHERE p.unit_id = $1 AND p.status <> 'on_leave'
          AND NOT EXISTS (SELECT 1 FROM secondment s WHERE s.person_id = p.id AND s.status = 'approved'
                            AND $2::date BETWEEN s.starts_on AND s.ends_on AND s.to_unit_id <> $1)
       UNION
       SELECT p.id, p.designated_lethal FROM secondment s JOIN person p ON p.id = s.person_id
        WHERE s.to_unit_id = $1 AND s.status = 'approved' AND $2::date BETWEEN s.starts_on AND s.ends_on
          AND p.status <> 'on_leave'
     )
     SELECT r.id, r.designated_lethal,
            (SELECT json_agg(json_build_array(c2.area, to_char(c.valid_until, 'YYYY-MM-DD')))
               FROM certificate c JOIN course c2 ON c2.code = c.course_code
              WHERE c.person_id = r.id AND c.revoked_at IS NULL AND c.issued_on <= $2::date) AS trainings,
            (SELECT json_agg(DISTINCT e.category) FROM equipment_item e
              WHERE e.assigned_to = r.id AND e.condition = 'serviceable') AS equipment
       FROM roster r ORDER BY r.id`,
    [unitId, today],
  );
  return r.rows;
}

/** The serviceable items of a unit not assigned to anyone (its pool), per category. */
export async function unitPoolRows(db: Queryable, unitId: string): Promise<{ category: string; quantity: number }[]> {
  const r = await db.query<{ category: string; quantity: number }>(
    `SELECT category, sum(quantity)::int AS quantity FROM equipment_item
      WHERE unit_id = $1 AND assigned_to IS NULL AND condition = 'serviceable' GROUP BY category ORDER BY category`,
    [unitId],
  );
  return r.rows;
}
