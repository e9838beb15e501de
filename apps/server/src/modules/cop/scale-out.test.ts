import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { TAlert, TTrackList } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { startServerProcess } from '../../../../../test/support/server-process.ts';
import type { ServerProcess } from '../../../../../test/support/server-process.ts';
import { postgresUrl, sharedPostgresDb } from '../../../../../test/support/test-db.ts';
import { LiveTestClient, hasTrack } from './live-test-client.ts';

const natsUrl = process.env.ENLACE_TEST_NATS_URL ?? '';
const pgUrl = postgresUrl();
const skip = !natsUrl || !pgUrl;
if (skip) {
  console.warn(
    `[skip] scale-out test of the operational picture: ${!natsUrl ? 'ENLACE_TEST_NATS_URL' : 'ENLACE_TEST_DATABASE_URL'} is not set`,
  );
}

describe.skipIf(skip)('operational picture across two server instances (PostgreSQL + NATS JetStream)', () => {
  const prefix = `${process.env.ENLACE_TEST_NATS_PREFIX ?? 'ENLACETEST'}_COP${randomBytes(3).toString('hex').toUpperCase()}`;
  const env = { NATS_URL: natsUrl, ENLACE_NATS_STREAM_PREFIX: prefix, ENLACE_LIVE_TICK_MS: '20', ENLACE_TRACK_FLUSH_MS: '5' };
  let a: ServerProcess;
  let b: ServerProcess;
  let field: TestUser;
  let operator: TestUser;
  const clients: LiveTestClient[] = [];

  const live = async (server: ServerProcess, u: TestUser): Promise<LiveTestClient> => {
    const c = await LiveTestClient.connect(server.url, u.token);
    clients.push(c);
    c.send({ type: 'subscribe' });
    await c.next((m) => m.type === 'snapshot');
    return c;
  };

  beforeAll(async () => {
    // One after the other: two first starts at once on an empty database race to create the admin user.
    a = await startServerProcess({ env });
    b = await startServerProcess({ env });
    const db = sharedPostgresDb();
    field = await makeUser(db, { role: 'field', agency: 'EP' });
    operator = await makeUser(db, { role: 'operator', agency: 'PNP' });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all([a?.stop(), b?.stop()]);
    const nc = await connect({ servers: natsUrl });
    await (await jetstreamManager(nc)).streams.delete(`${prefix}_EVENTS`).catch(() => false);
    await nc.close();
  });

  it('a position posted to one instance reaches a WebSocket client of the other and its track list', async () => {
    const client = await live(b, operator);
    const uid = `X-${uniq()}`;
    const res = await fetch(`${a.url}/api/v1/positions`, {
      method: 'POST',
      headers: { ...field.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ reports: [{ uid, type: 'a-f-G-U-C', lat: -12.05, lon: -77.05, time: new Date().toISOString(), force: 'EP', classification: 'PUBLICO' }] }),
    });
    expect(res.status).toBe(200);
    await client.next(hasTrack(uid));
    const list = (await (await fetch(`${b.url}/api/v1/tracks`, { headers: operator.auth })).json()) as TTrackList;
    expect(list.items.some((t) => t.uid === uid)).toBe(true);
  });

  it('an alert raised on one instance while the other is down reaches the other’s client after it restarts', async () => {
    const uid = `SOS-${uniq()}`;
    const post = (path: string, body: unknown): Promise<Response> =>
      fetch(`${a.url}${path}`, { method: 'POST', headers: { ...field.auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post('/api/v1/positions', { reports: [{ uid, type: 'a-f-G-U-C', lat: -12.05, lon: -77.05, time: new Date().toISOString(), force: 'EP' }] });
    const dataDir = b.dataDir;
    expect(await b.stop()).toBe(0);
    const raised = await post('/api/v1/alerts/emergency', { trackUid: uid });
    expect(raised.status).toBe(201);
    const alert = (await raised.json()) as TAlert;
    b = await startServerProcess({ env, dataDir });
    const client = await live(b, operator);
    const got = await client.next((m) => m.type === 'alert' && m.alert.id === alert.id);
    expect(got).toMatchObject({ alert: { kind: 'emergency', state: 'open', trackUid: uid } });
  });
});
