import type { TPositionBatchResult, TTrack, TTrackHistory, TTrackList } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { forgetOldTracks } from './forget-old-tracks.ts';

const at = (msAgo: number): string => new Date(Date.now() - msAgo).toISOString();

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('tracks on %s', (_n, backend) => {
  let t: TestApp;
  let pnpField: TestUser;
  let pnpCommander: TestUser;
  let epField: TestUser;
  let epCommander: TestUser;
  let analyst: TestUser;

  const post = (u: TestUser, reports: unknown[]) =>
    t.app.inject({ method: 'POST', url: '/api/v1/positions', headers: u.auth, payload: { reports } });
  const list = async (u: TestUser, query = ''): Promise<TTrack[]> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/tracks${query}`, headers: u.auth });
    expect(res.statusCode).toBe(200);
    return res.json<TTrackList>().items;
  };

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db, { config: { trackFlushMs: 5 } });
    pnpField = await makeUser(db, { role: 'field', agency: 'PNP' });
    pnpCommander = await makeUser(db, { role: 'commander', agency: 'PNP' });
    epField = await makeUser(db, { role: 'field', agency: 'EP' });
    epCommander = await makeUser(db, { role: 'commander', agency: 'EP' });
    analyst = await makeUser(db, { role: 'analyst', agency: 'PNP' });
  });
  afterAll(async () => t.close());

  it('accepts a batch, lists the track at once with every field, and keeps its history', async () => {
    const uid = `ANDROID-${uniq()}`;
    const res = await post(pnpField, [
      { uid, callsign: 'PATRULLA-1', type: 'a-f-G-U-C', lat: -12.0464, lon: -77.0428, hae: 150, ce: 9.9, course: 90, speed: 1.2, battery: 88, status: 'patrullando', time: at(60_000), force: 'PNP' },
      { uid, type: 'a-f-G-U-C', lat: -12.047, lon: -77.043, course: 95, speed: 1.4, time: at(30_000), force: 'PNP' },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json<TPositionBatchResult>()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const track = (await list(pnpCommander)).find((x) => x.uid === uid);
    expect(track).toMatchObject({
      uid, callsign: 'PATRULLA-1', type: 'a-f-G-U-C', lat: -12.047, lon: -77.043, course: 95, speed: 1.4, source: 'api',
      force: 'PNP', agency: 'PNP', classification: 'CONFIDENCIAL',
    });
    expect(Date.parse(track!.stale)).toBe(Date.parse(track!.time) + 300_000);
    const hist = await t.app.inject({ method: 'GET', url: `/api/v1/tracks/${uid}/history`, headers: pnpCommander.auth });
    expect(hist.statusCode).toBe(200);
    expect(hist.json<TTrackHistory>().points.map((p) => p.lat)).toEqual([-12.0464, -12.047]);
  });

  it('is idempotent by uid and time: a retried batch is not stored or published twice', async () => {
    const uid = `RETRY-${uniq()}`;
    const reports = [{ uid, type: 'a-f-G-E-V', lat: -12.1, lon: -77.02, time: at(5_000) }];
    expect((await post(pnpField, reports)).json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect((await post(pnpField, reports)).json()).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    const n = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cop_track_history WHERE uid = $1', [uid]);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('keeps a late report in the history without moving the track back', async () => {
    const uid = `LATE-${uniq()}`;
    await post(pnpField, [{ uid, type: 'a-f-G', lat: -12.2, lon: -77.0, time: at(1_000) }]);
    expect((await post(pnpField, [{ uid, type: 'a-f-G', lat: -12.3, lon: -77.0, time: at(100_000) }])).json()).toMatchObject({ accepted: 1 });
    expect((await list(pnpField)).find((x) => x.uid === uid)?.lat).toBe(-12.2);
  });

  it('filters by box, force and freshness', async () => {
    const [a, b, c] = [`F-${uniq()}`, `F-${uniq()}`, `F-${uniq()}`];
    await post(epCommander, [
      { uid: a, type: 'a-f-G', lat: -12.05, lon: -77.05, time: at(1_000), force: 'EP', classification: 'PUBLICO' },
      { uid: b, type: 'a-f-G', lat: -11.5, lon: -77.05, time: at(1_000), force: 'EP', classification: 'PUBLICO' },
      { uid: c, type: 'a-f-G', lat: -12.05, lon: -77.05, time: at(7200_000), force: 'EP', classification: 'PUBLICO' },
    ]);
    const inBox = (await list(epCommander, '?bbox=-77.1,-12.1,-77.0,-12.0')).map((x) => x.uid);
    expect(inBox).toContain(a);
    expect(inBox).not.toContain(b);
    const fresh = (await list(epCommander, '?maxAgeSeconds=3600')).map((x) => x.uid);
    expect(fresh).toContain(a);
    expect(fresh).not.toContain(c);
    const pnpOnly = (await list(epCommander, '?force=PNP')).map((x) => x.uid);
    expect(pnpOnly).not.toContain(a);
    expect((await list(epCommander, '?force=EP,PNP')).map((x) => x.uid)).toContain(a);
  });

  it('shows a track only to whom its agency and classification allow; history of an unreadable track is 404', async () => {
    const [secret, open] = [`EP-${uniq()}`, `EP-${uniq()}`];
    const res = await post(epField, [
      { uid: secret, type: 'a-f-G-U-C', lat: -12.0, lon: -77.0, time: at(1_000), force: 'EP', classification: 'CONFIDENCIAL' },
      { uid: open, type: 'a-f-G-U-C', lat: -12.0, lon: -77.0, time: at(1_000), force: 'EP', classification: 'PUBLICO' },
    ]);
    expect(res.json()).toMatchObject({ accepted: 2 });
    const pnpSees = (await list(pnpCommander)).map((x) => x.uid);
    expect(pnpSees).not.toContain(secret);
    expect(pnpSees).toContain(open);
    expect((await list(epCommander)).map((x) => x.uid)).toContain(secret);
    const hist = await t.app.inject({ method: 'GET', url: `/api/v1/tracks/${secret}/history`, headers: pnpCommander.auth });
    expect(hist.statusCode).toBe(404);
  });

  it('refuses reports for another agency, above clearance, or reusing another force’s uid', async () => {
    const theirs = `EP-OWN-${uniq()}`;
    await post(epField, [{ uid: theirs, type: 'a-f-G', lat: -12, lon: -77, time: at(2_000), force: 'EP' }]);
    const res = await post(pnpField, [
      { uid: `X-${uniq()}`, type: 'a-f-G', lat: -12, lon: -77, time: at(1_000), agency: 'EP' },
      { uid: `X-${uniq()}`, type: 'a-f-G', lat: -12, lon: -77, time: at(1_000), classification: 'SECRETO' },
      { uid: theirs, type: 'a-f-G', lat: -13, lon: -77, time: at(500) },
    ]);
    expect(res.json<TPositionBatchResult>().rejected.map((r) => [r.index, r.reason])).toEqual([[0, 'forbidden'], [1, 'forbidden'], [2, 'forbidden']]);
    expect((await list(epCommander)).find((x) => x.uid === theirs)?.lat).toBe(-12);
  });

  it('answers bad input with 4xx and a stable code, never a partial write', async () => {
    const uid = `BAD-${uniq()}`;
    const bad = await post(pnpField, [
      { uid, type: 'a-f-G', lat: -12, lon: -77, time: at(1_000) },
      { uid, type: 'a-f-G', lat: 91, lon: -77, time: at(500) },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await list(pnpField)).some((x) => x.uid === uid)).toBe(false);
    const sql = await post(pnpField, [{ uid: "x';DROP TABLE cop_track;--", type: 'a-f-G', lat: 0, lon: 0, time: at(1) }]);
    expect(sql.statusCode).toBe(400);
    const many = await post(pnpField, Array.from({ length: 1001 }, (_, i) => ({ uid: `M-${i}`, type: 'a-f-G', lat: 0, lon: 0, time: at(1) })));
    expect(many.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tracks' })).statusCode).toBe(401);
    expect((await post(analyst, [{ uid, type: 'a-f-G', lat: 0, lon: 0, time: at(1) }])).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tracks?bbox=1,2', headers: pnpField.auth })).statusCode).toBe(400);
  });

  it('forgets history and tracks past the retention, and tells the clients', async () => {
    const [old, recent] = [`OLD-${uniq()}`, `NEW-${uniq()}`];
    await post(pnpField, [
      { uid: old, type: 'a-f-G', lat: -12, lon: -77, time: at(3 * 3600_000), stale: at(3 * 3600_000 - 60_000) },
      { uid: recent, type: 'a-f-G', lat: -12, lon: -77, time: at(1000) },
    ]);
    const removed = new Promise<string[]>((ok) => {
      const off = t.ctx.bus.subscribe('cop.track', (e) => {
        const uids = (e.data as { removed: { uid: string }[] }).removed.map((r) => r.uid);
        if (uids.includes(old)) {
          off();
          ok(uids);
        }
      });
    });
    const result = await forgetOldTracks({ ...t.ctx, config: { ...t.ctx.config, trackHistoryHours: 1 } });
    expect(result.tracks).toBeGreaterThanOrEqual(1);
    expect(await removed).toContain(old);
    const uids = (await list(pnpCommander)).map((x) => x.uid);
    expect(uids).not.toContain(old);
    expect(uids).toContain(recent);
    const n = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cop_track_history WHERE uid = $1', [old]);
    expect(n.rows[0]!.n).toBe(0);
  });

  it('accepts a track at 0,0 whatever its affiliation (a device may really be there)', async () => {
    const uid = `ZERO-${uniq()}`;
    expect((await post(pnpField, [{ uid, type: 'a-h-G', lat: 0, lon: 0, time: at(1) }])).json()).toMatchObject({ accepted: 1 });
    expect((await list(pnpField)).find((x) => x.uid === uid)).toMatchObject({ lat: 0, lon: 0, type: 'a-h-G' });
  });
});
