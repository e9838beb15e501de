import type { Db, Queryable } from '../db/db.ts';
import { AppError } from '../errors/app-error.ts';
import type { AuditActor } from '../auth/actor.ts';
import { AuditTrail } from './audit-trail.ts';
import { batcherOf } from './write-batcher.ts';

export interface Idempotency {
  userId: string;
  key: string;
  method: string;
  path: string;
}

export interface AuditedOptions {
  db: Db;
  actor: AuditActor;
  afterAudit?: () => void;
  /** When the client sent an Idempotency-Key: a retry returns the first result instead of writing again. */
  idempotency?: Idempotency | null;
  /** HTTP status stored with the idempotent result. */
  status?: number;
}

export interface AuditedResult<T> {
  value: T;
  replayed: boolean;
}

/**
 * Runs a write in one transaction together with its audit entries (appended last) and, when asked, its
 * idempotency record: either all of it is committed or none. Concurrent calls share a commit (group commit,
 * see WriteBatcher), each isolated by a savepoint. Do not call it from inside another `runAudited`.
 */
export async function runAudited<T>(
  options: AuditedOptions,
  fn: (tx: Queryable, audit: AuditTrail) => Promise<T>,
): Promise<AuditedResult<T>> {
  const idem = options.idempotency ?? null;
  const audit = new AuditTrail(options.actor);
  const result = await batcherOf(options.db).run(audit, async (tx): Promise<AuditedResult<T>> => {
    if (idem) {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${idem.userId}:${idem.key}`]);
      const r = await tx.query<{ method: string; path: string; body: T }>(
        'SELECT method, path, body FROM idempotency_key WHERE user_id = $1 AND key = $2',
        [idem.userId, idem.key],
      );
      const previous = r.rows[0];
      if (previous) {
        if (previous.method !== idem.method || previous.path !== idem.path) throw new AppError('IDEMPOTENCY_KEY_REUSED');
        return { value: previous.body, replayed: true };
      }
    }
    const value = await fn(tx, audit);
    if (idem) {
      await tx.query(
        'INSERT INTO idempotency_key (user_id, key, method, path, status, body) VALUES ($1, $2, $3, $4, $5, $6)',
        [idem.userId, idem.key, idem.method, idem.path, options.status ?? 200, JSON.stringify(value ?? null)],
      );
    }
    return { value, replayed: false };
  });
  if (!result.replayed) options.afterAudit?.();
  return result;
}

/**
 * Runs a write whose statements need no answer from the database (values inlined as literals, ids made by the
 * caller), with the audit entries `write` records, as {@link runAudited} does: one transaction, audited, idempotent
 * when asked. On PostgreSQL, without an Idempotency-Key, the whole transaction travels as one message (one round
 * trip instead of four); for the hot writes where a round trip is the cost (a tasking evaluation).
 */
export async function runAuditedScript<T>(
  options: AuditedOptions,
  write: (audit: AuditTrail) => { script: string; value: T },
): Promise<AuditedResult<T>> {
  if (options.idempotency) {
    return runAudited(options, async (tx, audit) => {
      const { script, value } = write(audit);
      await tx.exec(script);
      return value;
    });
  }
  const audit = new AuditTrail(options.actor);
  const { script, value } = write(audit);
  await batcherOf(options.db).runScript(audit, script, value);
  options.afterAudit?.();
  return { value, replayed: false };
}
