import type { TCertificate, TCertificateCreate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { limaToday } from '../forces/forces-access.ts';
import { newCertificateCode } from './certificate-code.ts';
import { prepareCertificate } from './prepare-certificate.ts';
import { findCertificateByKey, insertCertificate } from './training.repository.ts';

/** Issues a certificate with a fresh random verification code. Reusable inside a transaction (results, imports). */
export async function issueCertificate(tx: Queryable, audit: AuditTrail, actor: Actor, draft: TCertificateCreate): Promise<TCertificate> {
  const values = await prepareCertificate(tx, actor, draft);
  const today = limaToday();
  if (await findCertificateByKey(tx, values.personId, values.courseCode, values.issuedOn, today)) {
    throw new AppError('CERTIFICATE_EXISTS', { courseCode: values.courseCode, issuedOn: values.issuedOn });
  }
  const certificate = await insertCertificate(tx, { ...values, code: newCertificateCode() }, today);
  audit.record('issue', 'certificate', certificate.id, certificate);
  return certificate;
}
