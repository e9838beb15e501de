import type { TCertificate, TCertificateCreate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, canRead, limaToday } from '../forces/forces-access.ts';
import { newCertificateCode, validUntilOf } from './certificate-code.ts';
import {
  findCertificateByKey,
  findCourse,
  findSession,
  insertCertificate,
  personLabels,
  setCertificateValidity,
} from './training.repository.ts';

/**
 * Checks a certificate draft and returns what to store: the holder must be readable, the course known, the issuer
 * allowed to write training for the holder's agency or for the session's organiser; validity defaults to the course's
 * recertification period. The certificate carries the holder's labels.
 */
async function prepare(tx: Queryable, actor: Actor, draft: TCertificateCreate) {
  const holder = (await personLabels(tx, [draft.personId])).get(draft.personId);
  if (!holder || !canRead(actor, 'personnel:read', holder)) throw new AppError('REFERENCE_NOT_FOUND', { field: 'personId' });
  const course = await findCourse(tx, draft.courseCode);
  if (!course) throw new AppError('REFERENCE_NOT_FOUND', { field: 'courseCode' });
  const session = draft.sessionId ? await findSession(tx, draft.sessionId) : null;
  if (draft.sessionId && (!session || !canRead(actor, 'training:read', session) || session.courseCode !== course.code)) {
    throw new AppError('REFERENCE_NOT_FOUND', { field: 'sessionId' });
  }
  if (session) assertRecordAccess(actor, 'training:write', session, { readPermission: 'training:read' });
  else assertRecordAccess(actor, 'training:write', holder, { existing: false });
  const validUntil = draft.validUntil ?? validUntilOf(draft.issuedOn, course.validityMonths);
  if (validUntil < draft.issuedOn) throw new AppError('VALIDATION_FAILED', { summary: 'body.validUntil: before issuedOn' });
  return {
    personId: holder.id,
    courseCode: course.code,
    sessionId: session?.id ?? null,
    issuedOn: draft.issuedOn,
    validUntil,
    agency: holder.agency,
    classification: holder.classification,
    exercise: holder.exercise || (session?.exercise ?? false),
  };
}

/** Issues a certificate with a fresh random verification code. Reusable inside a transaction (results, imports). */
export async function issueCertificate(tx: Queryable, audit: AuditTrail, actor: Actor, draft: TCertificateCreate): Promise<TCertificate> {
  const values = await prepare(tx, actor, draft);
  const today = limaToday();
  if (await findCertificateByKey(tx, values.personId, values.courseCode, values.issuedOn, today)) {
    throw new AppError('CERTIFICATE_EXISTS', { courseCode: values.courseCode, issuedOn: values.issuedOn });
  }
  const certificate = await insertCertificate(tx, { ...values, code: newCertificateCode() }, today);
  audit.record('issue', 'certificate', certificate.id, certificate);
  return certificate;
}

/**
 * Creates the certificate with the draft's natural key (holder, course, issue date), or brings its validity in line
 * with the draft; re-importing the same training records changes nothing and creates no duplicate.
 */
export async function upsertCertificate(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  draft: TCertificateCreate,
): Promise<{ certificate: TCertificate; outcome: 'created' | 'updated' | 'unchanged' }> {
  const values = await prepare(tx, actor, draft);
  const today = limaToday();
  const existing = await findCertificateByKey(tx, values.personId, values.courseCode, values.issuedOn, today);
  if (!existing) {
    const certificate = await insertCertificate(tx, { ...values, code: newCertificateCode() }, today);
    audit.record('issue', 'certificate', certificate.id, certificate);
    return { certificate, outcome: 'created' };
  }
  if (existing.validUntil === values.validUntil) return { certificate: existing, outcome: 'unchanged' };
  await setCertificateValidity(tx, existing.id, values.validUntil);
  const certificate = { ...existing, validUntil: values.validUntil, status: existing.status === 'revoked' ? 'revoked' as const : values.validUntil < today ? 'expired' as const : 'valid' as const };
  audit.record('update', 'certificate', certificate.id, certificate);
  return { certificate, outcome: 'updated' };
}
