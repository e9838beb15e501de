import type { ResourceLabel } from '@enlace/access';
import type {
  TAgencyCode,
  TCertificate,
  TClassification,
  TCourse,
  TCourseArea,
  TCourseCreate,
  TJointExercise,
  TTrainingRecord,
  TTrainingSession,
} from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys, labelPredicate } from '../../platform/db/label-filter.ts';

/** The SQL of training: courses, sessions, records, certificates, joint exercises. */

export interface Labels {
  agency: TAgencyCode;
  classification: TClassification;
  exercise: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Units and people (labels and names only; the records belong to the units and forces modules)
// ---------------------------------------------------------------------------------------------------------------

export async function unitLabel(db: Queryable, id: string): Promise<(Labels & { id: string; name: string; force: string }) | null> {
  const r = await db.query<Labels & { id: string; name: string; force: string }>(
    'SELECT id, name, force, agency, classification, exercise FROM unit WHERE id = $1',
    [id],
  );
  return r.rows[0] ?? null;
}

export async function personLabels(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, Labels & { id: string; name: string }>> {
  const r = await db.query<Labels & { id: string; name: string }>(
    `SELECT id, rank || ' ' || given_names || ' ' || family_names AS name, agency, classification, exercise
       FROM person WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(r.rows.map((p) => [p.id, p]));
}

// ---------------------------------------------------------------------------------------------------------------
// Courses
// ---------------------------------------------------------------------------------------------------------------

interface CourseRow {
  code: string;
  area: TCourseArea;
  name_es: string;
  name_en: string;
  hours: number;
  validity_months: number;
  description_es: string;
  description_en: string;
  legal_refs: string[];
  active: boolean;
}

const toCourse = (r: CourseRow): TCourse => ({
  code: r.code,
  area: r.area,
  nameEs: r.name_es,
  nameEn: r.name_en,
  hours: r.hours,
  validityMonths: r.validity_months,
  descriptionEs: r.description_es,
  descriptionEn: r.description_en,
  legalRefs: r.legal_refs,
  active: r.active,
});

export async function listCourseRows(db: Queryable): Promise<TCourse[]> {
  const r = await db.query<CourseRow>('SELECT * FROM course ORDER BY name_es');
  return r.rows.map(toCourse);
}

export async function findCourse(db: Queryable, code: string): Promise<TCourse | null> {
  const r = await db.query<CourseRow>('SELECT * FROM course WHERE code = $1', [code]);
  return r.rows[0] ? toCourse(r.rows[0]) : null;
}

export async function insertCourse(db: Queryable, c: TCourseCreate): Promise<TCourse> {
  const r = await db.query<CourseRow>(
    `INSERT INTO course (code, area, name_es, name_en, hours, validity_months, description_es, description_en, legal_refs)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[]) RETURNING *`,
    [c.code, c.area, c.nameEs, c.nameEn, c.hours, c.validityMonths, c.descriptionEs, c.descriptionEn, c.legalRefs],
  );
  return toCourse(r.rows[0]!);
}

// ---------------------------------------------------------------------------------------------------------------
// Sessions and records
// ---------------------------------------------------------------------------------------------------------------

interface SessionRow extends Labels {
  id: string;
  course_code: string;
  unit_id: string;
  title: string;
  starts_on: string;
  ends_on: string;
  location: string;
  ubigeo: string | null;
  trainers: string[];
  capacity: number;
  status: TTrainingSession['status'];
  enrolled: number;
  passed: number;
  created_at: Date;
  updated_at: Date;
}

const SESSION_COLUMNS = `s.id, s.course_code, s.unit_id, s.title, to_char(s.starts_on, 'YYYY-MM-DD') AS starts_on,
  to_char(s.ends_on, 'YYYY-MM-DD') AS ends_on, s.location, s.ubigeo, s.trainers, s.capacity, s.status, s.agency,
  s.classification, s.exercise, s.created_at, s.updated_at,
  (SELECT count(*)::int FROM training_record r WHERE r.session_id = s.id) AS enrolled,
  (SELECT count(*)::int FROM training_record r WHERE r.session_id = s.id AND r.result = 'passed') AS passed`;

const toSession = (r: SessionRow): TTrainingSession => ({
  id: r.id,
  courseCode: r.course_code,
  unitId: r.unit_id,
  title: r.title,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  location: r.location,
  ubigeo: r.ubigeo,
  trainers: r.trainers,
  capacity: r.capacity,
  status: r.status,
  enrolled: r.enrolled,
  passed: r.passed,
  agency: r.agency,
  classification: r.classification,
  exercise: r.exercise,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function findSession(db: Queryable, id: string): Promise<TTrainingSession | null> {
  const r = await db.query<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM training_session s WHERE s.id = $1`, [id]);
  return r.rows[0] ? toSession(r.rows[0]) : null;
}

export async function insertSession(
  db: Queryable,
  v: Omit<TTrainingSession, 'id' | 'enrolled' | 'passed' | 'createdAt' | 'updatedAt' | 'status'>,
): Promise<TTrainingSession> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO training_session (course_code, unit_id, title, starts_on, ends_on, location, ubigeo, trainers, capacity,
                                   agency, classification, exercise)
     VALUES ($1, $2, $3, $4::date, $5::date, $6, $7, $8::text[], $9, $10, $11, $12) RETURNING id`,
    [v.courseCode, v.unitId, v.title, v.startsOn, v.endsOn, v.location, v.ubigeo, v.trainers, v.capacity, v.agency, v.classification, v.exercise],
  );
  return (await findSession(db, r.rows[0]!.id))!;
}

export async function setSessionStatus(db: Queryable, id: string, status: TTrainingSession['status']): Promise<void> {
  await db.query('UPDATE training_session SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
}

export async function listSessionRows(
  db: Queryable,
  f: {
    labels: readonly ResourceLabel[];
    unitId?: string | undefined;
    courseCode?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    status?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<TTrainingSession[]> {
  const params: unknown[] = [labelKeys(f.labels)];
  const where = [labelPredicate(1, 's.')];
  if (f.unitId) where.push(`s.unit_id = $${params.push(f.unitId)}`);
  if (f.courseCode) where.push(`s.course_code = $${params.push(f.courseCode)}`);
  if (f.from) where.push(`s.ends_on >= $${params.push(f.from)}::date`);
  if (f.to) where.push(`s.starts_on <= $${params.push(f.to)}::date`);
  if (f.status) where.push(`s.status = $${params.push(f.status)}`);
  const r = await db.query<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM training_session s WHERE ${where.join(' AND ')}
      ORDER BY s.starts_on, s.title, s.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return r.rows.map(toSession);
}

interface RecordRow {
  id: string;
  session_id: string;
  person_id: string;
  person_name: string;
  attended: boolean;
  result: TTrainingRecord['result'];
  score: string | null;
  remarks: string | null;
  certificate_id: string | null;
}

export async function listRecordRows(db: Queryable, sessionId: string): Promise<TTrainingRecord[]> {
  const r = await db.query<RecordRow>(
    `SELECT r.id, r.session_id, r.person_id, p.rank || ' ' || p.given_names || ' ' || p.family_names AS person_name,
            r.attended, r.result, r.score::text AS score, r.remarks,
            (SELECT c.id FROM certificate c WHERE c.session_id = r.session_id AND c.person_id = r.person_id LIMIT 1) AS certificate_id
       FROM training_record r JOIN person p ON p.id = r.person_id
      WHERE r.session_id = $1 ORDER BY p.family_names, p.given_names, r.id`,
    [sessionId],
  );
  return r.rows.map((x) => ({
    id: x.id,
    sessionId: x.session_id,
    personId: x.person_id,
    personName: x.person_name,
    attended: x.attended,
    result: x.result,
    score: x.score === null ? null : Number(x.score),
    remarks: x.remarks,
    certificateId: x.certificate_id,
  }));
}

export async function upsertRecordRow(
  db: Queryable,
  v: { sessionId: string; personId: string; attended: boolean; result: string | null; score: number | null; remarks: string | null },
): Promise<void> {
  await db.query(
    `INSERT INTO training_record (session_id, person_id, attended, result, score, remarks)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (session_id, person_id) DO UPDATE
        SET attended = EXCLUDED.attended, result = EXCLUDED.result, score = EXCLUDED.score, remarks = EXCLUDED.remarks,
            updated_at = now()`,
    [v.sessionId, v.personId, v.attended, v.result, v.score, v.remarks],
  );
}

export async function countRecords(db: Queryable, sessionId: string): Promise<number> {
  const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM training_record WHERE session_id = $1', [sessionId]);
  return r.rows[0]?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------------------------------

interface CertificateRow extends Labels {
  id: string;
  code: string;
  person_id: string;
  holder_name: string;
  course_code: string;
  area: TCourseArea;
  session_id: string | null;
  issued_on: string;
  valid_until: string;
  revoked_at: Date | null;
  revoked_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

const CERTIFICATE_COLUMNS = `c.id, c.code, c.person_id, p.rank || ' ' || p.given_names || ' ' || p.family_names AS holder_name,
  c.course_code, k.area, c.session_id, to_char(c.issued_on, 'YYYY-MM-DD') AS issued_on,
  to_char(c.valid_until, 'YYYY-MM-DD') AS valid_until, c.revoked_at, c.revoked_reason, c.agency, c.classification, c.exercise,
  c.created_at, c.updated_at`;
const CERTIFICATE_FROM = 'certificate c JOIN person p ON p.id = c.person_id JOIN course k ON k.code = c.course_code';

const toCertificate = (r: CertificateRow, today: string): TCertificate => ({
  id: r.id,
  code: r.code,
  personId: r.person_id,
  holderName: r.holder_name,
  courseCode: r.course_code,
  area: r.area,
  sessionId: r.session_id,
  issuedOn: r.issued_on,
  validUntil: r.valid_until,
  status: r.revoked_at ? 'revoked' : r.valid_until < today ? 'expired' : 'valid',
  revokedAt: r.revoked_at ? r.revoked_at.toISOString() : null,
  revokedReason: r.revoked_reason,
  verifyPath: `/verify/${r.code}`,
  agency: r.agency,
  classification: r.classification,
  exercise: r.exercise,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function findCertificate(db: Queryable, id: string, today: string): Promise<TCertificate | null> {
  const r = await db.query<CertificateRow>(`SELECT ${CERTIFICATE_COLUMNS} FROM ${CERTIFICATE_FROM} WHERE c.id = $1`, [id]);
  return r.rows[0] ? toCertificate(r.rows[0], today) : null;
}

export async function findCertificateByKey(
  db: Queryable,
  personId: string,
  courseCode: string,
  issuedOn: string,
  today: string,
): Promise<TCertificate | null> {
  const r = await db.query<CertificateRow>(
    `SELECT ${CERTIFICATE_COLUMNS} FROM ${CERTIFICATE_FROM} WHERE c.person_id = $1 AND c.course_code = $2 AND c.issued_on = $3::date`,
    [personId, courseCode, issuedOn],
  );
  return r.rows[0] ? toCertificate(r.rows[0], today) : null;
}

export async function insertCertificate(
  db: Queryable,
  v: { code: string; personId: string; courseCode: string; sessionId: string | null; issuedOn: string; validUntil: string } & Labels,
  today: string,
): Promise<TCertificate> {
  const r = await db.query<CertificateRow>(
    `WITH c AS (
       INSERT INTO certificate (code, person_id, course_code, session_id, issued_on, valid_until, agency, classification, exercise)
       VALUES ($1, $2, $3, $4, $5::date, $6::date, $7, $8, $9) RETURNING *)
     SELECT ${CERTIFICATE_COLUMNS} FROM c JOIN person p ON p.id = c.person_id JOIN course k ON k.code = c.course_code`,
    [v.code, v.personId, v.courseCode, v.sessionId, v.issuedOn, v.validUntil, v.agency, v.classification, v.exercise],
  );
  return toCertificate(r.rows[0]!, today);
}

export async function setCertificateValidity(db: Queryable, id: string, validUntil: string): Promise<void> {
  await db.query('UPDATE certificate SET valid_until = $2::date, updated_at = now() WHERE id = $1', [id, validUntil]);
}

export async function revokeCertificateRow(db: Queryable, id: string, by: string, reason: string): Promise<boolean> {
  const r = await db.query<{ id: string }>(
    `UPDATE certificate SET revoked_at = now(), revoked_by = $2, revoked_reason = $3, updated_at = now()
      WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
    [id, by, reason],
  );
  return r.rows.length === 1;
}

export async function listCertificateRows(
  db: Queryable,
  f: {
    labels: readonly ResourceLabel[];
    today: string;
    personId?: string | undefined;
    unitId?: string | undefined;
    courseCode?: string | undefined;
    status?: string | undefined;
    expiringWithinDays?: number | undefined;
    force?: string | undefined;
    department?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<TCertificate[]> {
  const params: unknown[] = [labelKeys(f.labels), f.today];
  // $2 (today) is always typed, even when no filter below uses it.
  const where = [labelPredicate(1, 'c.'), '$2::date IS NOT NULL'];
  if (f.personId) where.push(`c.person_id = $${params.push(f.personId)}`);
  if (f.unitId) where.push(`p.unit_id = $${params.push(f.unitId)}`);
  if (f.courseCode) where.push(`c.course_code = $${params.push(f.courseCode)}`);
  if (f.status === 'revoked') where.push('c.revoked_at IS NOT NULL');
  if (f.status === 'expired') where.push('c.revoked_at IS NULL AND c.valid_until < $2::date');
  if (f.status === 'valid') where.push('c.revoked_at IS NULL AND c.valid_until >= $2::date');
  if (f.expiringWithinDays !== undefined) {
    where.push(`c.revoked_at IS NULL AND c.valid_until >= $2::date AND c.valid_until <= $2::date + $${params.push(f.expiringWithinDays)}::int`);
  }
  if (f.force) where.push(`EXISTS (SELECT 1 FROM unit u WHERE u.id = p.unit_id AND u.force = $${params.push(f.force)})`);
  if (f.department) where.push(`EXISTS (SELECT 1 FROM unit u WHERE u.id = p.unit_id AND left(u.home_ubigeo, 2) = $${params.push(f.department)})`);
  const r = await db.query<CertificateRow>(
    `SELECT ${CERTIFICATE_COLUMNS} FROM ${CERTIFICATE_FROM} WHERE ${where.join(' AND ')}
      ORDER BY c.valid_until, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return r.rows.map((x) => toCertificate(x, f.today));
}

/** What the public verification may show, found by code; nothing else is read. */
export async function verificationByCode(
  db: Queryable,
  code: string,
): Promise<{
  holder_name: string;
  course_code: string;
  name_es: string;
  name_en: string;
  issued_on: string;
  valid_until: string;
  revoked: boolean;
} | null> {
  const r = await db.query<{
    holder_name: string;
    course_code: string;
    name_es: string;
    name_en: string;
    issued_on: string;
    valid_until: string;
    revoked: boolean;
  }>(
    `SELECT p.given_names || ' ' || p.family_names AS holder_name, c.course_code, k.name_es, k.name_en,
            to_char(c.issued_on, 'YYYY-MM-DD') AS issued_on, to_char(c.valid_until, 'YYYY-MM-DD') AS valid_until,
            c.revoked_at IS NOT NULL AS revoked
       FROM ${CERTIFICATE_FROM} WHERE c.code = $1 AND NOT c.exercise`,
    [code],
  );
  return r.rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Joint exercises
// ---------------------------------------------------------------------------------------------------------------

interface ExerciseRow extends Labels {
  id: string;
  name: string;
  scenario: string;
  starts_on: string;
  ends_on: string;
  ubigeo: string | null;
  evaluation: TJointExercise['evaluation'];
  lessons: TJointExercise['lessons'];
  units: TJointExercise['units'];
  created_at: Date;
  updated_at: Date;
}

const EXERCISE_COLUMNS = `x.id, x.name, x.scenario, to_char(x.starts_on, 'YYYY-MM-DD') AS starts_on,
  to_char(x.ends_on, 'YYYY-MM-DD') AS ends_on, x.ubigeo, x.evaluation, x.lessons, x.agency, x.classification, x.exercise,
  x.created_at, x.updated_at,
  coalesce((SELECT json_agg(json_build_object('unitId', u.id, 'force', u.force, 'name', u.name, 'role', xu.role) ORDER BY u.force, u.name)
     FROM joint_exercise_unit xu JOIN unit u ON u.id = xu.unit_id WHERE xu.exercise_id = x.id), '[]'::json) AS units`;

const toExercise = (r: ExerciseRow): TJointExercise => ({
  id: r.id,
  name: r.name,
  scenario: r.scenario,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  ubigeo: r.ubigeo,
  units: r.units,
  evaluation: r.evaluation,
  lessons: r.lessons,
  agency: r.agency,
  classification: r.classification,
  exercise: r.exercise,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function findExercise(db: Queryable, id: string): Promise<TJointExercise | null> {
  const r = await db.query<ExerciseRow>(`SELECT ${EXERCISE_COLUMNS} FROM joint_exercise x WHERE x.id = $1`, [id]);
  return r.rows[0] ? toExercise(r.rows[0]) : null;
}

export async function insertExercise(
  db: Queryable,
  v: { name: string; scenario: string; startsOn: string; endsOn: string; ubigeo: string | null; units: { unitId: string; role: string }[] } & Labels,
): Promise<TJointExercise> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO joint_exercise (name, scenario, starts_on, ends_on, ubigeo, agency, classification, exercise)
     VALUES ($1, $2, $3::date, $4::date, $5, $6, $7, $8) RETURNING id`,
    [v.name, v.scenario, v.startsOn, v.endsOn, v.ubigeo, v.agency, v.classification, v.exercise],
  );
  const id = r.rows[0]!.id;
  await db.query(
    `INSERT INTO joint_exercise_unit (exercise_id, unit_id, role)
     SELECT $1, x.unit_id, x.role FROM unnest($2::uuid[], $3::text[]) AS x (unit_id, role)`,
    [id, v.units.map((u) => u.unitId), v.units.map((u) => u.role)],
  );
  return (await findExercise(db, id))!;
}

export async function evaluateExerciseRow(
  db: Queryable,
  id: string,
  evaluation: NonNullable<TJointExercise['evaluation']>,
  lessons: TJointExercise['lessons'],
): Promise<TJointExercise | null> {
  await db.query(
    'UPDATE joint_exercise SET evaluation = $2::jsonb, lessons = $3::jsonb, updated_at = now() WHERE id = $1',
    [id, JSON.stringify(evaluation), JSON.stringify(lessons)],
  );
  return findExercise(db, id);
}

export async function listExerciseRows(db: Queryable, labels: readonly ResourceLabel[], unitId?: string): Promise<TJointExercise[]> {
  const params: unknown[] = [labelKeys(labels)];
  const where = [labelPredicate(1, 'x.')];
  if (unitId) where.push(`EXISTS (SELECT 1 FROM joint_exercise_unit xu WHERE xu.exercise_id = x.id AND xu.unit_id = $${params.push(unitId)})`);
  const r = await db.query<ExerciseRow>(
    `SELECT ${EXERCISE_COLUMNS} FROM joint_exercise x WHERE ${where.join(' AND ')} ORDER BY x.starts_on DESC, x.id LIMIT 500`,
    params,
  );
  return r.rows.map(toExercise);
}
