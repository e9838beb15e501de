import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import type { TAlert, TChatMessage, TTakCertificate, TTakEnrollment, TTrack, TTrackList } from '@enlace/contracts';
import { buildChatMessage, buildChatReceipt, buildEmergency, buildEvent, encodeVarint, findDetailElement, readChatMessage, readChatReceipt } from '@enlace/cot';
import type { CotEvent } from '@enlace/cot';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { TakClient } from '../../../../../test/support/tak-client.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { LiveTestClient, hasTrack } from '../cop/live-test-client.ts';
import { JOINT_ROOM_ID } from '../messaging/send-message.ts';
import { startCotServer } from './cot-server.ts';
import type { CotServer } from './cot-server.ts';

/** A position report as ATAK sends it, with a detail element Enlace does not model (kept for relay). */
function position(uid: string, o: { lat?: number; lon?: number; callsign?: string; type?: string } = {}): CotEvent {
  return buildEvent({
    uid,
    type: o.type ?? 'a-f-G-U-C',
    how: 'm-g',
    staleAfterMs: 120_000,
    point: { lat: o.lat ?? -12.0464, lon: o.lon ?? -77.0428, hae: 150, ce: 9.9, le: 9999999 },
    detail: {
      contact: { callsign: o.callsign ?? uid, endpoint: '*:-1:stcp' },
      group: { name: 'Cyan', role: 'Team Lead' },
      track: { course: 90, speed: 1.2 },
      status: { battery: 88 },
      unknown: [`<__video url="rtsp://10.0.0.9/${uid}"/>`],
    },
  });
}

const xmlPosition = (uid: string, extra = ''): string =>
  `<event version="2.0" uid="${uid}" type="a-f-G-U-C" how="m-g" time="${new Date().toISOString()}" start="${new Date().toISOString()}" stale="${new Date(Date.now() + 120_000).toISOString()}"><point lat="-12.05" lon="-77.04" hae="0" ce="5" le="5"/><detail><contact callsign="${uid}"/>${extra}</detail></event>`;

interface Enrolled {
  enrollment: TTakEnrollment;
  p12: Uint8Array;
  password: string;
  files: Record<string, Uint8Array>;
}

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('CoT server on %s', (_n, backend) => {
  let t: TestApp;
  let url: string;
  let cot: CotServer;
  let admin: TestUser;
  let pnpOp: TestUser;
  let pnpField: TestUser;
  let epField: TestUser;
  const clients: TakClient[] = [];
  const live: LiveTestClient[] = [];

  const tcp = async (): Promise<TakClient> => {
    const c = await TakClient.tcp(cot.tcpPort!);
    clients.push(c);
    return c;
  };
  /** A plain-port client that signs in with `<auth>` as `u`. */
  const tcpAs = async (u: TestUser, callsign = u.user.username): Promise<TakClient> => {
    const c = await tcp();
    await c.write(`<auth><cot username="${u.user.username}" password="${TEST_PASSWORD}" uid="SIM-${uniq()}" callsign="${callsign}"/></auth>`);
    await c.waitFor((e) => e.type === 't-x-takp-v', 'protocol offer');
    return c;
  };
  const enroll = async (u: TestUser, callsign?: string): Promise<Enrolled> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tak/enrollments',
      headers: admin.auth,
      payload: { userId: u.user.id, ...(callsign ? { callsign } : {}) },
    });
    expect(res.statusCode, res.body).toBe(201);
    const enrollment = res.json<TTakEnrollment>();
    const files = unzipSync(Buffer.from(enrollment.dataPackage, 'base64'));
    const p12 = files[`certs/${u.user.username}.p12`];
    if (!p12) throw new Error(`no client certificate in ${Object.keys(files).join(', ')}`);
    return { enrollment, p12, password: enrollment.packagePassword, files };
  };
  const tlsAs = async (e: Enrolled): Promise<TakClient> => {
    const c = await TakClient.tls(cot.tlsPort!, { pfx: e.p12, passphrase: e.password, ca: cot.ca.caPem });
    clients.push(c);
    await c.waitFor((ev) => ev.type === 't-x-takp-v', 'protocol offer');
    return c;
  };
  const tracks = async (u: TestUser): Promise<TTrack[]> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/tracks', headers: u.auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TTrackList>().items;
  };
  /** Everything the client sent has been read by the server and committed to the track store. */
  const settle = async (c: TakClient): Promise<void> => {
    await c.roundTrip();
    await cot.flushReports();
  };
  const postPositions = async (u: TestUser, reports: unknown[]): Promise<void> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/positions', headers: u.auth, payload: { reports } });
    expect(res.statusCode, res.body).toBeLessThan(300);
  };

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db, {
      config: { trackFlushMs: 5, liveTickMs: 20, cotPort: 0, cotTlsPort: 0, cotPublicHost: 'localhost', cotAnonymous: 'deny', cotRequireAuth: false },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    // The periodic check of users' rights is out of reach: a test that sees a connection dropped saw the bus do it.
    cot = await startCotServer(t.ctx, { host: '127.0.0.1', recheckUsersMs: 3600_000 });
    admin = await makeUser(db, { role: 'admin', agency: 'PNP' });
    pnpOp = await makeUser(db, { role: 'operator', agency: 'PNP' });
    pnpField = await makeUser(db, { role: 'field', agency: 'PNP', clearance: 'CONFIDENCIAL' });
    epField = await makeUser(db, { role: 'field', agency: 'EP', clearance: 'CONFIDENCIAL' });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all(live.map((c) => c.close()));
    await cot?.close();
    await t?.close();
  });

  it('enrols a device: a data package with manifest, connection preference, client certificate and CA trust store', async () => {
    const e = await enroll(pnpField, 'PATRULLA-7');
    expect(Object.keys(e.files).sort()).toEqual(
      ['MANIFEST/manifest.xml', 'certs/enlace.pref', `certs/${pnpField.user.username}.p12`, 'certs/truststore-enlace.p12'].sort(),
    );
    const manifest = strFromU8(e.files['MANIFEST/manifest.xml']!);
    expect(manifest).toContain('<MissionPackageManifest version="2">');
    expect(manifest).toContain(`zipEntry="certs/${pnpField.user.username}.p12"`);
    const pref = strFromU8(e.files['certs/enlace.pref']!);
    expect(pref).toContain(`localhost:${cot.tlsPort}:ssl`);
    expect(pref).toContain('PATRULLA-7');
    expect(e.enrollment.connectString).toBe(`localhost:${cot.tlsPort}:ssl`);
    // The .p12 opens with the package password (OpenSSL reads it, as Android and iOS do).
    expect(() => tls.createSecureContext({ pfx: Buffer.from(e.p12), passphrase: e.password })).not.toThrow();
    expect(() => tls.createSecureContext({ pfx: Buffer.from(e.p12), passphrase: 'wrong' })).toThrow();
    expect(e.enrollment.certificate).toMatchObject({ userId: pnpField.user.id, status: 'active', callsign: 'PATRULLA-7', agency: 'PNP' });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/tak/certificates?userId=${pnpField.user.id}`, headers: admin.auth });
    expect(list.json<{ items: TTakCertificate[] }>().items.map((c) => c.id)).toContain(e.enrollment.certificate.id);
    const audit = await t.ctx.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_type = 'tak_certificate' AND entity_id = $1`, [
      e.enrollment.certificate.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(['issue']);
  });

  it('refuses enrolment to anyone but an administrator', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tak/enrollments', headers: pnpOp.auth, payload: { userId: pnpOp.user.id } });
    expect(res.statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tak/certificates', headers: pnpOp.auth });
    expect(list.statusCode).toBe(403);
  });

  it('takes XML positions over TLS with a client certificate: they appear in the API and on a browser WebSocket', async () => {
    const browser = await LiveTestClient.connect(url, pnpOp.token);
    live.push(browser);
    browser.send({ type: 'subscribe' });
    await browser.next((m) => m.type === 'snapshot');
    const c = await tlsAs(await enroll(pnpField, 'PATRULLA-TLS'));
    const uid = `ANDROID-${uniq()}`;
    c.send(position(uid, { callsign: 'PATRULLA-TLS' }));
    await settle(c);
    const track = (await tracks(pnpOp)).find((x) => x.uid === uid);
    expect(track).toMatchObject({ uid, callsign: 'PATRULLA-TLS', type: 'a-f-G-U-C', source: 'cot', agency: 'PNP', force: 'PNP', course: 90, speed: 1.2, battery: 88 });
    expect(track?.lat).toBeCloseTo(-12.0464, 6);
    await browser.next((m) => m.type === 'tracks' && hasTrack(uid)(m));
  });

  it('negotiates TAK protocol v1 on the plain port after <auth>, then takes protobuf frames and answers pings in them', async () => {
    const c = await tcpAs(pnpField);
    await c.negotiate();
    expect(c.protocol).toBe('protobuf');
    const uid = `PROTO-${uniq()}`;
    c.send(position(uid, { lat: -12.1, lon: -77.03 }));
    await settle(c); // the pong came back as a protobuf frame
    const track = (await tracks(pnpOp)).find((x) => x.uid === uid);
    expect(track).toMatchObject({ uid, source: 'cot', lat: -12.1, lon: -77.03, agency: 'PNP' });
  });

  it('is liberal in what it accepts and skips a malformed event without dropping the connection', async () => {
    const c = await tcpAs(pnpField);
    const now = new Date();
    const t0 = now.toISOString();
    const t1 = new Date(now.getTime() + 300_000).toISOString();
    const ids = Array.from({ length: 6 }, (_, i) => `LIB${i}-${uniq()}`);
    const wire =
      // version "2", no how, point after detail
      `<event version="2" uid="${ids[0]}" type="a-f-G-E-V-C" time="${t0}" start="${t0}" stale="${t1}"><detail><contact callsign="V1"/></detail><point lat="-12.1" lon="-77.0"/></event>` +
      // an XML declaration between events, attributes in another order, single quotes
      `<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<event stale='${t1}' type='a-h-S' uid='${ids[1]}' time='${t0}'><point le='9999999' ce='25' hae='9999999' lon='0' lat='0'/></event>` +
      // a malformed event (no uid): skipped
      `<event type="a-f-G" time="${t0}" stale="${t1}"><point lat="1" lon="1"/></event>` +
      // not even well-formed: skipped
      `<event uid="bad" type="a-f-G"><point lat="1" lon="1"></event>` +
      // unknown affiliation and air dimension, no version
      `<event uid="${ids[2]}" type="a-u-A" time="${t0}" stale="${t1}" how="h-e"><point lat="-90" lon="180"/></event>` +
      // WinTAK: seven fraction digits, utf-16 declaration
      `<?xml version="1.0" encoding="utf-16"?><event version="2.0" uid="${ids[3]}" type="a-n-G" how="h-g-i-g-o" time="${t0.replace('Z', '1234Z')}" start="${t0}" stale="${t1}"><point lat="-12" lon="-77" hae="0" ce="9999999" le="9999999"/><detail/></event>` +
      // comments and whitespace between events
      `\n<!-- keep-alive -->\n  <event uid="${ids[4]}" type="a-f-G-U-C-I" time="${t0}" stale="${t1}"><point lat="-12.2" lon="-76.9"/><detail><track course="n/a" speed="-1"/></detail></event>` +
      xmlPosition(ids[5]!);
    await c.write(wire);
    await settle(c);
    expect(c.isClosed).toBe(false);
    const seen = new Map((await tracks(pnpOp)).map((x) => [x.uid, x]));
    for (const id of ids) expect(seen.has(id), id).toBe(true);
    expect(seen.get(ids[1]!)).toMatchObject({ lat: 0, lon: 0, type: 'a-h-S', ce: 25, hae: null });
    expect(seen.get(ids[4]!)).toMatchObject({ course: null, speed: null });
  });

  it('relays a position to other clients with its unknown detail elements unchanged, and never echoes it', async () => {
    const sender = await tcpAs(pnpField);
    const receiver = await tcpAs(pnpOp);
    await receiver.negotiate(); // a protobuf client gets the XML detail through xmlDetail
    const uid = `RELAY-${uniq()}`;
    sender.send(position(uid));
    const got = await receiver.waitFor((e) => e.uid === uid, 'relayed position');
    expect(findDetailElement(got.detail, '__video')?.attrs.get('url')).toBe(`rtsp://10.0.0.9/${uid}`);
    expect(got.detail.unknown.join('')).toContain(`<__video url="rtsp://10.0.0.9/${uid}"/>`);
    expect(got.detail.group).toEqual({ name: 'Cyan', role: 'Team Lead' });
    expect(got.detail.contact?.callsign).toBe(uid);
    await settle(sender);
    await sender.roundTrip();
    expect(sender.received.some((e) => e.uid === uid)).toBe(false);
  });

  it('refuses a plain-port client without <auth> when no anonymous access is configured, and a wrong password', async () => {
    const anonymous = await tcp();
    await anonymous.write(xmlPosition(`ANON-${uniq()}`));
    expect(await anonymous.closed).toBeNull();
    expect(anonymous.received).toEqual([]);
    const wrong = await tcp();
    await wrong.write(`<auth><cot username="${pnpField.user.username}" password="not-the-password" uid="X"/></auth>`);
    await wrong.closed;
    expect(wrong.received).toEqual([]);
  });

  it('survives hostile input: each bad connection is dropped, nothing crashes, other clients keep receiving', async () => {
    const observer = await tcpAs(pnpOp);
    let n = 0;
    /** A position posted through the API still reaches the observer. */
    const observerStillReceives = async (): Promise<void> => {
      const uid = `ALIVE-${n++}-${uniq()}`;
      await postPositions(pnpField, [{ uid, type: 'a-f-G', lat: -12, lon: -77, time: new Date().toISOString(), classification: 'CONFIDENCIAL' }]);
      await observer.waitFor((e) => e.uid === uid, `position ${uid}`);
    };
    const t0 = new Date().toISOString();
    const hostile: [string, (c: TakClient) => Promise<void>][] = [
      ['external entity', (c) => c.write(`<?xml version="1.0"?><!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]><event uid="x" type="a-f-G" time="${t0}" stale="${t0}">&x;</event>`)],
      [
        'entity expansion',
        (c) => c.write(`<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><event uid="&c;"/>`),
      ],
      ['a 10 MB event', (c) => c.write(`<event uid="big" type="a-f-G" time="${t0}" stale="${t0}"><detail><remarks>${'A'.repeat(10 * 1024 * 1024)}</remarks></detail></event>`)],
      [
        'a varint claiming 2 GB after negotiation',
        async (c) => {
          await c.write(`<auth><cot username="${pnpField.user.username}" password="${TEST_PASSWORD}"/></auth>`);
          await c.negotiate();
          await c.write(Uint8Array.of(0xbf, ...encodeVarint(2 ** 31)));
        },
      ],
      ['random bytes', (c) => c.write(Uint8Array.from({ length: 4096 }, (_, i) => (i === 0 ? 7 : (i * 7919 + 13) % 256)))],
      ['a protobuf frame before negotiation', (c) => c.write(Uint8Array.of(0xbf, 5, 1, 2, 3, 4, 5))],
    ];
    for (const [name, attack] of hostile) {
      const c = await tcp();
      await attack(c);
      const error = await c.closed;
      expect(c.isClosed, name).toBe(true);
      void error;
      await observerStillReceives();
    }
    const dropped = Object.keys(cot.stats.dropped).join(' ');
    expect(dropped).toContain('DOCTYPE_FORBIDDEN');
    expect(dropped).toContain('OVERSIZE');
    expect(dropped).toContain('UNEXPECTED_DATA');
    expect(observer.isClosed).toBe(false);
  });

  it('reassembles an event split into 1-byte packets', async () => {
    const c = await tcpAs(pnpField);
    const uid = `SPLIT-${uniq()}`;
    const bytes = Buffer.from(`<?xml version="1.0"?>\n${xmlPosition(uid, '<__geofence monitor="true"/>')}`);
    c.socket.setNoDelay(true);
    for (const b of bytes) await c.write(Uint8Array.of(b));
    await settle(c);
    expect((await tracks(pnpOp)).some((x) => x.uid === uid)).toBe(true);
  });

  it('fails the TLS handshake without a client certificate and with a revoked one, and drops a live connection on revocation', async () => {
    await expect(TakClient.tls(cot.tlsPort!, { ca: cot.ca.caPem, maxVersion: 'TLSv1.2' })).rejects.toThrow();
    // TLS 1.3: the client may finish its side before the server refuses; the server never accepts it.
    const before = cot.stats.rejectedHandshakes;
    const noCert = await TakClient.tls(cot.tlsPort!, { ca: cot.ca.caPem }).catch(() => null);
    if (noCert) {
      await noCert.closed;
      expect(noCert.received).toEqual([]);
    }
    expect(cot.stats.rejectedHandshakes).toBeGreaterThan(before);

    const e = await enroll(pnpField);
    const liveConn = await tlsAs(e);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tak/certificates/${e.enrollment.certificate.id}/revoke`,
      headers: admin.auth,
      payload: { reason: 'teléfono perdido' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TTakCertificate>()).toMatchObject({ status: 'revoked', revocationReason: 'teléfono perdido' });
    await liveConn.closed; // dropped at once
    await expect(TakClient.tls(cot.tlsPort!, { pfx: e.p12, passphrase: e.password, ca: cot.ca.caPem, maxVersion: 'TLSv1.2' })).rejects.toThrow();
    const again = await TakClient.tls(cot.tlsPort!, { pfx: e.p12, passphrase: e.password, ca: cot.ca.caPem }).catch(() => null);
    if (again) {
      await again.closed;
      expect(again.received).toEqual([]);
    }
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tak/certificates/${e.enrollment.certificate.id}/revoke`,
      headers: admin.auth,
      payload: { reason: 'otra vez' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ error: { code: string } }>().error.code).toBe('TAK_CERTIFICATE_REVOKED');
  });

  it('never sends a client a track classified above what its agency and clearance may see', async () => {
    const ep = await tlsAs(await enroll(epField));
    const pnp = await tcpAs(pnpField); // PNP, clearance CONFIDENCIAL
    const [secret, reserved, confidential, pub] = ['SEC', 'RES', 'CONF', 'PUB'].map((p) => `${p}-${uniq()}`) as [string, string, string, string];
    const time = new Date().toISOString();
    const report = (uid: string, classification: string) => ({ uid, type: 'a-f-G', lat: -12, lon: -77, time, classification });
    await postPositions(pnpOp, [report(secret, 'RESERVADO'), report(reserved, 'RESERVADO'), report(confidential, 'CONFIDENCIAL'), report(pub, 'PUBLICO')]);
    // Items go out in order: once the last one arrived, any earlier one the client could see would have too.
    await ep.waitFor((e) => e.uid === pub, 'public track');
    await pnp.waitFor((e) => e.uid === pub, 'public track');
    expect(ep.received.map((e) => e.uid)).not.toContain(confidential);
    expect(ep.received.map((e) => e.uid)).not.toContain(reserved);
    expect(pnp.received.map((e) => e.uid)).toContain(confidential);
    expect(pnp.received.map((e) => e.uid)).not.toContain(reserved);
    expect(pnp.received.map((e) => e.uid)).not.toContain(secret);
  });

  it('round-trips GeoChat with delivered and read receipts', async () => {
    const c = await tlsAs(await enroll(pnpField, 'PATRULLA-CHAT'));
    const deviceUid = `ANDROID-${uniq()}`;
    c.send(position(deviceUid, { callsign: 'PATRULLA-CHAT' }));
    // From the phone to All Chat Rooms: stored in the joint room, readable by the command post.
    const messageId = `m-${uniq()}`;
    c.send(buildChatMessage({ sender: { uid: deviceUid, callsign: 'PATRULLA-CHAT' }, text: 'Llegamos al punto B', messageId }));
    await settle(c);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/chat/rooms/${JOINT_ROOM_ID}/messages`, headers: pnpOp.auth });
    expect(list.statusCode, list.body).toBe(200);
    const stored = list.json<{ items: TChatMessage[] }>().items.find((m) => m.clientMessageId === messageId);
    expect(stored).toMatchObject({ text: 'Llegamos al punto B', senderUid: deviceUid, source: 'cot' });
    // The command post reads it: the phone gets a read receipt for its message.
    const read = await t.app.inject({ method: 'POST', url: '/api/v1/chat/receipts', headers: pnpOp.auth, payload: { messageId: stored!.id, kind: 'read' } });
    expect(read.statusCode, read.body).toBe(200);
    const receipt = await c.waitFor((e) => e.type === 'b-t-f-r', 'read receipt');
    expect(readChatReceipt(receipt)?.messageId).toBe(messageId);

    // From the command post to the joint room: the phone gets GeoChat and answers with a delivered receipt.
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/chat/messages',
      headers: pnpOp.auth,
      payload: { roomId: JOINT_ROOM_ID, text: 'Diríjase al punto C', classification: 'PUBLICO' },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const message = sent.json<TChatMessage>();
    const geoChat = await c.waitFor((e) => e.type === 'b-t-f' && readChatMessage(e)?.text === 'Diríjase al punto C', 'GeoChat');
    const incoming = readChatMessage(geoChat)!;
    expect(incoming.chatroom).toBe('All Chat Rooms');
    c.send(buildChatReceipt({ kind: 'delivered', message: incoming, reader: { uid: deviceUid, callsign: 'PATRULLA-CHAT' } }));
    await settle(c);
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/chat/rooms/${JOINT_ROOM_ID}/messages`, headers: pnpOp.auth });
    const withReceipt = after.json<{ items: TChatMessage[] }>().items.find((m) => m.id === message.id);
    expect(withReceipt?.receipts).toEqual([expect.objectContaining({ kind: 'delivered', by: deviceUid })]);
  });

  it('turns a TAK emergency into an alert for the command posts and relays it to other clients', async () => {
    const raiser = await tcpAs(pnpField);
    const other = await tcpAs(pnpOp);
    const deviceUid = `ANDROID-${uniq()}`;
    raiser.send(position(deviceUid));
    raiser.send(buildEmergency({ sender: { uid: deviceUid, callsign: 'PATRULLA-911' }, point: { lat: -12.05, lon: -77.04, hae: 0, ce: 10, le: 10 } }));
    const relayed = await other.waitFor((e) => e.type === 'b-a-o-tbl' && e.uid === `${deviceUid}-9-1-1`, 'emergency');
    expect(relayed.point).toMatchObject({ lat: -12.05, lon: -77.04 });
    await cot.flushReports(); // the alert is stored beside the relay, not before it
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: pnpOp.auth });
    const alert = res.json<{ items: TAlert[] }>().items.find((a) => a.trackUid === deviceUid);
    expect(alert).toMatchObject({ kind: 'emergency', severity: 'critical', state: 'open', agency: 'PNP' });
    expect(alert?.audience).toEqual(expect.arrayContaining(['PNP', 'CCFFAA']));
  });

  it('sends task areas as drawings to clients allowed to see them', async () => {
    const pnp = await tcpAs(pnpOp);
    const ep = await tcpAs(epField);
    const uid = `AREA-${uniq()}`;
    const pub = `AREA-PUB-${uniq()}`;
    const ring = [[-77.05, -12.06], [-77.03, -12.06], [-77.03, -12.04], [-77.05, -12.06]];
    await t.ctx.bus.publish('cop.drawing', {
      drawings: [
        { uid, name: 'Área de tarea 7', geometry: { type: 'Polygon', coordinates: [ring] }, agency: 'PNP', classification: 'CONFIDENCIAL', stroke: '#0000ff' },
        { uid: pub, name: 'Zona pública', geometry: { type: 'Point', coordinates: [-77.04, -12.05] }, cotType: 'b-m-p-s-m', agency: 'PNP', classification: 'PUBLICO' },
      ],
    });
    const area = await pnp.waitFor((e) => e.uid === uid, 'area');
    expect(area.type).toBe('u-d-f');
    expect(area.detail.links?.length).toBe(4);
    await ep.waitFor((e) => e.uid === pub, 'public point');
    expect(ep.received.some((e) => e.uid === uid)).toBe(false);
  });

  it('shows geofences (task areas) as drawings, on connection and when they change', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/geofences',
      headers: pnpOp.auth,
      payload: {
        name: `Área de patrullaje ${uniq()}`,
        geometry: { type: 'Polygon', coordinates: [[[-77.05, -12.06], [-77.03, -12.06], [-77.03, -12.04], [-77.05, -12.04], [-77.05, -12.06]]] },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, name } = res.json<{ id: string; name: string }>();
    const late = await tcpAs(pnpOp); // connects after: gets it in its snapshot
    const area = await late.waitFor((e) => e.uid === `ENLACE-GEOFENCE-${id}`, 'geofence drawing');
    expect(area.type).toBe('u-d-f');
    expect(area.detail.contact?.callsign).toBe(name);
    const ep = await tcpAs(epField);
    const change = await t.app.inject({ method: 'PATCH', url: `/api/v1/geofences/${id}`, headers: pnpOp.auth, payload: { active: false } });
    expect(change.statusCode, change.body).toBe(200);
    await late.waitFor((e) => e.type === 't-x-d-d' && e.detail.links?.[0]?.uid === `ENLACE-GEOFENCE-${id}`, 'geofence removal');
    await ep.roundTrip();
    expect(ep.received.some((e) => e.uid.includes(id) || e.detail.links?.some((l) => l.uid?.includes(id)))).toBe(false);
  });

  it('shares a marker a client drops with the clients of its agency, not with another force', async () => {
    const dropper = await tcpAs(pnpField);
    const mate = await tcpAs(pnpOp);
    const ep = await tcpAs(epField);
    const marker = buildEvent({
      uid: `MARK-${uniq()}`,
      type: 'b-m-p-s-m',
      how: 'h-g-i-g-o',
      point: { lat: -12.07, lon: -77.05, hae: 0, ce: 9999999, le: 9999999 },
      detail: { contact: { callsign: 'Punto de reunión' }, unknown: ['<usericon iconsetpath="COT_MAPPING_SPOTMAP/b-m-p-s-m/-65536"/>'] },
    });
    dropper.send(marker);
    const got = await mate.waitFor((e) => e.uid === marker.uid, 'marker');
    expect(got.detail.unknown).toContain('<usericon iconsetpath="COT_MAPPING_SPOTMAP/b-m-p-s-m/-65536"/>');
    // The EP client would have had it before this later public track.
    const pub = `PUB-${uniq()}`;
    await postPositions(pnpOp, [{ uid: pub, type: 'a-f-G', lat: -12, lon: -77, time: new Date().toISOString(), classification: 'PUBLICO' }]);
    await ep.waitFor((e) => e.uid === pub, 'public track');
    expect(ep.received.some((e) => e.uid === marker.uid)).toBe(false);
    await dropper.roundTrip();
    expect(dropper.received.some((e) => e.uid === marker.uid)).toBe(false);
  });

  it('keeps a client that stops reading from delaying the others, holding only the latest state per track for it', async () => {
    const slow = await tcpAs(pnpOp);
    const fast = await tcpAs(pnpOp);
    // What the picture held on connection (tracks other tests left in a shared database) is not part of the flood.
    await slow.roundTrip();
    const sentBefore = cot.connections().find((c) => c.remote.endsWith(`:${slow.socket.localPort}`))?.sent ?? 0;
    slow.socket.pause(); // stops reading: its kernel buffers fill, then the server queues for it
    const uids = Array.from({ length: 50 }, (_, i) => `FLOOD-${i}-${uniq()}`);
    // 15 KB of relayed detail per position: 40 rounds are 30 MB, far more than the socket buffers hold.
    const detail = `<pad v="${'x'.repeat(15_000)}"/>`;
    const track = (uid: string, round: number): TTrack => ({
      uid, callsign: uid, type: 'a-f-G', lat: -12, lon: -77, hae: null, ce: null, le: null, course: null, speed: null, battery: null,
      status: `r${round}`, time: new Date(Date.now() + round).toISOString(), stale: new Date(Date.now() + 60_000).toISOString(), how: null,
      source: 'api', force: 'PNP', unitId: null, agency: 'PNP', classification: 'CONFIDENCIAL', receivedAt: new Date().toISOString(), detail,
    });
    // Straight on the bus, as the track store publishes accepted reports (the relay is what is tested here).
    for (let round = 0; round < 40; round++) await t.ctx.bus.publish('cop.track', { tracks: uids.map((uid) => track(uid, round)), removed: [] });
    const last = uids[uids.length - 1]!;
    await fast.waitFor((e) => e.uid === last && e.detail.remarks?.text === 'r39', 'latest state on the fast client');
    const slowConn = cot.connections().find((c) => c.remote.endsWith(`:${slow.socket.localPort}`));
    expect(slowConn?.dropped, 'the slow client had older states replaced').toBeGreaterThan(0);
    expect(slowConn!.sent - sentBefore).toBeLessThan(uids.length * 40);
    slow.socket.resume();
    // Once it reads again it gets the latest state of every track.
    await slow.waitFor((e) => e.uid === last && e.detail.remarks?.text === 'r39', 'latest state on the slow client');
  });

  it('cuts off the connections of a user who is deactivated', async () => {
    const u = await makeUser(t.ctx.db, { role: 'field', agency: 'PNP' });
    const c = await tcpAs(u);
    await c.roundTrip();
    await t.ctx.db.query('UPDATE app_user SET active = false WHERE id = $1', [u.user.id]);
    await cot.recheckUsers();
    await c.closed;
    expect(cot.stats.dropped['user deactivated']).toBeGreaterThan(0);
  });

  it('cuts off at once, through the bus, the connections of a user an administrator deactivates or gives a new clearance', async () => {
    const patch = (id: string, body: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: admin.auth, payload: body });
    const deactivated = await makeUser(t.ctx.db, { role: 'field', agency: 'PNP' });
    const lowered = await makeUser(t.ctx.db, { role: 'field', agency: 'PNP', clearance: 'CONFIDENCIAL' });
    const renamed = await makeUser(t.ctx.db, { role: 'field', agency: 'PNP' });
    const [a, b, c] = [await tcpAs(deactivated), await tcpAs(lowered), await tcpAs(renamed)];
    for (const x of [a, b, c]) await x.roundTrip();

    expect((await patch(deactivated.user.id, { active: false })).statusCode).toBe(200);
    expect((await patch(lowered.user.id, { clearance: 'PUBLICO' })).statusCode).toBe(200);
    expect((await patch(renamed.user.id, { displayName: 'Patrulla renombrada' })).statusCode).toBe(200);
    await a.closed;
    await b.closed;
    expect(cot.stats.dropped['user deactivated']).toBeGreaterThan(0);
    expect(cot.stats.dropped['user rights changed']).toBeGreaterThan(0);
    // A new name changes no right: that connection is kept and still answered.
    await c.roundTrip();
    expect(cot.connections().some((x) => x.remote.endsWith(`:${c.socket.localPort}`))).toBe(true);
  });

  it('accepts anonymous reporters only as configured, with PUBLICO visibility', async () => {
    const anon = await startCotServer(
      { ...t.ctx, config: { ...t.ctx.config, cotAnonymous: 'report-only', cotAnonymousAgency: 'PNP', cotTlsPort: null } },
      { host: '127.0.0.1' },
    );
    try {
      const c = await TakClient.tcp(anon.tcpPort!);
      clients.push(c);
      const uid = `ANON-${uniq()}`;
      c.send(position(uid));
      await c.roundTrip();
      await anon.flushReports();
      const track = (await tracks(pnpOp)).find((x) => x.uid === uid);
      expect(track).toMatchObject({ agency: 'PNP', classification: 'PUBLICO', source: 'cot' });
      // Report-only: it receives protocol replies, never the picture.
      await postPositions(pnpOp, [{ uid: `PUB-${uniq()}`, type: 'a-f-G', lat: 1, lon: 1, time: new Date().toISOString(), classification: 'PUBLICO' }]);
      await c.roundTrip();
      expect(c.received.filter((e) => e.type.startsWith('a-'))).toEqual([]);
    } finally {
      await anon.close();
    }
  });
});
