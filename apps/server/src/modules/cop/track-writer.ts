import { AuditTrail, appendAuditEntries } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/db.ts';
import type { TrackRow } from './cop.repository.ts';
import { insertHistory, upsertCurrent } from './cop.repository.ts';

interface Pending {
  rows: readonly TrackRow[];
  resolve: (inserted: Set<string>) => void;
  reject: (err: unknown) => void;
}

/** The most rows committed in one transaction. */
const MAX_ROWS = 5000;

/**
 * Group commit for position reports. Thousands of devices report every second; one transaction per report would
 * cap ingest at the commit rate. Reports wait at most `flushMs`, then everything waiting is written in one
 * transaction: history rows (idempotent by uid and time), the newest state of each track, and one audit entry
 * summarising the batch (hash of every row, who reported it). A caller's promise settles after the commit, so an
 * accepted report is a durable one.
 */
export class TrackWriter {
  private queue: Pending[] = [];
  private queuedRows = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly flushMs: number,
    private readonly afterAudit: () => void,
  ) {}

  /** Queues rows; resolves with the `uid|time` keys that were new (not already in the history). */
  write(rows: readonly TrackRow[]): Promise<Set<string>> {
    if (this.closed) return Promise.reject(new Error('track writer closed'));
    if (rows.length === 0) return Promise.resolve(new Set());
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.queuedRows += rows.length;
      if (this.queuedRows >= MAX_ROWS) this.kick();
      else this.timer ??= setTimeout(() => this.kick(), this.flushMs);
    });
  }

  /** Rows waiting to be committed (for metrics and back-pressure). */
  get backlog(): number {
    return this.queuedRows;
  }

  private kick(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running ??= this.drain().finally(() => {
      this.running = null;
      if (this.queue.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch: Pending[] = [];
      let n = 0;
      while (this.queue.length > 0 && (batch.length === 0 || n + this.queue[0]!.rows.length <= MAX_ROWS)) {
        const p = this.queue.shift()!;
        batch.push(p);
        n += p.rows.length;
      }
      this.queuedRows -= n;
      await this.commit(batch);
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    const rows = batch.flatMap((p) => p.rows);
    let inserted: Set<string>;
    try {
      inserted = await this.db.transaction(async (tx) => {
        const fresh = await insertHistory(tx, rows);
        // The newest new state per uid; the SQL keeps a newer state already stored.
        const latest = new Map<string, TrackRow>();
        for (const r of rows) {
          if (!fresh.has(`${r.track.uid}|${r.track.time}`)) continue;
          const held = latest.get(r.track.uid);
          if (!held || held.track.time <= r.track.time) latest.set(r.track.uid, r);
        }
        await upsertCurrent(tx, [...latest.values()]);
        if (fresh.size > 0) {
          const trail = new AuditTrail({ id: null, name: 'cop-ingest', agency: null });
          trail.record(
            'report',
            'track_positions',
            null,
            rows
              .filter((r) => fresh.has(`${r.track.uid}|${r.track.time}`))
              .map((r) => [r.track.uid, r.track.time, r.track.lat, r.track.lon, r.track.agency, r.track.classification, r.reportedBy]),
          );
          await appendAuditEntries(tx, [trail]);
        }
        return fresh;
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    if (inserted.size > 0) this.afterAudit();
    for (const p of batch) p.resolve(inserted);
  }

  /** Commits what is waiting and refuses new rows. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.queue.length > 0) this.kick();
    while (this.running) await this.running;
  }
}
