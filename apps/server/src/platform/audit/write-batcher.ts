import type { Db, Queryable } from '../db/db.ts';

/** One unit of work: runs inside the shared transaction; its own savepoint isolates its failure. */
export type BatchJob<T> = (tx: Queryable) => Promise<T>;

interface Pending {
  job: BatchJob<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** The most jobs committed together. */
const MAX_BATCH = 64;

/**
 * Group commit for audited writes. The audit chain serialises appenders until commit, so one transaction
 * per request caps writes at one commit (one WAL flush) each. Requests that arrive while a batch commits
 * wait and go together in the next one: each in its own savepoint (a failing job rolls back alone), all
 * committed at once. A caller's promise settles only after the commit, so "accepted" still means durable.
 */
export class WriteBatcher {
  private queue: Pending[] = [];
  private draining = false;

  constructor(private readonly db: Db) {}

  run<T>(job: BatchJob<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job, resolve: resolve as (v: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.commit(batch);
      }
    } finally {
      this.draining = false;
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.db.transaction(async (tx) => {
        if (batch.length === 1) {
          outcomes.push({ ok: true, value: await batch[0]!.job(tx) });
          return;
        }
        for (const p of batch) {
          await tx.query('SAVEPOINT enlace_job');
          try {
            const value = await p.job(tx);
            await tx.query('RELEASE SAVEPOINT enlace_job');
            outcomes.push({ ok: true, value });
          } catch (error) {
            await tx.query('ROLLBACK TO SAVEPOINT enlace_job');
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // A single job's own failure, or a failed commit: nothing of this batch was written.
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  }
}

const batchers = new WeakMap<Db, WriteBatcher>();

/** The batcher of a database (one per opened Db). */
export function batcherOf(db: Db): WriteBatcher {
  let b = batchers.get(db);
  if (!b) {
    b = new WriteBatcher(db);
    batchers.set(db, b);
  }
  return b;
}
