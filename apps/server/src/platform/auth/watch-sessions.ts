import type { Db } from '../db/db.ts';
import { readChangeVersion } from '../db/change-versions.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { SessionCache } from './session-cache.ts';

/** Bus subject: sessions that ended (logout, revocation, a user's rights or state changed), for every instance. */
export const SESSIONS_ENDED = 'identity.sessions.ended';

export interface SessionsEnded {
  /** SHA-256 hashes of ended session tokens. */
  tokenHashes?: string[];
  /** Users whose every session ended or whose cached identity is out of date. */
  userIds?: string[];
}

/**
 * Keeps an instance's {@link SessionCache} honest: drops what the bus reports ended, and polls the `identity`
 * change counter every `checkMs` (a changed counter drops everything). Returns the stop function.
 */
export function watchSessions(
  db: Db,
  bus: EventBus,
  cache: SessionCache,
  options: {
    checkMs: number;
    onError: (err: unknown) => void;
    /** False while migrations run (the counter's table may not exist yet): nothing is cached and nothing is reported. */
    ready?: () => boolean;
  },
): () => void {
  if (!cache.enabled) return () => undefined;
  const unsubscribe = bus.subscribe(SESSIONS_ENDED, (event) => {
    const ended = event.data as SessionsEnded;
    if (Array.isArray(ended.tokenHashes)) cache.forgetTokens(ended.tokenHashes);
    if (Array.isArray(ended.userIds)) cache.forgetUsers(ended.userIds);
  });
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;
  const poll = async (): Promise<void> => {
    if (stopped || db.closed) return;
    if (options.ready && !options.ready()) {
      cache.clear();
      return;
    }
    try {
      cache.observeCounter(await readChangeVersion(db, 'identity'));
      failures = 0;
    } catch (err) {
      // Without the counter nothing may be trusted: start afresh.
      cache.clear();
      if (++failures === 3) options.onError(err);
    }
  };
  const next = (): void => {
    if (stopped) return;
    timer = setTimeout(() => void poll().finally(next), options.checkMs);
    timer.unref();
  };
  void poll().finally(next);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}

/**
 * Tells this instance's cache at once, and the other instances through the bus, that sessions ended. Call after
 * the transaction that ended them committed.
 */
export async function announceSessionsEnded(
  ctx: { bus: EventBus; sessions: SessionCache; log: { warn: (obj: object, msg: string) => void } },
  ended: SessionsEnded,
): Promise<void> {
  if (ended.tokenHashes?.length) ctx.sessions.forgetTokens(ended.tokenHashes);
  if (ended.userIds?.length) ctx.sessions.forgetUsers(ended.userIds);
  // The other instances also see the change counter move within their polling interval if this is lost.
  await ctx.bus.publish(SESSIONS_ENDED, ended).catch((err: unknown) => ctx.log.warn({ err }, 'sessions-ended event not published'));
}
