import type { TLiveServerMessage } from '@enlace/contracts';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { announceLawfulAreasChanged } from '../legal/announce-lawful-areas-changed.ts';
import { LiveTestClient, hasTrack } from './live-test-client.ts';

const now = (): string => new Date().toISOString();

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('live WebSocket on %s', (_n, backend) => {
  let t: TestApp;
  let url: string;
  let pnp: TestUser;
  let pnpField: TestUser;
  let ep: TestUser;
  let epField: TestUser;
  let analyst: TestUser;
  let trainer: TestUser;
  const clients: LiveTestClient[] = [];

  const connect = async (u: TestUser | null, subscribe?: Record<string, unknown>): Promise<LiveTestClient> => {
    const c = await LiveTestClient.connect(url, u?.token ?? null);
    clients.push(c);
    if (subscribe) {
      c.send({ type: 'subscribe', ...subscribe });
      await c.next((m) => m.type === 'snapshot');
    }
    return c;
  };
  const post = (u: TestUser, reports: unknown[]) =>
    t.app.inject({ method: 'POST', url: '/api/v1/positions', headers: u.auth, payload: { reports } });

  beforeAll(async () => {
    const db = await backend.db();
    // The periodic session check is pushed out of reach, so that only the bus can close a connection in a test.
    t = await testApp(db, { config: { trackFlushMs: 5, liveTickMs: 20, liveSessionRecheckMs: 3_600_000 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    pnp = await makeUser(db, { role: 'operator', agency: 'PNP' });
    pnpField = await makeUser(db, { role: 'field', agency: 'PNP' });
    ep = await makeUser(db, { role: 'operator', agency: 'EP' });
    epField = await makeUser(db, { role: 'field', agency: 'EP' });
    analyst = await makeUser(db, { role: 'analyst', agency: 'PNP' });
    trainer = await makeUser(db, { role: 'trainer', agency: 'EP' });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await t.close();
  });

  it('refuses a connection without a session', async () => {
    await expect(LiveTestClient.connect(url, null)).rejects.toThrow('HTTP 401');
  });

  it('sends a snapshot, then updates inside the subscribed box only', async () => {
    const [inside, outside] = [`IN-${uniq()}`, `OUT-${uniq()}`];
    await post(pnpField, [{ uid: inside, type: 'a-f-G', lat: -12.05, lon: -77.05, time: now(), classification: 'PUBLICO' }]);
    const c = await connect(pnp, { bbox: [-77.1, -12.1, -77.0, -12.0] });
    expect(c.messages[0]).toMatchObject({ type: 'snapshot' });
    expect(hasTrack(inside)(c.messages[0]!)).toBe(true);
    await post(pnpField, [{ uid: outside, type: 'a-f-G', lat: -11.0, lon: -77.05, time: now() }]);
    await post(pnpField, [{ uid: inside, type: 'a-f-G', lat: -12.06, lon: -77.05, time: now() }]);
    const update = await c.next<Extract<TLiveServerMessage, { type: 'tracks' }>>((m) => m.type === 'tracks' && hasTrack(inside)(m));
    expect(update.tracks.find((x) => x.uid === inside)?.lat).toBe(-12.06);
    expect(c.trackUids().has(outside)).toBe(false);
    // Leaving the box removes the track from the client's picture.
    await post(pnpField, [{ uid: inside, type: 'a-f-G', lat: -11.0, lon: -77.05, time: now() }]);
    await c.next((m) => m.type === 'tracks' && m.removed.includes(inside));
  });

  it('never sends a client a track classified above what its agency may see', async () => {
    const [secret, marker] = [`SECRET-${uniq()}`, `MARK-${uniq()}`];
    const pnpClient = await connect(pnp, {});
    const epClient = await connect(ep, {});
    await post(epField, [{ uid: secret, type: 'a-f-G-U-C', lat: -12, lon: -77, time: now(), classification: 'CONFIDENCIAL', force: 'EP' }]);
    await post(epField, [{ uid: marker, type: 'a-f-G-U-C', lat: -12, lon: -77, time: now(), classification: 'PUBLICO', force: 'EP' }]);
    await pnpClient.next(hasTrack(marker));
    await epClient.next(hasTrack(secret));
    expect(pnpClient.trackUids().has(secret)).toBe(false);
  });

  it('takes reports from a field device on the same socket and answers bad messages without closing', async () => {
    const uid = `DEV-${uniq()}`;
    const dev = await connect(epField);
    dev.send({ type: 'report', reports: [{ uid, type: 'a-f-G-U-C', lat: -12.1, lon: -77.1, time: now(), force: 'EP' }] });
    const done = await dev.next<Extract<TLiveServerMessage, { type: 'reported' }>>((m) => m.type === 'reported');
    expect(done.result).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tracks', headers: ep.auth });
    expect(list.json<{ items: { uid: string; source: string }[] }>().items.find((x) => x.uid === uid)?.source).toBe('ws');
    dev.socket.send('{not json');
    await dev.next((m) => m.type === 'error' && m.code === 'LIVE_BAD_MESSAGE');
    dev.send({ type: 'subscribe', bbox: [1, 2] });
    expect(dev.messages.filter((m) => m.type === 'error').length).toBeGreaterThanOrEqual(1);
    dev.send({ type: 'ping' });
    await dev.next((m) => m.type === 'pong');
    // Reading the picture does not entitle to report on it.
    const reader = await connect(analyst);
    reader.send({ type: 'report', reports: [{ uid: `R-${uniq()}`, type: 'a-f-G', lat: 0, lon: 0, time: now() }] });
    await reader.next((m) => m.type === 'error' && m.code === 'FORBIDDEN');
    expect(reader.messages.some((m) => m.type === 'reported')).toBe(false);
  });

  it('tells subscribers which layers of areas changed, only those their role may read, and only when they asked', async () => {
    const operator = await connect(pnp, {});
    const reader = await connect(trainer, {});
    const tracksOnly = await connect(pnp, { kinds: ['tracks'] });
    await announceLawfulAreasChanged(t.ctx, { cause: 'evaluation', id: 'e1' });
    await operator.next((m) => m.type === 'areas' && m.layers.join() === 'tasks');
    await announceLawfulAreasChanged(t.ctx, { cause: 'revocation', id: 'DS-1' });
    await operator.next((m) => m.type === 'areas' && m.layers.join() === 'legal,tasks');
    // A trainer reads legal areas but not task areas or geofences.
    await reader.next((m) => m.type === 'areas' && m.layers.join() === 'legal');
    // A geofence far out in the Pacific, watching entries of the Navy only, removed at once: the other test files
    // share this database and their tracks must not cross it.
    const fence = await t.app.inject({
      method: 'POST', url: '/api/v1/geofences', headers: pnp.auth,
      payload: {
        name: `Área ${uniq()}`, geometry: { type: 'Polygon', coordinates: [[[-85, -20], [-84.9, -20], [-84.9, -19.9], [-85, -19.9], [-85, -20]]] },
        trigger: 'enter', forces: ['MGP'], classification: 'PUBLICO',
      },
    });
    expect(fence.statusCode).toBe(201);
    await operator.next((m) => m.type === 'areas' && m.layers.join() === 'geofences');
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/geofences/${fence.json<{ id: string }>().id}`, headers: pnp.auth });
    expect(removed.statusCode).toBeLessThan(300);
    // Round trips on each socket: anything sent before the pong has arrived.
    for (const c of [reader, tracksOnly]) {
      c.send({ type: 'ping' });
      await c.next((m) => m.type === 'pong');
    }
    const layers = (c: LiveTestClient) => c.messages.flatMap((m) => (m.type === 'areas' ? [m.layers.join()] : []));
    expect(layers(reader)).toEqual(['legal']);
    expect(layers(tracksOnly)).toEqual([]);
  });

  it('closes a connection at once when its session ends or its user gets other rights, not when only a name changes', async () => {
    const admin = await makeUser(t.ctx.db, { role: 'admin', agency: 'PNP' });
    const closedWith = (c: LiveTestClient): Promise<{ code: number; reason: string }> =>
      new Promise((ok) => c.socket.once('close', (code, reason) => ok({ code, reason: reason.toString() })));
    // Logout ends the session: its socket goes without waiting for the periodic check.
    const leaving = await makeUser(t.ctx.db, { role: 'operator', agency: 'PNP' });
    const a = await connect(leaving, {});
    const aClosed = closedWith(a);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: leaving.auth })).statusCode).toBeLessThan(300);
    expect(await aClosed).toEqual({ code: 4401, reason: 'session ended' });
    // A new name keeps the connection; a lower clearance closes it.
    const renamed = await makeUser(t.ctx.db, { role: 'operator', agency: 'PNP' });
    const b = await connect(renamed, {});
    const bClosed = closedWith(b);
    const patch = (body: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/users/${renamed.user.id}`, headers: admin.auth, payload: body });
    expect((await patch({ displayName: 'Otro nombre' })).statusCode).toBe(200);
    // The user's cached session was dropped: this request reads it from the database after the socket's own check.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tracks', headers: renamed.auth })).statusCode).toBe(200);
    b.send({ type: 'ping' });
    await b.next((m) => m.type === 'pong');
    expect(b.socket.readyState).toBe(b.socket.OPEN);
    // New rights end the user's sessions (update-user.ts): the socket goes, and the old token no longer connects.
    expect((await patch({ clearance: 'PUBLICO' })).statusCode).toBe(200);
    expect(await bClosed).toEqual({ code: 4401, reason: 'session ended' });
    await expect(LiveTestClient.connect(url, renamed.token)).rejects.toThrow('HTTP 401');
  });

  it('a client that stops reading does not hold up the others', async () => {
    const slow = await connect(pnp, {});
    const fast = await connect(pnp, {});
    slow.socket.pause();
    // Enough updates to fill the slow client's socket buffers many times over.
    for (let batch = 0; batch < 5; batch++) {
      const reports = Array.from({ length: 1000 }, (_, i) => ({
        uid: `FLOOD-${batch}-${i}`, callsign: `Unidad de prueba ${'x'.repeat(100)}`, type: 'a-f-G-U-C',
        lat: -12 - i / 10_000, lon: -77, time: now(), classification: 'PUBLICO' as const,
      }));
      expect((await post(pnpField, reports)).statusCode).toBe(200);
    }
    const marker = `FAST-${uniq()}`;
    // Measured from the moment the report is accepted (committed and published) to its arrival at the fast client.
    await post(pnpField, [{ uid: marker, type: 'a-f-G', lat: -12, lon: -77, time: now(), classification: 'PUBLICO' }]);
    const accepted = Date.now();
    await fast.next(hasTrack(marker), 5_000);
    expect(Date.now() - accepted).toBeLessThan(1_000);
    slow.socket.resume();
  });
});
