import type { TTakCertificate } from '@enlace/contracts';
import type { CertificateRow } from './tak.repository.ts';

/** A stored certificate as the API shows it. */
export function certificateView(c: CertificateRow, now = Date.now()): TTakCertificate {
  return {
    id: c.id,
    userId: c.userId,
    username: c.username,
    agency: c.agency,
    callsign: c.callsign,
    subject: c.subject,
    serial: c.serial,
    fingerprint: c.fingerprint,
    issuedAt: c.issuedAt.toISOString(),
    notAfter: c.notAfter.toISOString(),
    status: c.revokedAt ? 'revoked' : c.notAfter.getTime() <= now ? 'expired' : 'active',
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revocationReason: c.revocationReason,
  };
}
