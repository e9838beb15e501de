import type { FastifyBaseLogger } from 'fastify';
import type { SigningKey } from './audit/signing-key.ts';
import type { SessionCache } from './auth/session-cache.ts';
import type { Config } from './config/config.ts';
import type { Db } from './db/db.ts';
import type { EventBus } from './events/event-bus.ts';

/** What every use-case may need, built once at start-up and passed down (no globals). */
export interface AppContext {
  readonly config: Config;
  readonly db: Db;
  readonly bus: EventBus;
  readonly signingKey: SigningKey;
  readonly log: FastifyBaseLogger;
  /** Called after a transaction that appended audit entries has committed (schedules a checkpoint). */
  readonly afterAudit: () => void;
  /** True once migrations have been applied; /readyz reports it. */
  readonly ready: () => boolean;
  /** Who is behind each session token, kept in memory (see `platform/auth/session-cache.ts`). */
  readonly sessions: SessionCache;
}
