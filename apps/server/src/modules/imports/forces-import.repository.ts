import type { ResourceLabel } from '@enlace/access';
import type { TForce } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';

/**
 * Bulk reads and writes of the forces tables (migration 0006, owned by the forces context) for CSV imports:
 * one statement per batch of rows, upserting on each table's natural key, so that 100,000 rows import in
 * seconds and a re-import creates no duplicates.
 */

/** A unit as the import needs it: how a row names it, and its labels for authorize(). */
export interface UnitRef extends ResourceLabel {
  id: string;
  shortName: string;
  name: string;
}

/** Units named by id (UUID) or by short name, among all units (the caller filters by access), with their echelon. */
export async function unitsByRefs(db: Queryable, refs: readonly string[]): Promise<(UnitRef & { force: TForce; echelon: string })[]> {
  const ids = refs.filter((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(r));
  const names = refs.filter((r) => !ids.includes(r));
  const r = await db.query<{ id: string; short_name: string; name: string; force: TForce; echelon: string; agency: UnitRef['agency']; classification: UnitRef['classification'] }>(
    `SELECT id, short_name, name, force, echelon, agency, classification FROM unit WHERE id = ANY($1::uuid[]) OR short_name = ANY($2::text[])`,
    [ids, names],
  );
  return r.rows.map((u) => ({
    id: u.id, shortName: u.short_name, name: u.name, force: u.force, echelon: u.echelon, agency: u.agency, classification: u.classification,
  }));
}

/** Units of one agency with the given short names (the natural key of an imported unit). */
export async function unitsByShortName(db: Queryable, agency: string, names: readonly string[]): Promise<UnitRef[]> {
  const r = await db.query<{ id: string; short_name: string; name: string; agency: UnitRef['agency']; classification: UnitRef['classification'] }>(
    'SELECT id, short_name, name, agency, classification FROM unit WHERE agency = $1 AND short_name = ANY($2::text[])',
    [agency, names],
  );
  return r.rows.map((u) => ({ id: u.id, shortName: u.short_name, name: u.name, agency: u.agency, classification: u.classification }));
}

/** An existing member found by identity document, with the labels needed to decide whether it may change. */
export interface PersonRef extends ResourceLabel {
  id: string;
  documentType: string;
  documentNumber: string;
  unitId: string;
}

export async function personsByDocuments(db: Queryable, docs: readonly { type: string; number: string }[]): Promise<PersonRef[]> {
  if (docs.length === 0) return [];
  const r = await db.query<{ id: string; document_type: string; document_number: string; unit_id: string; agency: PersonRef['agency']; classification: PersonRef['classification'] }>(
    `SELECT p.id, p.document_type, p.document_number, p.unit_id, p.agency, p.classification
       FROM person p JOIN unnest($1::text[], $2::text[]) AS d(t, n) ON p.document_type = d.t AND p.document_number = d.n`,
    [docs.map((d) => d.type), docs.map((d) => d.number)],
  );
  return r.rows.map((p) => ({
    id: p.id,
    documentType: p.document_type,
    documentNumber: p.document_number,
    unitId: p.unit_id,
    agency: p.agency,
    classification: p.classification,
  }));
}

export interface PersonValues {
  unitId: string;
  agency: string;
  givenNames: string;
  familyNames: string;
  rank: string;
  specialty: string | null;
  status: string;
  designatedLethal: boolean;
  documentType: string;
  documentNumber: string;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  classification: string;
  exercise: boolean;
}

export interface UpsertOutcome {
  id: string;
  key: string;
  inserted: boolean;
}

/**
 * Inserts or updates members by identity document in one statement. A row identical to the stored one is left
 * alone (not returned), so `unchanged` = rows - returned.
 */
export async function upsertPersons(db: Queryable, rows: readonly PersonValues[]): Promise<UpsertOutcome[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof PersonValues>(k: K): PersonValues[K][] => rows.map((r) => r[k]);
  const r = await db.query<{ id: string; document_type: string; document_number: string; inserted: boolean }>(
    `INSERT INTO person (unit_id, agency, given_names, family_names, rank, specialty, status, designated_lethal,
                         document_type, document_number, birth_date, phone, email, classification, exercise)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[],
                          $9::text[], $10::text[], $11::date[], $12::text[], $13::text[], $14::text[], $15::boolean[])
     ON CONFLICT (document_type, document_number) DO UPDATE SET
       unit_id = EXCLUDED.unit_id, agency = EXCLUDED.agency, given_names = EXCLUDED.given_names,
       family_names = EXCLUDED.family_names, rank = EXCLUDED.rank, specialty = EXCLUDED.specialty, status = EXCLUDED.status,
       designated_lethal = EXCLUDED.designated_lethal, birth_date = EXCLUDED.birth_date, phone = EXCLUDED.phone,
       email = EXCLUDED.email, classification = EXCLUDED.classification, exercise = EXCLUDED.exercise, updated_at = now()
     WHERE (person.unit_id, person.agency, person.given_names, person.family_names, person.rank, person.specialty, person.status,
            person.designated_lethal, person.birth_date, person.phone, person.email, person.classification, person.exercise)
       IS DISTINCT FROM
           (EXCLUDED.unit_id, EXCLUDED.agency, EXCLUDED.given_names, EXCLUDED.family_names, EXCLUDED.rank, EXCLUDED.specialty,
            EXCLUDED.status, EXCLUDED.designated_lethal, EXCLUDED.birth_date, EXCLUDED.phone, EXCLUDED.email,
            EXCLUDED.classification, EXCLUDED.exercise)
     RETURNING id, document_type, document_number, (xmax = 0) AS inserted`,
    [
      col('unitId'), col('agency'), col('givenNames'), col('familyNames'), col('rank'), col('specialty'), col('status'),
      col('designatedLethal'), col('documentType'), col('documentNumber'), col('birthDate'), col('phone'), col('email'),
      col('classification'), col('exercise'),
    ],
  );
  return r.rows.map((p) => ({ id: p.id, key: `${p.document_type}:${p.document_number}`, inserted: p.inserted }));
}

// ---------------------------------------------------------------------------------------------------------------
// Equipment
// ---------------------------------------------------------------------------------------------------------------

export interface EquipmentValues {
  unitId: string;
  agency: string;
  category: string;
  item: string;
  serial: string | null;
  quantity: number;
  condition: string;
  assignedTo: string | null;
  radio: string | null;
  drone: string | null;
  vehicle: string | null;
  classification: string;
  exercise: boolean;
}

/** Existing serial items by (category, serial), with their labels. */
export async function serialItems(
  db: Queryable,
  keys: readonly { category: string; serial: string }[],
): Promise<(ResourceLabel & { category: string; serial: string })[]> {
  if (keys.length === 0) return [];
  const r = await db.query<{ category: string; serial: string; agency: ResourceLabel['agency']; classification: ResourceLabel['classification'] }>(
    `SELECT e.category, e.serial, e.agency, e.classification
       FROM equipment_item e JOIN unnest($1::text[], $2::text[]) AS k(c, s) ON e.category = k.c AND e.serial = k.s`,
    [keys.map((k) => k.category), keys.map((k) => k.serial)],
  );
  return r.rows;
}

const EQUIPMENT_UNNEST = `unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::uuid[],
                                 $9::jsonb[], $10::jsonb[], $11::jsonb[], $12::text[], $13::boolean[])`;
const EQUIPMENT_COLUMNS = 'unit_id, agency, category, item, serial, quantity, condition, assigned_to, radio, drone, vehicle, classification, exercise';

function equipmentParams(rows: readonly EquipmentValues[]): unknown[] {
  const col = <K extends keyof EquipmentValues>(k: K): EquipmentValues[K][] => rows.map((r) => r[k]);
  return [
    col('unitId'), col('agency'), col('category'), col('item'), col('serial'), col('quantity'), col('condition'), col('assignedTo'),
    col('radio'), col('drone'), col('vehicle'), col('classification'), col('exercise'),
  ];
}

const CHANGED = `(equipment_item.unit_id, equipment_item.agency, equipment_item.item, equipment_item.quantity, equipment_item.condition,
                  equipment_item.assigned_to, equipment_item.radio, equipment_item.drone, equipment_item.vehicle,
                  equipment_item.classification, equipment_item.exercise)
                 IS DISTINCT FROM
                 (EXCLUDED.unit_id, EXCLUDED.agency, EXCLUDED.item, EXCLUDED.quantity, EXCLUDED.condition, EXCLUDED.assigned_to,
                  EXCLUDED.radio, EXCLUDED.drone, EXCLUDED.vehicle, EXCLUDED.classification, EXCLUDED.exercise)`;

/** Serial items: upsert on (category, serial). */
export async function upsertSerialEquipment(db: Queryable, rows: readonly EquipmentValues[]): Promise<UpsertOutcome[]> {
  if (rows.length === 0) return [];
  const r = await db.query<{ id: string; category: string; serial: string; inserted: boolean }>(
    `INSERT INTO equipment_item (${EQUIPMENT_COLUMNS}) SELECT * FROM ${EQUIPMENT_UNNEST}
     ON CONFLICT (category, serial) WHERE serial IS NOT NULL DO UPDATE SET
       unit_id = EXCLUDED.unit_id, agency = EXCLUDED.agency, item = EXCLUDED.item, quantity = EXCLUDED.quantity,
       condition = EXCLUDED.condition, assigned_to = EXCLUDED.assigned_to, radio = EXCLUDED.radio, drone = EXCLUDED.drone,
       vehicle = EXCLUDED.vehicle, classification = EXCLUDED.classification, exercise = EXCLUDED.exercise, updated_at = now()
     WHERE ${CHANGED}
     RETURNING id, category, serial, (xmax = 0) AS inserted`,
    equipmentParams(rows),
  );
  return r.rows.map((e) => ({ id: e.id, key: `S:${e.category}:${e.serial}`, inserted: e.inserted }));
}

/** Lots (no serial): upsert on (unit, category, item, condition, holder); the quantity is replaced. */
export async function upsertLotEquipment(db: Queryable, rows: readonly EquipmentValues[]): Promise<UpsertOutcome[]> {
  if (rows.length === 0) return [];
  const r = await db.query<{ id: string; inserted: boolean }>(
    `INSERT INTO equipment_item (${EQUIPMENT_COLUMNS}) SELECT * FROM ${EQUIPMENT_UNNEST}
     ON CONFLICT (unit_id, category, item, condition, coalesce(assigned_to, '00000000-0000-0000-0000-000000000000'::uuid))
       WHERE serial IS NULL DO UPDATE SET
       agency = EXCLUDED.agency, quantity = EXCLUDED.quantity, radio = EXCLUDED.radio, drone = EXCLUDED.drone,
       vehicle = EXCLUDED.vehicle, classification = EXCLUDED.classification, exercise = EXCLUDED.exercise, updated_at = now()
     WHERE ${CHANGED}
     RETURNING id, (xmax = 0) AS inserted`,
    equipmentParams(rows),
  );
  return r.rows.map((e) => ({ id: e.id, key: e.id, inserted: e.inserted }));
}

// ---------------------------------------------------------------------------------------------------------------
// Training: courses, sessions, attendance and results, certificates
// ---------------------------------------------------------------------------------------------------------------

export async function courseValidity(db: Queryable, codes: readonly string[]): Promise<Map<string, number>> {
  const r = await db.query<{ code: string; validity_months: number }>(
    'SELECT code, validity_months FROM course WHERE code = ANY($1::text[]) AND active',
    [codes],
  );
  return new Map(r.rows.map((c) => [c.code, c.validity_months]));
}

export interface SessionKey {
  unitId: string;
  courseCode: string;
  startsOn: string;
}

/** Sessions by (unit, course, start day): the natural key of a session in an import. */
export async function findSessions(db: Queryable, keys: readonly SessionKey[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const r = await db.query<{ id: string; unit_id: string; course_code: string; starts_on: string }>(
    `SELECT DISTINCT ON (s.unit_id, s.course_code, s.starts_on) s.id, s.unit_id, s.course_code, s.starts_on::text AS starts_on
       FROM training_session s JOIN unnest($1::uuid[], $2::text[], $3::date[]) AS k(u, c, d)
         ON s.unit_id = k.u AND s.course_code = k.c AND s.starts_on = k.d
      ORDER BY s.unit_id, s.course_code, s.starts_on, s.created_at`,
    [keys.map((k) => k.unitId), keys.map((k) => k.courseCode), keys.map((k) => k.startsOn)],
  );
  return new Map(r.rows.map((s) => [`${s.unit_id}|${s.course_code}|${s.starts_on}`, s.id]));
}

export interface NewSession extends SessionKey {
  title: string;
  endsOn: string;
  location: string;
  trainers: string[];
  agency: string;
  classification: string;
  exercise: boolean;
}

export async function insertSession(db: Queryable, s: NewSession): Promise<string> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO training_session (course_code, unit_id, title, starts_on, ends_on, location, trainers, capacity, status,
                                   agency, classification, exercise)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text[], 30, CASE WHEN $5::date < current_date THEN 'completed' ELSE 'planned' END,
             $8, $9, $10)
     RETURNING id`,
    [s.courseCode, s.unitId, s.title, s.startsOn, s.endsOn, s.location, s.trainers, s.agency, s.classification, s.exercise],
  );
  return r.rows[0]!.id;
}

/** Makes each session's capacity at least its number of participants (an imported roster is a fact). */
export async function fitSessionCapacity(db: Queryable, sessionIds: readonly string[]): Promise<void> {
  await db.query(
    `UPDATE training_session s SET capacity = greatest(s.capacity, n.c)
       FROM (SELECT session_id, count(*)::int AS c FROM training_record WHERE session_id = ANY($1::uuid[]) GROUP BY session_id) n
      WHERE s.id = n.session_id AND s.capacity < n.c`,
    [sessionIds],
  );
}

export interface RecordValues {
  sessionId: string;
  personId: string;
  attended: boolean;
  result: string | null;
  score: number | null;
  remarks: string | null;
}

export async function upsertTrainingRecords(db: Queryable, rows: readonly RecordValues[]): Promise<UpsertOutcome[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof RecordValues>(k: K): RecordValues[K][] => rows.map((r) => r[k]);
  const r = await db.query<{ id: string; session_id: string; person_id: string; inserted: boolean }>(
    `INSERT INTO training_record (session_id, person_id, attended, result, score, remarks)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::boolean[], $4::text[], $5::numeric[], $6::text[])
     ON CONFLICT (session_id, person_id) DO UPDATE SET attended = EXCLUDED.attended, result = EXCLUDED.result,
       score = EXCLUDED.score, remarks = EXCLUDED.remarks, updated_at = now()
     WHERE (training_record.attended, training_record.result, training_record.score, training_record.remarks)
       IS DISTINCT FROM (EXCLUDED.attended, EXCLUDED.result, EXCLUDED.score, EXCLUDED.remarks)
     RETURNING id, session_id, person_id, (xmax = 0) AS inserted`,
    [col('sessionId'), col('personId'), col('attended'), col('result'), col('score'), col('remarks')],
  );
  return r.rows.map((t) => ({ id: t.id, key: `${t.session_id}|${t.person_id}`, inserted: t.inserted }));
}

export interface CertificateValues {
  code: string;
  personId: string;
  courseCode: string;
  sessionId: string;
  issuedOn: string;
  validMonths: number;
  agency: string;
  classification: string;
  exercise: boolean;
}

/** Certificates on (holder, course, issue day); an existing one keeps its verification code. */
export async function upsertCertificates(db: Queryable, rows: readonly CertificateValues[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof CertificateValues>(k: K): CertificateValues[K][] => rows.map((r) => r[k]);
  const r = await db.query(
    `INSERT INTO certificate (code, person_id, course_code, session_id, issued_on, valid_until, agency, classification, exercise)
     SELECT c, p, k, s, i, (i + make_interval(months => m))::date, a, cl, e
       FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::date[], $6::int[], $7::text[], $8::text[], $9::boolean[])
            AS t(c, p, k, s, i, m, a, cl, e)
     ON CONFLICT (person_id, course_code, issued_on) DO NOTHING
     RETURNING id`,
    [col('code'), col('personId'), col('courseCode'), col('sessionId'), col('issuedOn'), col('validMonths'), col('agency'),
      col('classification'), col('exercise')],
  );
  return r.rowCount;
}

/** The district UBIGEO codes among `codes` that exist in the reference geography. */
export async function existingDistricts(db: Queryable, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const r = await db.query<{ ubigeo: string }>('SELECT ubigeo FROM ref_district WHERE ubigeo = ANY($1::text[])', [codes]);
  return new Set(r.rows.map((d) => d.ubigeo));
}
