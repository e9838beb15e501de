import { findDetailElement } from '@enlace/cot';
import type { CotEvent } from '@enlace/cot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limaDay } from '../../../../../test/support/evaluations.ts';
import { makeUnit, makeUser, uniq } from '../../../../../test/support/factories.ts';
import { forgetRegistryReadings } from '../../../../../test/support/legal.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import type { TakClient } from '../../../../../test/support/tak-client.ts';
import { drainedThrough, signedInTakClient } from '../../../../../test/support/tak-client.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { droneVideos } from '../cop/drone-videos.ts';
import { startCotServer } from './cot-server.ts';
import type { CotServer } from './cot-server.ts';

const SQUARE = (x: number, y: number, d = 0.01): string =>
  JSON.stringify({ type: 'MultiPolygon', coordinates: [[[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]] });

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('CoT picture (units, incidents, legal and task areas) on %s', (_n, backend) => {
  let t: TestApp;
  let cot: CotServer;
  let pnpOp: TestUser;
  let pnpField: TestUser;
  let epField: TestUser;
  const clients: TakClient[] = [];

  /** A plain-port client signed in as `u`, after the server's protocol offer. */
  const tcpAs = async (u: TestUser): Promise<TakClient> => {
    const c = await signedInTakClient(cot.tcpPort!, u.user.username);
    clients.push(c);
    return c;
  };
  /** Instruments this file wrote: removed at the end, so later files (and browser tests) on the shared database never see them. */
  const inserted: string[] = [];
  /** An instrument written straight to the registry (the legal module's validation is tested there). */
  const instrument = async (o: { agency: string; classification: string; from: number; to: number; ubigeo?: string[]; geom?: string }): Promise<string> => {
    const id = `DS-${uniq()}-PCM`;
    inserted.push(id);
    await t.ctx.db.query(
      `INSERT INTO legal_instrument (id, kind, number, scenario, area_ubigeo, area_geom, valid_from, valid_to, agency, classification)
       VALUES ($1, 'DS_ESTADO_EMERGENCIA', $2, 'APOYO_PNP_CON_EE', $3::text[],
               CASE WHEN $4::text IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON($4::text), 4326) END, $5, $6, $7, $8)`,
      [id, id.slice(3), o.ubigeo ?? [], o.geom ?? null, limaDay(o.from), limaDay(o.to), o.agency, o.classification],
    );
    return id;
  };
  /**
   * Everything queued for the client before now has been delivered: a public drawing published now goes out after
   * whatever was already queued for it (a connection's queue keeps insertion order).
   */
  const drained = (c: TakClient): Promise<void> => drainedThrough(t.ctx.bus, c);
  const has = (c: TakClient, uid: string): boolean => c.received.some((e) => e.uid === uid);

  beforeAll(async () => {
    const db = await backend.db();
    await forgetRegistryReadings(db);
    t = await testApp(db, { config: { trackFlushMs: 5, liveTickMs: 20, cotPort: 0, cotTlsPort: null, cotAnonymous: 'deny', cotRequireAuth: false } });
    // The periodic reading is left to the test: it asks for each refresh.
    cot = await startCotServer(t.ctx, { host: '127.0.0.1', picture: { refreshMs: 3600_000, renewMs: 3600_000 } });
    pnpOp = await makeUser(db, { role: 'operator', agency: 'PNP', clearance: 'RESERVADO' });
    pnpField = await makeUser(db, { role: 'field', agency: 'PNP', clearance: 'CONFIDENCIAL' });
    epField = await makeUser(db, { role: 'field', agency: 'EP', clearance: 'CONFIDENCIAL' });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await cot?.close();
    if (inserted.length > 0) await t?.ctx.db.query('DELETE FROM legal_instrument WHERE id = ANY($1::text[])', [inserted]);
    await t?.close();
  });

  it('sends each client the legal areas in force it may see, as u-d-f polygons, and none above its clearance or of another agency', async () => {
    const pub = await instrument({ agency: 'PNP', classification: 'PUBLICO', from: -5, to: 20, ubigeo: ['150101'] });
    const conf = await instrument({ agency: 'PNP', classification: 'CONFIDENCIAL', from: -1, to: 3, geom: SQUARE(-77.06, -12.1) });
    const reserved = await instrument({ agency: 'PNP', classification: 'RESERVADO', from: -1, to: 3, geom: SQUARE(-77.04, -12.1) });
    const expired = await instrument({ agency: 'PNP', classification: 'PUBLICO', from: -30, to: -2, geom: SQUARE(-77.02, -12.1) });
    await cot.refreshPicture();
    const op = await tcpAs(pnpOp);
    const field = await tcpAs(pnpField);
    const ep = await tcpAs(epField);

    const area = await field.waitFor((e) => e.uid === `ENLACE-LEGAL-${pub}`, 'public legal area');
    expect(area.type).toBe('u-d-f');
    expect(area.detail.links?.length).toBeGreaterThan(3); // the district's boundary, vertex by vertex
    expect(area.detail.remarks?.text).toContain(`vigente ${limaDay(-5)}`);
    expect(area.stale - Date.now()).toBeGreaterThan(60_000);
    const confArea = await field.waitFor((e) => e.uid === `ENLACE-LEGAL-${conf}`, 'confidential legal area');
    expect(confArea.detail.links?.map((l) => l.point)).toHaveLength(5);
    await op.waitFor((e) => e.uid === `ENLACE-LEGAL-${reserved}`, 'reserved legal area');
    await ep.waitFor((e) => e.uid === `ENLACE-LEGAL-${pub}`, 'public legal area (other agency)');
    for (const c of [op, field, ep]) await drained(c);
    expect(has(field, `ENLACE-LEGAL-${reserved}`), 'above the field user’s clearance').toBe(false);
    expect(has(ep, `ENLACE-LEGAL-${conf}`), 'another agency’s confidential area').toBe(false);
    expect(has(ep, `ENLACE-LEGAL-${reserved}`)).toBe(false);
    for (const c of [op, field, ep]) expect(has(c, `ENLACE-LEGAL-${expired}`), 'expired').toBe(false);

    // A new area in force reaches connected clients at the next reading, and its removal takes it off.
    const later = await instrument({ agency: 'PNP', classification: 'PUBLICO', from: 0, to: 1, geom: SQUARE(-77.0, -12.1) });
    const changes = await cot.refreshPicture();
    expect(changes.map((c) => c.drawing.uid)).toContain(`ENLACE-LEGAL-${later}`);
    await ep.waitFor((e) => e.uid === `ENLACE-LEGAL-${later}`, 'new legal area');
    await t.ctx.db.query(`UPDATE legal_instrument SET valid_from = $2, valid_to = $3, updated_at = now() WHERE id = $1`, [later, limaDay(-2), limaDay(-1)]);
    await cot.refreshPicture();
    await ep.waitFor((e) => e.type === 't-x-d-d' && e.detail.links?.[0]?.uid === `ENLACE-LEGAL-${later}`, 'removal of the ended area');
  });

  it('sends units of both forces as a-f-G unit events and recent incidents as points, redacted, to those who may read them', async () => {
    const pnpUnit = await makeUnit(t.ctx.db, { agency: 'PNP', classification: 'CONFIDENCIAL' });
    const epUnit = await makeUnit(t.ctx.db, { agency: 'EP', classification: 'PUBLICO' });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: pnpOp.auth,
      payload: {
        crimeType: 'ROBO',
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        location: { lon: -77.03, lat: -12.06 },
        address: 'Jr. de la Unión 300, casa de la víctima',
        description: 'Víctima: Juana Pérez, DNI 12345678',
        classification: 'CONFIDENCIAL',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const incidentId = created.json<{ id: string }>().id;
    await cot.refreshPicture();
    const op = await tcpAs(pnpOp);
    const field = await tcpAs(pnpField);
    const ep = await tcpAs(epField);

    const unit = await field.waitFor((e) => e.uid === `ENLACE-UNIT-${pnpUnit.id}`, 'own force unit');
    expect(unit.type).toBe('a-f-G-U-C');
    expect(unit.detail.contact?.callsign).toBe(pnpUnit.shortName);
    expect(unit.detail.remarks?.text).toContain('PNP');
    expect(unit.detail.remarks?.text).toContain('en_base');
    expect(unit.point).toMatchObject({ lat: -12.05, lon: -77.03 });
    await ep.waitFor((e) => e.uid === `ENLACE-UNIT-${epUnit.id}`, 'public unit of the army');
    await field.waitFor((e) => e.uid === `ENLACE-UNIT-${epUnit.id}`, 'public unit of the army on a PNP phone');

    const incident = await op.waitFor((e) => e.uid === `ENLACE-INCIDENT-${incidentId}`, 'incident');
    expect(incident.type).toBe('b-m-p-s-m');
    expect(incident.point).toMatchObject({ lat: -12.06, lon: -77.03 });
    expect(incident.detail.remarks?.text).toContain('ROBO');
    const wire = JSON.stringify(incident);
    for (const secret of ['Juana', '12345678', 'Unión', 'víctima']) expect(wire).not.toContain(secret);

    for (const c of [op, field, ep]) await drained(c);
    expect(has(ep, `ENLACE-UNIT-${pnpUnit.id}`), 'another force’s confidential unit').toBe(false);
    expect(has(field, `ENLACE-INCIDENT-${incidentId}`), 'a field role may not read incidents').toBe(false);
    expect(has(ep, `ENLACE-INCIDENT-${incidentId}`)).toBe(false);

    // A unit with a live track is shown by its track, not twice.
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/positions',
      headers: pnpOp.auth,
      payload: { reports: [{ uid: `U-${uniq()}`, type: 'a-f-G-U-C', lat: -12.07, lon: -77.02, time: new Date().toISOString(), unitId: pnpUnit.id }] },
    });
    const changes = await cot.refreshPicture();
    expect(changes.find((c) => c.drawing.uid === `ENLACE-UNIT-${pnpUnit.id}`)?.drawing.removed).toBe(true);
  });

  it('adds a drone’s video link from its equipment record to its track on the phones and in the API', async () => {
    const unit = await makeUnit(t.ctx.db, { agency: 'PNP', classification: 'CONFIDENCIAL' });
    const serial = `DRN-${uniq()}`;
    const restricted = `DRN-${uniq()}`;
    /** A drone's equipment record, written straight to the table (the forces module's rules are tested there). */
    const equip = async (s: string, classification: string, videoLink: string): Promise<void> => {
      await t.ctx.db.query(
        `INSERT INTO equipment_item (unit_id, category, item, serial, drone, agency, classification)
         VALUES ($1, 'DRON', 'DJI Matrice 30T', $2, $3::jsonb, 'PNP', $4)`,
        [unit.id, s, JSON.stringify({ model: 'M30T', camera: 'térmica', videoLink }), classification],
      );
    };
    await equip(serial, 'CONFIDENCIAL', `rtsp://video.pnp.local/${serial}`);
    await equip(restricted, 'SECRETO', `rtsp://video.pnp.local/${restricted}`);
    await droneVideos(t.ctx).refresh();
    const op = await tcpAs(pnpOp);
    const time = new Date().toISOString();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/positions',
      headers: pnpOp.auth,
      payload: {
        reports: [
          { uid: serial, type: 'a-f-A-M-F-Q', lat: -12.05, lon: -77.05, time, classification: 'CONFIDENCIAL' },
          { uid: restricted, type: 'a-f-A-M-F-Q', lat: -12.05, lon: -77.05, time, classification: 'CONFIDENCIAL' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const drone: CotEvent = await op.waitFor((e) => e.uid === serial, 'drone track');
    expect(findDetailElement(drone.detail, '__video')?.attrs.get('url')).toBe(`rtsp://video.pnp.local/${serial}`);
    const other = await op.waitFor((e) => e.uid === restricted, 'drone of a secret record');
    expect(findDetailElement(other.detail, '__video')).toBeUndefined();
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tracks', headers: pnpOp.auth });
    const items = list.json<{ items: { uid: string; videoUrl?: string }[] }>().items;
    expect(items.find((i) => i.uid === serial)?.videoUrl).toBe(`rtsp://video.pnp.local/${serial}`);
    expect(items.find((i) => i.uid === restricted)?.videoUrl, 'the record is above the track: no link').toBeUndefined();
  });

  it('lists the video link a device sent in its CoT detail, and never a script or data URL', async () => {
    const [good, bad] = [`UAV-${uniq()}`, `UAV-${uniq()}`];
    const time = new Date().toISOString();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/positions',
      headers: pnpOp.auth,
      payload: {
        reports: [
          { uid: good, type: 'a-f-A-M-F-Q', lat: -12, lon: -77, time, detail: '<__video url="https://video.local/live?a=1&amp;b=2"/>' },
          { uid: bad, type: 'a-f-A-M-F-Q', lat: -12, lon: -77, time, detail: '<__video url="javascript:alert(1)"/>' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tracks', headers: pnpOp.auth });
    const items = list.json<{ items: { uid: string; videoUrl?: string; detail?: string }[] }>().items;
    expect(items.find((i) => i.uid === good)).toMatchObject({ videoUrl: 'https://video.local/live?a=1&b=2' });
    expect(items.find((i) => i.uid === good)?.detail).toBeUndefined();
    expect(items.find((i) => i.uid === bad)?.videoUrl).toBeUndefined();
  });
});
