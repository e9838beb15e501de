import { AuditTrail, auditAppendStatement } from '../../platform/audit/audit-trail.ts';
import type { Db, Queryable } from '../../platform/db/db.ts';
import type { TrackRow } from './cop.repository.ts';
import { insertHistory, upsertCurrent } from './cop.repository.ts';

interface Pending {
  rows: readonly TrackRow[];
  resolve: (inserted: Set<string>) => void;
  reject: (err: unknown) => void;
}

/** Tuning of the group commit (defaults suit PostgreSQL; the tests use small values to exercise the edges). */
export interface TrackWriterOptions {
  /** The most rows committed in one transaction. */
  maxRows?: number;
  /**
   * Transactions in flight at once, each on its own pooled connection. PostgreSQL writes them in parallel (only
   * the audit append, last in each, takes the chain lock); the newest-state upsert only moves a track forward
   * (`WHERE stored time <= new time`), so their commit order does not matter. PGlite runs them one after another.
   */
  concurrency?: number;
  /**
   * How often the newest state of the tracks that moved is written to `cop_track` (what a starting instance
   * loads; the live picture is in memory): at most once per interval per track, in uid order, off the path of the
   * callers (their reports are durable in the history and audited when they hear so).
   */
  currentMs?: number;
  /** Whether a track's newest state should still be written (false once it was removed from the picture). */
  keep?: (uid: string) => boolean;
  /** A failed newest-state write (retried at the next interval). */
  onError?: (err: unknown) => void;
}

const DEFAULT_MAX_ROWS = 5000;
const DEFAULT_CONCURRENCY = 3;
/** Connections a writer with the default settings uses at most: its transactions in flight and the newest states. */
export const TRACK_WRITER_CONNECTIONS = DEFAULT_CONCURRENCY + 1;
const DEFAULT_CURRENT_MS = 1000;
/** Attempts of one flush when PostgreSQL picks it as a deadlock victim (two retries of the same reports in flight). */
const DEADLOCK_ATTEMPTS = 3;

/**
 * Group commit for position reports. Thousands of devices report every second; one transaction per report would
 * cap ingest at the commit rate. Reports wait at most `flushMs` (or until `maxRows` wait), then everything waiting is
 * written in one transaction: history rows (idempotent by uid and time) and one audit entry for the batch whose
 * state hash is the digest of every new row (uid, time, position, labels, who reported it). Up to `concurrency`
 * such transactions run at once. A caller's promise settles after the commit of its rows, so an accepted report is
 * a durable one. The newest state of each track that moved is written to `cop_track` every `currentMs` (one row per
 * track, never backwards), so that table costs one write per track per interval, not one per report.
 */
export class TrackWriter {
  private queue: Pending[] = [];
  private queuedRows = 0;
  private inflightRows = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly running = new Set<Promise<void>>();
  private closed = false;
  private readonly maxRows: number;
  private readonly concurrency: number;
  /** Newest committed state per track not yet written to `cop_track`. */
  private dirty = new Map<string, TrackRow>();
  private currentRun: Promise<void> | null = null;
  private readonly currentTimer: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly flushMs: number,
    private readonly afterAudit: () => void,
    options: TrackWriterOptions = {},
  ) {
    this.maxRows = Math.max(1, options.maxRows ?? DEFAULT_MAX_ROWS);
    this.concurrency = Math.max(1, db.kind === 'postgres' ? (options.concurrency ?? DEFAULT_CONCURRENCY) : 1);
    this.keep = options.keep ?? (() => true);
    this.onError = options.onError ?? (() => undefined);
    this.currentTimer = setInterval(() => void this.flushCurrent().catch(this.onError), options.currentMs ?? DEFAULT_CURRENT_MS);
    this.currentTimer.unref();
  }

  private readonly keep: (uid: string) => boolean;
  private readonly onError: (err: unknown) => void;

  /** Queues rows; resolves with the `uid|time` keys that were new (not already in the history). */
  write(rows: readonly TrackRow[]): Promise<Set<string>> {
    if (this.closed) return Promise.reject(new Error('track writer closed'));
    if (rows.length === 0) return Promise.resolve(new Set());
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.queuedRows += rows.length;
      if (this.queuedRows >= this.maxRows) this.kick();
      else this.timer ??= setTimeout(() => this.kick(), this.flushMs);
    });
  }

  /** Rows waiting to be committed, queued or in a transaction (for metrics and back-pressure). */
  get backlog(): number {
    return this.queuedRows + this.inflightRows;
  }

  /** Transactions in flight now. */
  get inFlight(): number {
    return this.running.size;
  }

  /**
   * Starts a transaction with what waits, and more in parallel while a full batch waits and slots are free: when the
   * database keeps up, one transaction at a time with bigger batches costs it less per report.
   */
  private kick(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.queue.length > 0 && this.running.size < this.concurrency && (this.running.size === 0 || this.queuedRows >= this.maxRows || this.closed)) {
      const batch = this.take();
      const run: Promise<void> = this.commit(batch).finally(() => {
        this.running.delete(run);
        // Rows left waiting go now when they fill a batch or already waited their interval (no timer pending).
        if (this.queue.length > 0 && (this.queuedRows >= this.maxRows || this.closed || this.timer === null)) this.kick();
      });
      this.running.add(run);
    }
  }

  private take(): Pending[] {
    let n = 0;
    let k = 0;
    while (k < this.queue.length && (k === 0 || n + this.queue[k]!.rows.length <= this.maxRows)) n += this.queue[k++]!.rows.length;
    const batch = this.queue.splice(0, k);
    this.queuedRows -= n;
    this.inflightRows += n;
    return batch;
  }

  private async commit(batch: Pending[]): Promise<void> {
    const rows = batch.flatMap((p) => p.rows);
    let inserted: Set<string> | undefined;
    let failure: unknown = null;
    for (let attempt = 1; inserted === undefined && failure === null; attempt++) {
      try {
        let trail: AuditTrail | null = null;
        inserted = await this.db.transaction(
          async (tx) => {
            const written = await writeHistory(tx, rows);
            trail = written.trail;
            return written.keys;
          },
          // The batch's audit entry is appended with the commit (the chain lock is held only inside the database).
          { finish: () => (trail ? auditAppendStatement([trail]) : null) },
        );
      } catch (err) {
        if (!(isDeadlock(err) && attempt < DEADLOCK_ATTEMPTS)) failure = err;
      }
    }
    this.inflightRows -= rows.length;
    if (inserted === undefined) {
      for (const p of batch) p.reject(failure);
      return;
    }
    if (inserted.size > 0) {
      for (const r of rows) if (inserted.has(`${r.track.uid}|${r.track.time}`)) this.markDirty(r);
      this.afterAudit();
    }
    for (const p of batch) p.resolve(inserted);
  }

  private markDirty(r: TrackRow): void {
    const held = this.dirty.get(r.track.uid);
    if (!held || Date.parse(held.track.time) < Date.parse(r.track.time)) this.dirty.set(r.track.uid, r);
  }

  /** Tracks whose newest committed state is not yet in `cop_track`. */
  get pendingCurrent(): number {
    return this.dirty.size;
  }

  /**
   * Writes the newest committed state of every track that moved since the last call (one at a time; a call during
   * one waits for it and then writes what is left). On failure the states are kept for the next call.
   */
  async flushCurrent(): Promise<void> {
    while (this.currentRun) await this.currentRun.catch(() => undefined);
    if (this.dirty.size === 0) return;
    const taken = this.dirty;
    this.dirty = new Map();
    const rows = [...taken.values()].filter((r) => this.keep(r.track.uid));
    const run = (async () => {
      for (let i = 0; i < rows.length; i += this.maxRows) await upsertCurrent(this.db, rows.slice(i, i + this.maxRows));
    })();
    this.currentRun = run;
    try {
      await run;
    } catch (err) {
      for (const r of rows) this.markDirty(r);
      throw err;
    } finally {
      this.currentRun = null;
    }
  }

  /** Commits what is waiting, writes the newest states, and refuses new rows. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.currentTimer);
    if (this.queue.length > 0) this.kick();
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
    await this.flushCurrent().catch(this.onError);
  }
}

/**
 * Writes one batch in the open transaction; returns the `uid|time` keys that were new and the audit entry that
 * records them (null when none was new), to be appended last.
 */
async function writeHistory(
  tx: Queryable,
  rows: readonly TrackRow[],
): Promise<{ keys: Set<string>; trail: AuditTrail | null }> {
  const fresh = await insertHistory(tx, rows);
  let trail: AuditTrail | null = null;
  if (fresh.size > 0) {
    trail = new AuditTrail({ id: null, name: 'cop-ingest', agency: null });
    trail.record(
      'report',
      'track_positions',
      null,
      rows
        .filter((_r, i) => fresh.has(i))
        .map((r) => [r.track.uid, r.track.time, r.track.lat, r.track.lon, r.track.agency, r.track.classification, r.reportedBy]),
    );
  }
  const keys = new Set<string>();
  for (const i of fresh) keys.add(`${rows[i]!.track.uid}|${rows[i]!.track.time}`);
  return { keys, trail };
}

const isDeadlock = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === '40P01';
