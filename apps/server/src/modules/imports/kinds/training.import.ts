import { randomBytes } from 'node:crypto';
import { authorize } from '@enlace/access';
import { CLASSIFICATIONS, DOCUMENT_TYPES } from '@enlace/contracts';
import { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import type { ImportIssue, ImportKind, ImportRow } from '../../../platform/import/import-kind.ts';
import { csvBool, csvDate, csvEnum, csvMatch, csvNumber, csvText } from '../../../platform/import/import-values.ts';
import {
  courseValidity,
  findSessions,
  fitSessionCapacity,
  insertSession,
  personsByDocuments,
  upsertCertificates,
  upsertTrainingRecords,
} from '../forces-import.repository.ts';
import type { CertificateValues, RecordValues } from '../forces-import.repository.ts';
import { DOCUMENT_NUMBER, resolveUnits } from './unit-refs.ts';

const schema = z
  .object({
    unit: csvText(80),
    courseCode: z.string().transform((s) => s.toUpperCase()).pipe(csvMatch(/^[A-Z0-9_]{2,60}$/, 'IMPORT_COURSE_FORMAT')),
    startsOn: csvDate(),
    endsOn: csvDate().optional(),
    location: csvText(200).optional(),
    trainers: csvText(500).optional(),
    documentType: csvEnum(DOCUMENT_TYPES),
    documentNumber: csvMatch(DOCUMENT_NUMBER, 'IMPORT_DOCUMENT_FORMAT'),
    attended: csvBool(),
    result: csvEnum(['passed', 'failed', 'incomplete'] as const, {
      aprobado: 'passed', aprobo: 'passed', desaprobado: 'failed', reprobado: 'failed', incompleto: 'incomplete',
    }).optional(),
    score: csvNumber(0, 100).optional(),
    remarks: csvText(1000).optional(),
    certificateIssuedOn: csvDate().optional(),
    classification: csvEnum(CLASSIFICATIONS).optional(),
    exercise: csvBool().optional(),
  })
  .superRefine((t, ctx) => {
    if (t.endsOn && t.endsOn < t.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'ends before it starts', params: { code: 'IMPORT_VALUE_OUT_OF_RANGE', range: `≥ ${t.startsOn}` } });
    }
    if (t.result === 'passed' && !t.attended) {
      ctx.addIssue({ code: 'custom', path: ['result'], message: 'passed without attending', params: { code: 'IMPORT_VALUE_NOT_ALLOWED', allowed: 'failed, incomplete' } });
    }
    if (t.certificateIssuedOn && t.result !== 'passed') {
      ctx.addIssue({ code: 'custom', path: ['certificateIssuedOn'], message: 'certificate without passing', params: { code: 'IMPORT_VALUE_NOT_ALLOWED', allowed: '-' } });
    }
  });
type TrainingRow = z.infer<typeof schema>;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** A certificate verification code: 26 base32 characters from 130 random bits (never enumerable). */
function certificateCode(): string {
  const bytes = randomBytes(17);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < 26) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

async function resolveBatch(db: Queryable, rows: readonly ImportRow<TrainingRow>[], actor: Actor) {
  const units = await resolveUnits(db, actor, 'training:write', rows.map((r) => r.value.unit));
  const people = new Map(
    (await personsByDocuments(db, rows.map((r) => ({ type: r.value.documentType, number: r.value.documentNumber })))).map((p) => [
      `${p.documentType}:${p.documentNumber}`,
      p,
    ]),
  );
  const courses = await courseValidity(db, [...new Set(rows.map((r) => r.value.courseCode))]);
  return { units, people, courses };
}

/**
 * Training records (issue 4 item 4): one member's attendance and result in one session per row. The session
 * is named by organising unit, course and start day (created when new); a passed row with a certificate date
 * issues the certificate (valid for the course's months, with a random verification code). Keyed by session
 * and member, so a re-import updates results and never issues a certificate twice.
 */
export const trainingImport: ImportKind<TrainingRow> = {
  name: 'training',
  tables: ['certificate', 'training_record', 'training_session'],
  title: { es: 'Registros de capacitación', en: 'Training records' },
  description: {
    es: 'Asistencia, resultado y certificado de un efectivo en una sesión (unidad + curso + fecha de inicio) por fila.',
    en: "One member's attendance, result and certificate in one session (unit + course + start day) per row.",
  },
  permission: 'training:write',
  fields: [
    { name: 'unit', required: true, label: { es: 'Unidad organizadora', en: 'Organising unit' }, aliases: ['unidad'] },
    { name: 'courseCode', required: true, label: { es: 'Código de curso', en: 'Course code' }, hint: { es: 'p. ej. CONTROL_MULTITUDES', en: 'e.g. CONTROL_MULTITUDES' }, aliases: ['curso', 'codigo_curso', 'course'] },
    { name: 'startsOn', required: true, label: { es: 'Inicio de la sesión', en: 'Session start' }, aliases: ['inicio', 'fecha_inicio', 'fecha'] },
    { name: 'endsOn', required: false, label: { es: 'Fin de la sesión', en: 'Session end' }, aliases: ['fin', 'fecha_fin'] },
    { name: 'location', required: false, label: { es: 'Lugar', en: 'Location' }, aliases: ['lugar', 'sede'] },
    { name: 'trainers', required: false, label: { es: 'Instructores', en: 'Trainers' }, hint: { es: 'separados por |', en: 'separated by |' }, aliases: ['instructores', 'instructor'] },
    { name: 'documentType', required: true, label: { es: 'Tipo de documento', en: 'Document type' }, aliases: ['tipo_documento', 'tipo_doc'] },
    { name: 'documentNumber', required: true, label: { es: 'N.º de documento', en: 'Document number' }, aliases: ['numero_documento', 'documento', 'dni'] },
    { name: 'attended', required: true, label: { es: 'Asistió', en: 'Attended' }, hint: { es: 'sí/no', en: 'yes/no' }, aliases: ['asistio', 'asistencia'] },
    { name: 'result', required: false, label: { es: 'Resultado', en: 'Result' }, hint: { es: 'aprobado, desaprobado, incompleto', en: 'passed, failed, incomplete' }, aliases: ['resultado'] },
    { name: 'score', required: false, label: { es: 'Nota (0-100)', en: 'Score (0-100)' }, aliases: ['nota', 'puntaje', 'calificacion'] },
    { name: 'remarks', required: false, label: { es: 'Observaciones', en: 'Remarks' }, aliases: ['observaciones', 'comentarios'] },
    { name: 'certificateIssuedOn', required: false, label: { es: 'Fecha del certificado', en: 'Certificate date' }, aliases: ['fecha_certificado', 'certificado'] },
    { name: 'classification', required: false, label: { es: 'Clasificación', en: 'Classification' }, aliases: ['clasificacion'] },
    { name: 'exercise', required: false, label: { es: 'Ejercicio', en: 'Exercise' }, aliases: ['ejercicio'] },
  ],
  schema,
  naturalKey: (t) => `${t.unit}|${t.courseCode}|${t.startsOn}|${t.documentType}:${t.documentNumber}`,

  async check(db, rows, ctx) {
    const { units, people, courses } = await resolveBatch(db, rows, ctx.actor);
    const issues: ImportIssue[] = [];
    rows.forEach((r, index) => {
      const v = r.value;
      const u = units.get(v.unit);
      if (u && !u.ok) issues.push({ index, field: 'unit', code: u.code, params: { unit: v.unit } });
      if (!courses.has(v.courseCode)) issues.push({ index, field: 'courseCode', code: 'IMPORT_COURSE_NOT_FOUND', params: { course: v.courseCode } });
      const doc = `${v.documentType}:${v.documentNumber}`;
      const person = people.get(doc);
      if (!person || !authorize(ctx.actor, 'personnel:read', person).allow) {
        issues.push({ index, field: 'documentNumber', code: 'IMPORT_PERSON_NOT_FOUND', params: { document: doc } });
      }
      if (u?.ok && !authorize(ctx.actor, 'training:write', { agency: u.unit.agency, classification: v.classification ?? 'CONFIDENCIAL' }).allow) {
        issues.push({ index, field: 'classification', code: 'CLASSIFICATION_ABOVE_CLEARANCE', params: { clearance: ctx.actor.clearance } });
      }
    });
    return issues;
  },

  async apply(tx, audit, rows, ctx) {
    const { units, people, courses } = await resolveBatch(tx, rows, ctx.actor);
    const unitOf = (ref: string): { id: string; agency: string } => {
      const u = units.get(ref);
      if (!u?.ok) throw new Error(`unit ${ref} was checked but is not resolvable`);
      return u.unit;
    };
    // Sessions first: find each (unit, course, start) once, create the missing ones.
    const sessionKey = (r: TrainingRow): string => `${unitOf(r.unit).id}|${r.courseCode}|${r.startsOn}`;
    const sessions = await findSessions(tx, rows.map((r) => ({ unitId: unitOf(r.value.unit).id, courseCode: r.value.courseCode, startsOn: r.value.startsOn })));
    let sessionsCreated = 0;
    for (const r of rows) {
      const key = sessionKey(r.value);
      if (sessions.has(key)) continue;
      const unit = unitOf(r.value.unit);
      const id = await insertSession(tx, {
        unitId: unit.id,
        courseCode: r.value.courseCode,
        startsOn: r.value.startsOn,
        endsOn: r.value.endsOn ?? r.value.startsOn,
        title: r.value.courseCode,
        location: r.value.location ?? '-',
        trainers: (r.value.trainers ?? '').split('|').map((s) => s.trim()).filter(Boolean),
        agency: unit.agency,
        classification: r.value.classification ?? 'CONFIDENCIAL',
        exercise: r.value.exercise ?? false,
      });
      sessions.set(key, id);
      sessionsCreated++;
    }
    const personId = (r: TrainingRow): string => people.get(`${r.documentType}:${r.documentNumber}`)!.id;
    const records: RecordValues[] = rows.map((r) => ({
      sessionId: sessions.get(sessionKey(r.value))!,
      personId: personId(r.value),
      attended: r.value.attended,
      result: r.value.result ?? null,
      score: r.value.score ?? null,
      remarks: r.value.remarks ?? null,
    }));
    const changed = await upsertTrainingRecords(tx, records);
    await fitSessionCapacity(tx, [...new Set(records.map((r) => r.sessionId))]);
    const certificates: CertificateValues[] = rows
      .filter((r) => r.value.certificateIssuedOn !== undefined)
      .map((r) => {
        const unit = unitOf(r.value.unit);
        return {
          code: certificateCode(),
          personId: personId(r.value),
          courseCode: r.value.courseCode,
          sessionId: sessions.get(sessionKey(r.value))!,
          issuedOn: r.value.certificateIssuedOn!,
          validMonths: courses.get(r.value.courseCode)!,
          agency: unit.agency,
          classification: r.value.classification ?? 'CONFIDENCIAL',
          exercise: r.value.exercise ?? false,
        };
      });
    const issued = await upsertCertificates(tx, certificates);
    const created = changed.filter((c) => c.inserted).length;
    audit.record('import.training', 'import_run', ctx.runId, {
      sha256: ctx.sha256,
      lines: [rows[0]?.line, rows.at(-1)?.line],
      changed,
      sessionsCreated,
      certificatesIssued: issued,
    });
    return { created, updated: changed.length - created, unchanged: rows.length - changed.length };
  },
};
