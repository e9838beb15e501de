import type { TChatRoom, TGeofence, TTrackList } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { sharedPgliteDb } from '../../../../../test/support/test-db.ts';
import { DEMO_ROOM_NAME } from '../messaging/ensure-demo-room.ts';
import { DEMO_GEOFENCE_NAME } from './demo-fixtures.ts';
import { startTrackSimulator } from './simulate-tracks.ts';

describe('demo track simulator', () => {
  let t: TestApp;
  let viewer: TestUser;
  let stop: () => void = () => undefined;

  beforeAll(async () => {
    const db = await sharedPgliteDb();
    t = await testApp(db, { config: { trackFlushMs: 5 } });
    viewer = await makeUser(db, { role: 'operator', agency: 'PNP' });
  });
  afterAll(async () => {
    stop();
    await t.close();
  });

  it('puts 34 labelled simulated tracks of both forces on the map, a demo geofence and a demo room', async () => {
    stop = startTrackSimulator(t.ctx, 50);
    let sim: TTrackList['items'] = [];
    for (let i = 0; i < 200 && sim.length < 34; i++) {
      await new Promise((ok) => setTimeout(ok, 50));
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/tracks', headers: viewer.auth });
      sim = res.json<TTrackList>().items.filter((x) => x.source === 'sim');
    }
    expect(sim.length).toBeGreaterThanOrEqual(34);
    expect(sim.every((x) => x.callsign.endsWith('(SIMULADO)') && x.status === 'simulado')).toBe(true);
    expect(new Set(sim.map((x) => x.force))).toEqual(new Set(['PNP', 'EP', 'MGP', 'FAP', 'CCFFAA']));
    // All within Lima and Callao.
    expect(sim.every((x) => x.lat > -12.2 && x.lat < -11.9 && x.lon > -77.2 && x.lon < -76.9)).toBe(true);
    let fences: TGeofence[] = [];
    let rooms: TChatRoom[] = [];
    for (let i = 0; i < 100 && (fences.length === 0 || rooms.length === 0); i++) {
      fences = (await t.app.inject({ method: 'GET', url: '/api/v1/geofences', headers: viewer.auth })).json<{ items: TGeofence[] }>().items.filter((g) => g.name === DEMO_GEOFENCE_NAME);
      rooms = (await t.app.inject({ method: 'GET', url: '/api/v1/chat/rooms', headers: viewer.auth })).json<{ items: TChatRoom[] }>().items.filter((r) => r.name === DEMO_ROOM_NAME);
      if (fences.length === 0 || rooms.length === 0) await new Promise((ok) => setTimeout(ok, 50));
    }
    expect(fences).toHaveLength(1);
    expect(rooms).toHaveLength(1);
  });
});
