import { authorize } from '@enlace/access';
import type { TCertificate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, limaToday } from '../forces/forces-access.ts';
import { findCertificate, findSession, revokeCertificateRow } from './training.repository.ts';

/**
 * Revokes a certificate with a reason (e.g. obtained irregularly, holder sanctioned). The holder's agency or the
 * session's organiser may revoke it; revocation is final and audited; verification then says "revoked".
 */
export async function revokeCertificate(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  id: string,
  reason: string,
): Promise<TCertificate> {
  const today = limaToday();
  const certificate = await findCertificate(tx, id, today);
  if (!certificate) throw notFound();
  const session = certificate.sessionId ? await findSession(tx, certificate.sessionId) : null;
  if (!(session && authorize(actor, 'training:write', session).allow)) {
    assertRecordAccess(actor, 'training:write', certificate, { readPermission: 'training:read' });
  }
  if (certificate.status === 'revoked' || !(await revokeCertificateRow(tx, id, actor.username, reason))) {
    throw new AppError('CERTIFICATE_ALREADY_REVOKED');
  }
  const after = (await findCertificate(tx, id, today))!;
  audit.record('revoke', 'certificate', id, after);
  return after;
}
