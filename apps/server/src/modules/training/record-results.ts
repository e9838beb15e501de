import type { TTrainingRecord, TTrainingRecordsBody } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, canRead } from '../forces/forces-access.ts';
import { issueCertificate } from './issue-certificate.ts';
import {
  countRecords,
  findCertificateByKey,
  findSession,
  listRecordRows,
  personLabels,
  setSessionStatus,
  upsertRecordRow,
} from './training.repository.ts';

/**
 * Records attendance and results of a session (one row per member, replaced when sent again) and, unless told not
 * to, issues a certificate to every member who passed, dated the session's last day. All or nothing: one bad row
 * (unknown member, a pass without attendance, over capacity) refuses the whole call.
 */
export async function recordResults(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  sessionId: string,
  body: TTrainingRecordsBody,
): Promise<TTrainingRecord[]> {
  const session = await findSession(tx, sessionId);
  if (!session) throw notFound();
  assertRecordAccess(actor, 'training:write', session, { readPermission: 'training:read' });
  if (session.status === 'cancelled') throw new AppError('SESSION_CANCELLED');
  const ids = [...new Set(body.records.map((r) => r.personId))];
  const people = await personLabels(tx, ids);
  for (const r of body.records) {
    const person = people.get(r.personId);
    if (!person || !canRead(actor, 'personnel:read', person)) throw new AppError('REFERENCE_NOT_FOUND', { field: `records.${r.personId}` });
    if (r.result === 'passed' && !r.attended) throw new AppError('TRAINING_PASSED_WITHOUT_ATTENDANCE', { personId: r.personId });
  }
  for (const r of body.records) {
    await upsertRecordRow(tx, {
      sessionId,
      personId: r.personId,
      attended: r.attended,
      result: r.result ?? null,
      score: r.score ?? null,
      remarks: r.remarks ?? null,
    });
  }
  const enrolled = await countRecords(tx, sessionId);
  if (enrolled > session.capacity) throw new AppError('SESSION_FULL', { capacity: session.capacity, requested: enrolled });
  audit.record('record-results', 'training_session', sessionId, body.records);
  if (body.issueCertificates) {
    for (const r of body.records) {
      if (r.result !== 'passed') continue;
      const existing = await findCertificateByKey(tx, r.personId, session.courseCode, session.endsOn, session.endsOn);
      if (existing) continue;
      await issueCertificate(tx, audit, actor, { personId: r.personId, courseCode: session.courseCode, issuedOn: session.endsOn, sessionId });
    }
  }
  if (body.complete && session.status !== 'completed') {
    await setSessionStatus(tx, sessionId, 'completed');
    audit.record('complete', 'training_session', sessionId, { status: 'completed' });
  }
  return listRecordRows(tx, sessionId);
}
