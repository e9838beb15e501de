import type { TTakCertificate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditedOptions } from '../../platform/audit/run-audited.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { certificateView } from './certificate-view.ts';
import { TAK_REVOKED_SUBJECT, runningCotServer } from './cot-server.ts';
import { findCertificate, markRevoked } from './tak.repository.ts';

/**
 * Revokes a TAK client certificate (a lost or compromised phone): recorded and audited, then every instance
 * rebuilds its CRL and drops the connections that use it. On this instance the CRL is in force when the call
 * returns: the next handshake with that certificate fails.
 */
export async function revokeCertificate(
  ctx: AppContext,
  audited: AuditedOptions,
  actor: Actor,
  id: string,
  reason: string,
): Promise<TTakCertificate> {
  const { value, replayed } = await runAudited(audited, async (tx, audit) => {
    const before = await findCertificate(tx, id);
    if (!before) throw notFound();
    if (before.revokedAt) throw new AppError('TAK_CERTIFICATE_REVOKED', { revokedAt: before.revokedAt.toISOString() });
    const after = await markRevoked(tx, id, actor.userId, reason);
    if (!after) throw new AppError('TAK_CERTIFICATE_REVOKED', { revokedAt: new Date().toISOString() });
    audit.record('revoke', 'tak_certificate', id, { serial: after.serial, userId: after.userId, reason });
    return certificateView(after);
  });
  if (!replayed) {
    await runningCotServer(ctx)?.refreshRevocations();
    await ctx.bus.publish(TAK_REVOKED_SUBJECT, { certificateId: id });
  }
  return value;
}
