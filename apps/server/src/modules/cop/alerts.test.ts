import type { TAlert, TGeofence } from '@enlace/contracts';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { limaDay } from '../../../../../test/support/evaluations.ts';
import { aBasisInForceInLima, aDecree, aRequest } from '../../../../../test/support/legal.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { LiveTestClient } from './live-test-client.ts';
import { copRuntime } from './cop-runtime.ts';
import { raiseAlert } from './raise-alert.ts';
import { sweepStaleTracks } from './sweep-stale-tracks.ts';

const now = (ms = 0): string => new Date(Date.now() + ms).toISOString();
const SQUARE = { type: 'Polygon' as const, coordinates: [[[-77.1, -12.1], [-77.0, -12.1], [-77.0, -12.0], [-77.1, -12.0], [-77.1, -12.1]]] };

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('alerts and geofences on %s', (_n, backend) => {
  let t: TestApp;
  let url: string;
  let pnpOperator: TestUser;
  let pnpField: TestUser;
  let epOperator: TestUser;
  let epField: TestUser;
  let mgpOperator: TestUser;
  let dpOversight: TestUser;
  let admin: TestUser;
  const clients: LiveTestClient[] = [];

  const post = (u: TestUser, reports: unknown[]) =>
    t.app.inject({ method: 'POST', url: '/api/v1/positions', headers: u.auth, payload: { reports } });
  const alerts = async (u: TestUser): Promise<TAlert[]> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/alerts?limit=1000', headers: u.auth });
    expect(res.statusCode).toBe(200);
    return res.json<{ items: TAlert[] }>().items;
  };

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db, { config: { trackFlushMs: 5, liveTickMs: 20 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    pnpOperator = await makeUser(db, { role: 'operator', agency: 'PNP' });
    pnpField = await makeUser(db, { role: 'field', agency: 'PNP' });
    epOperator = await makeUser(db, { role: 'operator', agency: 'EP' });
    epField = await makeUser(db, { role: 'field', agency: 'EP' });
    mgpOperator = await makeUser(db, { role: 'operator', agency: 'MGP' });
    dpOversight = await makeUser(db, { role: 'oversight', agency: 'DP' });
    admin = await makeUser(db, { role: 'admin', agency: 'PNP' });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await t.close();
  });

  it('raises an emergency to the command posts of both forces, pushes it live, and lets one person acknowledge it', async () => {
    const uid = `SOS-${uniq()}`;
    await post(epField, [{ uid, callsign: 'PELOTON-3', type: 'a-f-G-U-C', lat: -12.05, lon: -77.05, time: now(), force: 'EP' }]);
    const pnpPost = await LiveTestClient.connect(url, pnpOperator.token);
    clients.push(pnpPost);
    pnpPost.send({ type: 'subscribe', kinds: ['alerts'] });
    await pnpPost.next((m) => m.type === 'snapshot');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/alerts/emergency', headers: epField.auth, payload: { trackUid: uid, text: 'herido' } });
    expect(res.statusCode).toBe(201);
    const alert = res.json<TAlert>();
    expect(alert).toMatchObject({ kind: 'emergency', severity: 'critical', state: 'open', trackUid: uid, agency: 'EP', classification: 'CONFIDENCIAL' });
    expect(alert.audience.sort()).toEqual(['CCFFAA', 'EP', 'PNP']);
    expect(alert.message.es).toContain('PELOTON-3');
    // The PNP command post sees a CONFIDENCIAL alert of the Ejército because it is raised to it.
    await pnpPost.next((m) => m.type === 'alert' && m.alert.id === alert.id);
    expect((await alerts(pnpOperator)).some((a) => a.id === alert.id)).toBe(true);
    expect((await alerts(dpOversight)).some((a) => a.id === alert.id)).toBe(true);
    // The Marina reads it through the joint command (CCFFAA) but is not one of its command posts.
    const mgpAck = await t.app.inject({ method: 'POST', url: `/api/v1/alerts/${alert.id}/acknowledge`, headers: mgpOperator.auth, payload: {} });
    expect(mgpAck.statusCode).toBe(403);
    const fieldAck = await t.app.inject({ method: 'POST', url: `/api/v1/alerts/${alert.id}/acknowledge`, headers: pnpField.auth, payload: {} });
    expect(fieldAck.statusCode).toBe(403);
    const ack = await t.app.inject({ method: 'POST', url: `/api/v1/alerts/${alert.id}/acknowledge`, headers: pnpOperator.auth, payload: { note: 'Patrulla PNP en camino' } });
    expect(ack.statusCode).toBe(200);
    expect(ack.json<TAlert>()).toMatchObject({ state: 'acknowledged', acknowledgedBy: pnpOperator.user.username, acknowledgementNote: 'Patrulla PNP en camino' });
    await pnpPost.next((m) => m.type === 'alert' && m.alert.id === alert.id && m.alert.state === 'acknowledged');
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/alerts/${alert.id}/acknowledge`, headers: epOperator.auth, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'ALERT_NOT_OPEN' } });
    const audited = await t.ctx.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'alert' AND entity_id = $1 ORDER BY seq", [alert.id]);
    expect(audited.rows.map((r) => r.action)).toEqual(['raise', 'acknowledge']);
  });

  it('an alert above a command post operator\'s clearance does not reach it', async () => {
    const secret = await raiseAlert(t.ctx, { kind: 'area_exit', message: { es: 's', en: 's' }, agency: 'EP', classification: 'SECRETO' });
    const c = await LiveTestClient.connect(url, pnpOperator.token);
    clients.push(c);
    c.send({ type: 'subscribe', kinds: ['alerts'] });
    await c.next((m) => m.type === 'snapshot');
    const marker = await raiseAlert(t.ctx, { kind: 'area_exit', message: { es: 'm', en: 'm' }, agency: 'EP', classification: 'RESERVADO' });
    await c.next((m) => m.type === 'alert' && m.alert.id === marker.id);
    expect(c.messages.some((m) => m.type === 'alert' && m.alert.id === secret.id)).toBe(false);
    expect((await alerts(pnpOperator)).some((a) => a.id === secret.id)).toBe(false);
    expect((await alerts(pnpOperator)).some((a) => a.id === marker.id)).toBe(true);
  });

  it('a cancel closes the open emergency of the track', async () => {
    const uid = `CAN-${uniq()}`;
    await post(pnpField, [{ uid, type: 'a-f-G-U-C', lat: -12.05, lon: -77.05, time: now(), force: 'PNP' }]);
    const sos = await raiseAlert(t.ctx, { kind: 'emergency', trackUid: uid, message: { es: 'SOS', en: 'SOS' }, agency: 'PNP', classification: 'CONFIDENCIAL', dedupeKey: `sos:${uid}` });
    const twice = await raiseAlert(t.ctx, { kind: 'emergency', trackUid: uid, message: { es: 'SOS', en: 'SOS' }, agency: 'PNP', classification: 'CONFIDENCIAL', dedupeKey: `sos:${uid}` });
    expect(twice.id).toBe(sos.id);
    const cancel = await t.app.inject({ method: 'POST', url: '/api/v1/alerts/emergency', headers: pnpField.auth, payload: { trackUid: uid, cancel: true } });
    expect(cancel.json<TAlert>()).toMatchObject({ kind: 'emergency_cancel', severity: 'info' });
    expect((await alerts(pnpOperator)).find((a) => a.id === sos.id)?.state).toBe('closed');
  });

  it('raises an alert when a watched unit leaves its geofence, once per crossing', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/geofences', headers: epOperator.auth,
      payload: { name: `Área autorizada ${uniq()}`, geometry: SQUARE, trigger: 'exit', forces: ['EP'], classification: 'PUBLICO' },
    });
    expect(res.statusCode).toBe(201);
    const fence = res.json<TGeofence>();
    expect(fence.geometry.type).toBe('MultiPolygon');
    const uid = `GF-${uniq()}`;
    await post(epField, [{ uid, callsign: 'PELOTON-9', type: 'a-f-G-U-C', lat: -12.05, lon: -77.05, time: now(-3000), force: 'EP' }]);
    await post(epField, [{ uid, type: 'a-f-G-U-C', lat: -12.2, lon: -77.05, time: now(-2000), force: 'EP' }]);
    await post(epField, [{ uid, type: 'a-f-G-U-C', lat: -12.3, lon: -77.05, time: now(-1000), force: 'EP' }]);
    let mine: TAlert[] = [];
    for (let i = 0; i < 100 && mine.length === 0; i++) {
      mine = (await alerts(epOperator)).filter((a) => a.trackUid === uid && a.geofenceId === fence.id);
      if (mine.length === 0) await new Promise((ok) => setTimeout(ok, 50));
    }
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'area_exit', geofenceId: fence.id, force: 'EP', lat: -12.2 });
    expect(mine[0]!.message.en).toContain(fence.name);
    // A PNP track does not concern a geofence watching the Ejército.
    const pnpUid = `GFP-${uniq()}`;
    await post(pnpField, [{ uid: pnpUid, type: 'a-f-G', lat: -12.05, lon: -77.05, time: now(-2000), force: 'PNP' }]);
    await post(pnpField, [{ uid: pnpUid, type: 'a-f-G', lat: -12.2, lon: -77.05, time: now(-1000), force: 'PNP' }]);
    expect((await alerts(pnpOperator)).filter((a) => a.trackUid === pnpUid)).toEqual([]);
  });

  it('takes a geofence area from a legal instrument and cites it when a unit leaves it', async () => {
    const decree = aDecree(2031, { ubigeo: ['150101'] });
    const reg = await t.app.inject({ method: 'POST', url: '/api/v1/legal/instruments', headers: admin.auth, payload: decree });
    expect(reg.statusCode).toBe(201);
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/geofences', headers: epOperator.auth,
      payload: { name: `Área legal ${uniq()}`, instrumentId: decree.id, forces: ['EP'], classification: 'PUBLICO' },
    });
    expect(res.statusCode).toBe(201);
    const fence = res.json<TGeofence>();
    expect(fence.instrumentId).toBe(decree.id);
    const uid = `LEG-${uniq()}`;
    // Plaza de Armas de Lima (Cercado, 150101), then Miraflores.
    await post(epField, [{ uid, type: 'a-f-G-U-C', lat: -12.0454, lon: -77.0305, time: now(-2000), force: 'EP' }]);
    await post(epField, [{ uid, type: 'a-f-G-U-C', lat: -12.1211, lon: -77.0297, time: now(-1000), force: 'EP' }]);
    let mine: TAlert[] = [];
    for (let i = 0; i < 100 && mine.length === 0; i++) {
      mine = (await alerts(epOperator)).filter((a) => a.trackUid === uid && a.geofenceId === fence.id);
      if (mine.length === 0) await new Promise((ok) => setTimeout(ok, 50));
    }
    expect(mine.map((a) => a.kind)).toEqual(['area_exit']);
    expect(mine[0]!.message.es).toContain(decree.id);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/geofences', headers: epOperator.auth, payload: { name: 'x', instrumentId: 'DS-NO-EXISTE' } });
    expect(unknown.statusCode).toBe(404);
  });

  it('alerts when a unit leaves the area in which a stored tasking evaluation allows it to act', async () => {
    const basis = aBasisInForceInLima();
    const decree = basis[0]!;
    for (const i of basis) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/legal/instruments', headers: admin.auth, payload: i });
      expect(r.statusCode, r.body).toBe(201);
    }
    const unitId = crypto.randomUUID();
    const request = aRequest({ area: { ubigeo: ['150101'] }, start: limaDay(-1), end: limaDay(1) });
    const evaluation = await t.app.inject({
      method: 'POST', url: '/api/v1/tasking/evaluate', headers: admin.auth,
      payload: { ...request, unit: { ...request.unit, id: unitId } },
    });
    expect(evaluation.statusCode, evaluation.body).toBe(200);
    expect(evaluation.json<{ decision: string }>().decision).not.toBe('denied');
    copRuntime(t.ctx).refreshLawfulAreas();
    const uid = `TASK-${uniq()}`;
    // Inside Cercado de Lima (150101), then in Miraflores.
    await post(epField, [{ uid, type: 'a-f-G-U-C', lat: -12.0454, lon: -77.0305, time: now(-2000), force: 'EP', unitId }]);
    await post(epField, [{ uid, type: 'a-f-G-U-C', lat: -12.1211, lon: -77.0297, time: now(-1000), force: 'EP', unitId }]);
    let mine: TAlert[] = [];
    for (let i = 0; i < 200 && mine.length === 0; i++) {
      mine = (await alerts(epOperator)).filter((a) => a.trackUid === uid && a.kind === 'area_exit' && a.geofenceId === null);
      if (mine.length === 0) await new Promise((ok) => setTimeout(ok, 50));
    }
    expect(mine).toHaveLength(1);
    expect(mine[0]!.message.es).toContain(decree.id);
    expect(mine[0]).toMatchObject({ unitId, lat: -12.1211 });
  });

  it('manages geofences with access checks and refuses unusable areas', async () => {
    const name = `Cerco ${uniq()}`;
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/geofences', headers: pnpOperator.auth, payload: { name, geometry: SQUARE } });
    expect(created.statusCode).toBe(201);
    const g = created.json<TGeofence>();
    expect(g).toMatchObject({ agency: 'PNP', classification: 'CONFIDENCIAL', trigger: 'exit' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/geofences/${g.id}`, headers: epOperator.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/geofences/${g.id}`, headers: epOperator.auth, payload: { name: 'x' } })).statusCode).toBe(404);
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/geofences/${g.id}`, headers: pnpOperator.auth, payload: { active: false } });
    expect(patched.json<TGeofence>().active).toBe(false);
    const open = await t.app.inject({
      method: 'POST', url: '/api/v1/geofences', headers: pnpOperator.auth,
      payload: { name: 'abierto', geometry: { type: 'Polygon', coordinates: [[[-77.1, -12.1], [-77.0, -12.1], [-77.0, -12.0]]] } },
    });
    expect(open.statusCode).toBe(400);
    expect(open.json()).toMatchObject({ error: { code: 'GEOFENCE_INVALID' } });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/geofences', headers: pnpField.auth, payload: { name, geometry: SQUARE } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/geofences/${g.id}`, headers: pnpOperator.auth })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/geofences/${g.id}`, headers: pnpOperator.auth })).statusCode).toBe(404);
  });

  it('raises one stale alert per stale episode of a unit track', async () => {
    const uid = `STALE-${uniq()}`;
    await post(pnpField, [{ uid, type: 'a-f-G-U-C', lat: -12, lon: -77, time: now(-10_000), stale: now(-1000), force: 'PNP' }]);
    expect(await sweepStaleTracks(t.ctx)).toBeGreaterThanOrEqual(1);
    await sweepStaleTracks(t.ctx);
    const mine = (await alerts(pnpOperator)).filter((a) => a.trackUid === uid);
    expect(mine.map((a) => a.kind)).toEqual(['stale']);
  });
});
