import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import { announceSessionsEnded } from '../../platform/auth/watch-sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { revokeSession } from './identity.repository.ts';

/** Revokes the session the request was made with; the token stops working on every instance at once. */
export async function logout({ ctx, actor }: { ctx: AppContext; actor: Actor }): Promise<void> {
  await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    if (await revokeSession(tx, actor.sessionHash)) {
      audit.record('logout', 'session', actor.sessionHash.slice(0, 16), { revoked: true });
    }
  });
  await announceSessionsEnded(ctx, { tokenHashes: [actor.sessionHash] });
}
