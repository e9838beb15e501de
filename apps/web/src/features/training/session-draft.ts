import i18next from 'i18next';
import {
  ZTrainingSessionCreate,
  type TClassification,
  type TTrainingRecord,
  type TTrainingRecordsBody,
  type TTrainingResult,
  type TTrainingSessionCreate,
} from '@enlace/contracts';
import { fieldErrorsFromIssues, type FieldErrors } from '../../app/ui/form-errors.ts';
import type { Checked } from './exercise-draft.ts';

/** The new-session form as typed: trainers one per line, the capacity as text. */
export interface SessionDraft {
  courseCode: string;
  unitId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  location: string;
  ubigeo: string;
  trainers: string;
  capacity: string;
  classification: TClassification;
}

/** A blank session on `day` for the organising unit `unitId` (the first the user may organise for). */
export function emptySessionDraft(day: string, unitId = '', courseCode = ''): SessionDraft {
  return { courseCode, unitId, title: '', startsOn: day, endsOn: day, location: '', ubigeo: '', trainers: '', capacity: '30', classification: 'PUBLICO' };
}

/** The trainers typed one per line (or separated by semicolons), blanks dropped. */
export const trainersOf = (text: string): string[] => text.split(/[\n;]/).map((s) => s.trim()).filter(Boolean);

/** Checks the draft with the shared `ZTrainingSessionCreate` schema; the title is optional (the server names it). */
export function checkSessionDraft(draft: SessionDraft): Checked<TTrainingSessionCreate> {
  const capacity = draft.capacity.trim();
  const parsed = ZTrainingSessionCreate.safeParse({
    courseCode: draft.courseCode,
    unitId: draft.unitId,
    ...(draft.title.trim() ? { title: draft.title } : {}),
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    location: draft.location,
    ubigeo: draft.ubigeo.trim() || null,
    trainers: trainersOf(draft.trainers),
    capacity: capacity === '' ? undefined : Number(capacity),
    classification: draft.classification,
  });
  const required = i18next.t('validation.required');
  const errors: FieldErrors = parsed.success
    ? {}
    : fieldErrorsFromIssues(parsed.error.issues, { ubigeo: i18next.t('validation.ubigeo'), startsOn: required, endsOn: required, unitId: required, courseCode: required });
  if (errors['trainers'] !== undefined) errors['trainers'] = i18next.t('training.sessions.form.needTrainer');
  if (draft.startsOn && draft.endsOn && draft.endsOn < draft.startsOn) errors['endsOn'] = i18next.t('training.form.endsBeforeStart');
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors };
}

/** One member's line of the attendance and results sheet. */
export interface RecordRow {
  personId: string;
  name: string;
  attended: boolean;
  result: TTrainingResult | '';
  score: string;
  remarks: string;
  /** Already on record at the server (sent again with the sheet, so it is never silently dropped). */
  recorded: boolean;
  certificateId: string | null;
}

/**
 * The sheet: every member already recorded, as recorded, then the organising unit's other members, blank; each
 * part by name.
 */
export function recordRows(members: readonly { id: string; name: string }[], records: readonly TTrainingRecord[]): RecordRow[] {
  const byName = (a: RecordRow, b: RecordRow): number => a.name.localeCompare(b.name, 'es');
  const recorded = records.map((r): RecordRow => ({
    personId: r.personId,
    name: r.personName,
    attended: r.attended,
    result: r.result ?? '',
    score: r.score === null ? '' : String(r.score),
    remarks: r.remarks ?? '',
    recorded: true,
    certificateId: r.certificateId,
  })).sort(byName);
  const known = new Set(records.map((r) => r.personId));
  const others = members.filter((m) => !known.has(m.id)).map((m): RecordRow => ({
    personId: m.id, name: m.name, attended: false, result: '', score: '', remarks: '', recorded: false, certificateId: null,
  })).sort(byName);
  return [...recorded, ...others];
}

/**
 * The body of `PUT /training/sessions/:id/records` from the sheet: the rows already on record and every row marked
 * present or given a result (members left untouched are not enrolled). A pass without attendance and a score out of
 * 0-100 are refused on their row, naming the member, before anything is sent.
 */
export function checkRecordRows(rows: readonly RecordRow[], { complete }: { complete: boolean }): Checked<TTrainingRecordsBody> {
  const errors: FieldErrors = {};
  const records: TTrainingRecordsBody['records'] = [];
  for (const row of rows) {
    if (!row.recorded && !row.attended && row.result === '' && !row.score.trim() && !row.remarks.trim()) continue;
    const scoreText = row.score.trim().replace(',', '.');
    const score = scoreText === '' ? null : Number(scoreText);
    if (row.result === 'passed' && !row.attended) errors[row.personId] = i18next.t('training.records.passedWithoutAttendance', { name: row.name });
    else if (score !== null && !(Number.isFinite(score) && score >= 0 && score <= 100)) errors[row.personId] = i18next.t('training.records.badScore', { name: row.name });
    records.push({ personId: row.personId, attended: row.attended, result: row.result === '' ? null : row.result, score, remarks: row.remarks.trim() || null });
  }
  if (records.length === 0) errors['records'] = i18next.t('training.records.none');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { records, issueCertificates: true, complete } };
}
