import type { TTrack } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniq } from '../../../../../test/support/factories.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import type { Db } from '../../platform/db/db.ts';
import { TrackWriter } from './track-writer.ts';
import { upsertCurrent } from './cop.repository.ts';
import type { TrackRow } from './cop.repository.ts';

const T0 = Date.parse('2026-11-28T10:00:00.000Z');

const row = (uid: string, second: number, lat = -12 - second / 1000): TrackRow => {
  const time = new Date(T0 + second * 1000).toISOString();
  const track: TTrack = {
    uid, callsign: uid, type: 'a-f-G-U-C', lat, lon: -77, hae: null, ce: null, le: null, course: null, speed: null,
    battery: null, status: null, time, stale: new Date(T0 + second * 1000 + 300_000).toISOString(), how: null,
    source: 'api', force: 'PNP', unitId: null, agency: 'PNP', classification: 'PUBLICO', receivedAt: time,
  };
  return { track, reportedBy: null };
};

/** A Db whose transactions wait for `open()` before they start, to hold several flushes in flight at once. */
function gated(db: Db): { db: Db; open: () => void; started: () => number } {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let started = 0;
  const wrapped: Db = Object.create(db) as Db;
  Object.defineProperty(wrapped, 'kind', { value: 'postgres' });
  wrapped.transaction = async (fn) => {
    started++;
    await gate;
    return db.transaction(fn);
  };
  return { db: wrapped, open: release, started: () => started };
}

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('track writer on %s', (_n, backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.db();
  });
  afterAll(async () => undefined);

  const stored = async (uid: string): Promise<{ time: string; lat: number; history: number }> => {
    const cur = await db.query<{ time: Date; lat: number }>('SELECT time, ST_Y(geom) AS lat FROM cop_track WHERE uid = $1', [uid]);
    const hist = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cop_track_history WHERE uid = $1', [uid]);
    return { time: cur.rows[0]!.time.toISOString(), lat: cur.rows[0]!.lat, history: hist.rows[0]!.n };
  };
  const auditEntries = async (): Promise<number> =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'track_positions'`)).rows[0]!.n;

  it('concurrent flushes never move the newest state backwards, and each flush is one audit entry', async () => {
    const uid = `CONC-${uniq()}`;
    const writer = new TrackWriter(db, 1, () => undefined, { maxRows: 3, concurrency: 3 });
    const before = await auditEntries();
    // Newest first: the flush holding the newest report starts first; older ones come after it, in parallel.
    const seconds = [29, 28, 27, 5, 4, 3, 26, 25, 24, 2, 1, 0];
    const results = await Promise.all(seconds.map((s) => writer.write([row(uid, s)])));
    await writer.close();
    results.forEach((r, i) => expect(r.has(`${uid}|${new Date(T0 + seconds[i]! * 1000).toISOString()}`)).toBe(true));
    expect(await stored(uid)).toEqual({ time: new Date(T0 + 29_000).toISOString(), lat: -12.029, history: 12 });
    const flushes = (await auditEntries()) - before;
    expect(flushes).toBeGreaterThanOrEqual(4); // at most 3 rows per transaction, one entry per transaction
    expect(flushes).toBeLessThanOrEqual(12);
  });

  it('keeps the newest state when a newer flush commits before an older one still in flight', async () => {
    const uid = `ORDER-${uniq()}`;
    const g = gated(db);
    const writer = new TrackWriter(g.db, 1, () => undefined, { maxRows: 1, concurrency: 2 });
    const older = writer.write([row(uid, 1)]);
    const newer = writer.write([row(uid, 2)]);
    await new Promise((r) => setTimeout(r, 10));
    expect(g.started()).toBe(2); // both in flight at once
    expect(writer.inFlight).toBe(2);
    expect(writer.backlog).toBe(2);
    g.open();
    await Promise.all([older, newer]);
    await writer.flushCurrent();
    expect((await stored(uid)).time).toBe(new Date(T0 + 2000).toISOString());
    // Once committed, an older report lands in the history only.
    await writer.write([row(uid, 0)]);
    await writer.flushCurrent();
    expect(await stored(uid)).toMatchObject({ time: new Date(T0 + 2000).toISOString(), history: 3 });
    expect(writer.backlog).toBe(0);
    await writer.close();
  });

  it('is idempotent: a retry of committed rows, even in concurrent flushes, inserts and audits nothing', async () => {
    const uid = `IDEM-${uniq()}`;
    const writer = new TrackWriter(db, 1, () => undefined, { maxRows: 2, concurrency: 3 });
    const batch = [row(uid, 0), row(uid, 1), row(uid, 2), row(uid, 3)];
    const first = await writer.write(batch);
    expect(first.size).toBe(4);
    const before = await auditEntries();
    const retries = await Promise.all([writer.write(batch), writer.write(batch.slice(0, 2)), writer.write(batch.slice(2))]);
    expect(retries.map((r) => r.size)).toEqual([0, 0, 0]);
    expect(await auditEntries()).toBe(before);
    await writer.close();
    expect((await stored(uid)).history).toBe(4);
  });

  it('writes the newest state of a track once per interval, never an older one, and not for a removed track', async () => {
    const uid = `CUR-${uniq()}`;
    const gone = `GONE-${uniq()}`;
    const writer = new TrackWriter(db, 1, () => undefined, { maxRows: 1, currentMs: 3_600_000, keep: (u) => u !== gone });
    for (const s of [1, 3, 2]) await writer.write([row(uid, s)]);
    await writer.write([row(gone, 1)]);
    expect(writer.pendingCurrent).toBe(2);
    const none = await db.query('SELECT 1 FROM cop_track WHERE uid = ANY($1)', [[uid, gone]]);
    expect(none.rows).toHaveLength(0); // durable in the history, newest state not written yet
    await writer.flushCurrent();
    expect(writer.pendingCurrent).toBe(0);
    expect(await stored(uid)).toMatchObject({ time: new Date(T0 + 3000).toISOString(), lat: -12.003, history: 3 });
    expect((await db.query('SELECT 1 FROM cop_track WHERE uid = $1', [gone])).rows).toHaveLength(0);
    // A late write of an older state (another instance, a retry) does not move the stored one back.
    await upsertCurrent(db, [row(uid, 2)]);
    expect((await stored(uid)).time).toBe(new Date(T0 + 3000).toISOString());
    await writer.close();
  });

  it('settles callers only after their commit, commits what waits on close, then refuses', async () => {
    const uid = `CLOSE-${uniq()}`;
    const g = gated(db);
    const writer = new TrackWriter(g.db, 60_000, () => undefined, { maxRows: 10, concurrency: 2 });
    let settled = false;
    const pending = writer.write([row(uid, 0)]).then((r) => ((settled = true), r));
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false); // waiting for its flush interval (long here), nothing started
    expect(g.started()).toBe(0);
    const closing = writer.close();
    await expect(writer.write([row(uid, 1)])).rejects.toThrow('track writer closed');
    g.open();
    await closing; // commits the waiting report and writes its newest state
    expect((await pending).size).toBe(1);
    expect((await stored(uid)).history).toBe(1);
  });

  it("rewrites a track's current state in place (a HOT update): no index entry per position", async () => {
    const uid = `HOT-${uniq()}`;
    await upsertCurrent(db, [row(uid, 0)]);
    const counts = await db.transaction(async (tx) => {
      for (let second = 1; second <= 5; second++) await upsertCurrent(tx, [row(uid, second)]);
      const r = await tx.query<{ upd: string; hot: string }>(
        "SELECT n_tup_upd::text AS upd, n_tup_hot_upd::text AS hot FROM pg_stat_xact_user_tables WHERE relname = 'cop_track'",
      );
      return { updates: Number(r.rows[0]!.upd), hot: Number(r.rows[0]!.hot) };
    });
    expect(counts.updates).toBe(5);
    expect(counts.hot).toBe(5);
    expect((await stored(uid)).lat).toBeCloseTo(-12.005, 9);
  });
});
