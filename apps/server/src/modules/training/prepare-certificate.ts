import type { TCertificateCreate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, canRead } from '../forces/forces-access.ts';
import { validUntilOf } from './certificate-code.ts';
import { findCourse, findSession, personLabels } from './training.repository.ts';

/**
 * Checks a certificate draft and returns what to store: the holder must be readable, the course known, the issuer
 * allowed to write training for the holder's agency or for the session's organiser; validity defaults to the course's
 * recertification period. The certificate carries the holder's labels.
 */
export async function prepareCertificate(tx: Queryable, actor: Actor, draft: TCertificateCreate) {
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
