import type { TCertificateVerification } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { limaToday } from '../forces/forces-access.ts';
import { normalizeCertificateCode } from './certificate-code.ts';
import { verificationByCode } from './training.repository.ts';

/**
 * Public verification of a certificate by its code, without login. Shows only what the certificate proves: the
 * holder's name, the course and the validity; for a revoked code only that it is revoked; for anything else
 * "unknown" (a malformed code never reaches the database). Exercise certificates are not real ones: unknown.
 */
export async function verifyCertificate(db: Queryable, rawCode: string, now: Date = new Date()): Promise<TCertificateVerification> {
  const code = normalizeCertificateCode(rawCode);
  if (!code) return { status: 'unknown' };
  const found = await verificationByCode(db, code);
  if (!found) return { status: 'unknown' };
  if (found.revoked) return { status: 'revoked' };
  return {
    status: found.valid_until < limaToday(now) ? 'expired' : 'valid',
    holderName: found.holder_name,
    course: { code: found.course_code, nameEs: found.name_es, nameEn: found.name_en },
    issuedOn: found.issued_on,
    validUntil: found.valid_until,
  };
}
