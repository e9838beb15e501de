import type { TCertificate, TCertificateCreate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { limaToday } from '../forces/forces-access.ts';
import { newCertificateCode } from './certificate-code.ts';
import { prepareCertificate } from './prepare-certificate.ts';
import { findCertificateByKey, insertCertificate, setCertificateValidity } from './training.repository.ts';

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
  const values = await prepareCertificate(tx, actor, draft);
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
