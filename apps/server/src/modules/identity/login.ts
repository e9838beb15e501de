import type { TLoginResponse } from '@enlace/contracts';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import { dummyHash, verifyPassword } from '../../platform/auth/password.ts';
import { newToken, tokenHash } from '../../platform/auth/tokens.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { findUserByUsername, insertFailure, insertSession, recentFailures } from './identity.repository.ts';

export interface LoginOptions {
  ctx: AppContext;
  username: string;
  password: string;
  address: string;
}

/** Per-address allowance relative to the per-account one: several people may share one address (a NAT). */
const ADDRESS_FACTOR = 4;

/**
 * Checks a username and password and opens a session. Failures are throttled per account and per address,
 * recorded, and audited; the answer never says which part was wrong.
 */
export async function login({ ctx, username, password, address }: LoginOptions): Promise<TLoginResponse> {
  const { db, config } = ctx;
  const failures = await recentFailures(db, username, address, config.loginWindowSeconds);
  if (failures.byUser >= config.loginMaxFailures || failures.byAddress >= config.loginMaxFailures * ADDRESS_FACTOR) {
    throw new AppError('TOO_MANY_ATTEMPTS', { retryAfter: config.loginWindowSeconds });
  }
  const user = await findUserByUsername(db, username);
  const ok = user?.active === true && (await verifyPassword(user.passwordHash, password));
  if (!user) await verifyPassword(await dummyHash(), password);
  if (!ok || !user) {
    await runAudited({ db, actor: SYSTEM_ACTOR, afterAudit: ctx.afterAudit }, async (tx, audit) => {
      await insertFailure(tx, username, address);
      audit.record('login_failed', 'user', user?.id ?? null, { username, address });
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const token = newToken();
  const expiresAt = new Date(Date.now() + config.sessionTtlSeconds * 1000);
  const { passwordHash: _secret, ...publicUser } = user;
  await runAudited(
    { db, actor: { id: user.id, name: user.username, agency: user.agency }, afterAudit: ctx.afterAudit },
    async (tx, audit) => {
      await insertSession(tx, { tokenHash: tokenHash(token), userId: user.id, expiresAt, address });
      audit.record('login', 'session', tokenHash(token).slice(0, 16), { userId: user.id, expiresAt, address });
    },
  );
  return { token, expiresAt: expiresAt.toISOString(), user: publicUser };
}
