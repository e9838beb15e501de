import { createHash, randomUUID } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { authorize } from '@enlace/access';
import { ZAgencyCode, ZCopDrawingBusEvent, COP_SUBJECTS } from '@enlace/contracts';
import type { TAgencyCode, TAlert, TClassification, TCopDrawing, TTakConnection, TTrackBusEvent, TTrackReport } from '@enlace/contracts';
import {
  ALL_CHAT_ROOMS,
  CHAT_DELIVERED,
  CHAT_MESSAGE,
  CHAT_READ,
  isEmergency,
  isEmergencyCancel,
  isTrackEvent,
  parseEvent,
  readChatMessage,
  readChatReceipt,
  serializeEvent,
} from '@enlace/cot';
import type { CotAuth, CotEvent } from '@enlace/cot';
import type { AppContext } from '../../platform/context.ts';
import { copRuntime } from '../cop/cop-runtime.ts';
import { droneVideos, trackVideoUrl } from '../cop/drone-videos.ts';
import { getGeofence, listGeofences } from '../cop/list-geofences.ts';
import { ingestReports } from '../cop/ingest-reports.ts';
import { raiseAlert } from '../cop/raise-alert.ts';
import { login } from '../identity/login.ts';
import { LAWFUL_AREAS_CHANGED_SUBJECT } from '../legal/announce-lawful-areas-changed.ts';
import { SESSIONS_ENDED } from '../../platform/auth/watch-sessions.ts';
import type { SessionsEnded } from '../../platform/auth/watch-sessions.ts';
import { canReadChat } from '../messaging/chat-access.ts';
import { listRooms } from '../messaging/list-chat.ts';
import { recordReceipt } from '../messaging/record-receipt.ts';
import type { ReceiptBusEvent } from '../messaging/record-receipt.ts';
import { JOINT_ROOM_ID, sendMessage } from '../messaging/send-message.ts';
import type { ChatBusEvent } from '../messaging/send-message.ts';
import { CotConnection } from './cot-connection.ts';
import type { ConnectionHost } from './cot-connection.ts';
import { alertFrom, isClassification, reportClassification, trackReportFrom } from './cot-ingest.ts';
import { alertToCot, chatToCot, deleteToCot, drawingToCot, drawingUids, enlaceChatUid, geofenceDrawing, receiptToCot, trackToCot } from './cot-relay.ts';
import { ANONYMOUS_USER_ID, anonymousSubject, cotSubject, mayReceiveDrawing } from './cot-subject.ts';
import type { CotSubject } from './cot-subject.ts';
import { DrawingPublisher } from './drawing-publisher.ts';
import type { DrawingChange, PublisherTiming } from './drawing-publisher.ts';
import { loadPictureDrawings } from './load-picture-drawings.ts';
import { SharedEvent } from './outbound-queue.ts';
import { buildCrl, fingerprintOf } from './pki/certificate-authority.ts';
import { certificateAuthority } from './tak-pki.ts';
import type { CertificateAuthority } from './pki/certificate-authority.ts';
import { findHolderByFingerprint, findUserRights, listRevoked } from './tak.repository.ts';

/** Bus subject announcing a revoked certificate, so every instance refreshes its CRL and drops its connections. */
export const TAK_REVOKED_SUBJECT = 'tak.certificate.revoked';

/** Reports held before they are handed to the track store in one batch (at most BATCH_MS: part of every report's latency). */
const BATCH_MAX = 500;
const BATCH_MS = 10;
/** Above this many reports waiting for the store, clients are paused (TCP back-pressure) until it catches up. */
const PAUSE_ABOVE = 20_000;
/** How often the users behind open connections are checked again (deactivated or changed rights: cut off). */
const RECHECK_MS = 30_000;
/** Bus subject of other CoT events a client shares with the others (markers, drawings, deletes). */
export const TAK_RELAY_SUBJECT = 'tak.event';
/** Event types relayed as they are to the other clients: drawings, map points, reports, deletes. */
const RELAYED = /^(u-|b-m-|b-r-|b-i-|t-x-d-d$)/;

/** Device uids remembered per connection (its own position and the markers it places). */
const MAX_UIDS_PER_CONNECTION = 256;

/** Counters of the CoT server since start. */
export interface CotStats {
  connections: number;
  rejectedHandshakes: number;
  dropped: Record<string, number>;
  events: number;
  malformed: number;
  reports: number;
  reportsRejected: number;
  alerts: number;
  chat: number;
  relayed: number;
  ignored: number;
}

/** The running CoT server of one instance. */
export interface CotServer {
  readonly tcpPort: number | null;
  readonly tlsPort: number | null;
  readonly ca: CertificateAuthority;
  readonly stats: CotStats;
  /** Connections currently open, for the administrator. */
  connections(): TTakConnection[];
  /** Reports waiting to be handed to the track store, reports being stored, connections paused for back-pressure. */
  backlog(): { pending: number; inflight: number; paused: number };
  /** Rebuilds the CRL from the database and installs it; drops connections of revoked certificates. */
  refreshRevocations(): Promise<void>;
  /**
   * Drops connections whose user was deactivated or whose rights changed: those of `userIds`, or all. Runs for the
   * users a bus message names at once (any instance changed them), and for all every 30 s.
   */
  recheckUsers(userIds?: readonly string[]): Promise<void>;
  /**
   * Hands every report received so far to the track store; resolves when they are committed and when the chat
   * messages, receipts and emergencies received so far are stored.
   */
  flushReports(): Promise<void>;
  /**
   * Reads units, incidents, legal and task areas again and sends what changed to the clients that may see it
   * (also runs every minute); resolves with the changes.
   */
  refreshPicture(): Promise<DrawingChange[]>;
  close(): Promise<void>;
}

/** A client's marker or drawing on its way to the other clients (all instances). */
interface RelayPayload {
  xml: string;
  agency: TAgencyCode;
  classification: TClassification;
  /** `<instance>/<connection>`: not sent back to where it came from. */
  origin: string;
}

interface Batch {
  subject: CotSubject;
  reports: TTrackReport[];
}

function validAgency(value: string | null): TAgencyCode | null {
  const parsed = ZAgencyCode.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Starts the CoT listeners configured in `ctx.config`: the plain streaming port and the TLS port with client
 * certificates from the internal CA (created under the data dir's `pki/` on first start). Positions go to the
 * operational picture (`ingestReports`), emergencies become alerts; what the picture publishes on the bus goes out
 * to every connected client whose user may see it. Port 0 picks a free port (tests).
 */
export async function startCotServer(
  ctx: AppContext,
  options: {
    host?: string;
    picture?: PublisherTiming;
    /** How often every connected user's rights are read again (default 30 s); tests set it out of reach. */
    recheckUsersMs?: number;
  } = {},
): Promise<CotServer> {
  const { config } = ctx;
  const log = ctx.log.child({ module: 'cot' });
  const host = options.host ?? config.host;
  if (!isClassification(config.cotReportClassification)) {
    throw new Error(`ENLACE_COT_REPORT_CLASSIFICATION must be a classification, got "${config.cotReportClassification}"`);
  }
  const configuredClassification: TClassification = config.cotReportClassification;
  const anonymousAgency = validAgency(config.cotAnonymousAgency);
  if (config.cotAnonymous !== 'deny' && !anonymousAgency) {
    throw new Error('ENLACE_COT_ANONYMOUS needs ENLACE_COT_ANONYMOUS_AGENCY (an agency code such as PNP)');
  }
  const ca = await certificateAuthority(config);
  const caFingerprint = fingerprintOf(ca.caDer);
  const rt = copRuntime(ctx);
  const instanceId = randomUUID();

  const stats: CotStats = { connections: 0, rejectedHandshakes: 0, dropped: {}, events: 0, malformed: 0, reports: 0, reportsRejected: 0, alerts: 0, chat: 0, relayed: 0, ignored: 0 };
  const conns = new Set<CotConnection>();
  const certificateOf = new WeakMap<CotConnection, string>();
  const byUid = new Map<string, CotConnection>();
  let pending = new Map<string, Batch>();
  let pendingCount = 0;
  let batchTimer: NodeJS.Timeout | null = null;
  const inflight = new Set<Promise<void>>();
  let inflightRows = 0;
  const paused = new Set<CotConnection>();
  /** Bound connections that receive the picture (report-only clients are not in it: fan-out never visits them). */
  const receiving = new Set<CotConnection & { subject: CotSubject }>();
  /** Names of chat rooms, for GeoChat (rooms appear as TAK group chats of the same name). */
  const roomNames = new Map<string, string>();

  /** Chat messages, receipts and emergencies being stored (each logged if it fails). */
  const storing = new Set<Promise<unknown>>();
  const store = (work: Promise<unknown>, failure: (err: unknown) => void): void => {
    const p: Promise<unknown> = work.catch(failure).finally(() => storing.delete(p));
    storing.add(p);
  };

  const flushReports = (): Promise<void> => {
    if (batchTimer) clearTimeout(batchTimer);
    batchTimer = null;
    const batches = [...pending.values()];
    pending = new Map();
    pendingCount = 0;
    for (const b of batches) {
      // The callbacks below keep the count only: the reports themselves are let go once the track store has them,
      // not held until their commit.
      const rows = b.reports.length;
      inflightRows += rows;
      const p = ingestReports(ctx, b.subject, b.reports)
        .then((r) => {
          stats.reports += r.accepted;
          stats.reportsRejected += r.rejected.length;
        })
        .catch((err: unknown) => log.error({ err, reports: rows }, 'CoT reports not stored'))
        .finally(() => {
          inflight.delete(p);
          inflightRows -= rows;
          if (paused.size > 0 && pendingCount + inflightRows < PAUSE_ABOVE / 4) resumeAll();
        });
      inflight.add(p);
    }
    return Promise.all([...inflight, ...storing]).then(() => undefined);
  };


  const resumeAll = (): void => {
    for (const c of paused) if (!c.closed) c.socket.resume();
    paused.clear();
  };

  const queueReport = (conn: CotConnection, subject: CotSubject, report: TTrackReport): void => {
    const key = `${subject.kind}:${subject.userId}:${subject.agency}`;
    let batch = pending.get(key);
    if (!batch) {
      batch = { subject, reports: [] };
      pending.set(key, batch);
    }
    batch.reports.push(report);
    pendingCount++;
    if (pendingCount + inflightRows > PAUSE_ABOVE) {
      conn.socket.pause();
      paused.add(conn);
    }
    if (batch.reports.length >= BATCH_MAX) void flushReports();
    else batchTimer ??= setTimeout(() => void flushReports(), BATCH_MS);
  };

  const remember = (conn: CotConnection, uid: string): void => {
    if (conn.uids.has(uid) || conn.uids.size >= MAX_UIDS_PER_CONNECTION) return;
    conn.uids.add(uid);
    byUid.set(uid, conn);
  };

  const onEvent = (conn: CotConnection, event: CotEvent): void => {
    const subject = conn.subject;
    if (!subject) return;
    stats.events++;
    const classification = reportClassification(subject, configuredClassification);
    if (isTrackEvent(event)) {
      const report = trackReportFrom(event, subject, classification);
      if (!report) {
        stats.ignored++;
        return;
      }
      remember(conn, event.uid);
      if (conn.callsign === null && report.callsign) conn.callsign = report.callsign;
      queueReport(conn, subject, report);
      return;
    }
    if (isEmergency(event) || isEmergencyCancel(event)) {
      const alert = alertFrom(event, subject, classification);
      if (!alert) return;
      stats.alerts++;
      store(raiseAlert(ctx, alert), (err: unknown) => log.error({ err }, 'TAK emergency not raised'));
      return;
    }
    if ((event.type === CHAT_MESSAGE || event.type === CHAT_DELIVERED || event.type === CHAT_READ) && subject.kind === 'anonymous') {
      stats.ignored++; // chat needs a person: anonymous reporters cannot post
      return;
    }
    if (event.type === CHAT_MESSAGE) {
      stats.chat++;
      store(receiveChat(conn, subject, event), (err: unknown) => log.warn({ err: String(err) }, 'TAK chat message not taken'));
      return;
    }
    if (event.type === CHAT_DELIVERED || event.type === CHAT_READ) {
      const receipt = readChatReceipt(event);
      if (!receipt) return;
      stats.chat++;
      const input = { messageId: receipt.messageId.slice(0, 200), kind: receipt.kind, byUid: (receipt.fromUid || conn.callsign || subject.username).slice(0, 200) };
      store(recordReceipt(ctx, subject, input), (err: unknown) => log.warn({ err: String(err) }, 'TAK chat receipt not taken'));
      return;
    }
    if (RELAYED.test(event.type)) {
      remember(conn, event.uid);
      stats.relayed++;
      const payload: RelayPayload = { xml: serializeEvent(event), agency: subject.agency, classification, origin: `${instanceId}/${conn.id}` };
      void ctx.bus.publish(TAK_RELAY_SUBJECT, payload).catch((err: unknown) => log.warn({ err: String(err) }, 'CoT relay not published'));
      return;
    }
    stats.ignored++;
  };

  /**
   * A GeoChat message from a device: "All Chat Rooms" is Enlace's joint room, a room id Enlace sent is that room,
   * a device or Enlace user uid is a direct message to its user. Anything else (a TAK team chat) stays on the phones.
   */
  const receiveChat = async (conn: CotConnection, subject: CotSubject, event: CotEvent): Promise<void> => {
    const m = readChatMessage(event);
    if (!m || m.text.trim() === '') return;
    const target = m.chatroomId === ALL_CHAT_ROOMS ? { roomId: JOINT_ROOM_ID } : chatTarget(m.chatroomId);
    if (!target) {
      stats.ignored++;
      return;
    }
    if (m.senderUid) remember(conn, m.senderUid);
    await sendMessage(ctx, subject, {
      ...target,
      text: m.text.slice(0, 4000),
      classification: 'PUBLICO',
      clientMessageId: m.messageId.slice(0, 200),
      senderUid: (m.senderUid || [...conn.uids][0] || conn.id).slice(0, 200),
    });
  };

  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const chatTarget = (id: string): { roomId: string } | { toUserId: string } | null => {
    if (UUID.test(id)) return { roomId: id };
    const userId = id.startsWith('ENLACE-') ? id.slice(7) : byUid.get(id)?.subject?.userId;
    return userId && UUID.test(userId) && userId !== ANONYMOUS_USER_ID ? { toUserId: userId } : null;
  };

  const authenticate = async (auth: CotAuth, conn: CotConnection): Promise<CotSubject | null> => {
    const address = conn.socket.remoteAddress ?? 'unknown';
    const result = await login({ ctx, username: auth.username, password: auth.password, address: `cot:${address}` }).catch(() => null);
    if (!result) return null;
    const u = result.user;
    return cotSubject({ userId: u.id, username: u.username, displayName: u.displayName, role: u.role, agency: u.agency, clearance: u.clearance }, 'password');
  };

  /** Sends one drawing (or its removal) to a client. */
  const sendDrawing = (c: CotConnection, d: TCopDrawing, events = d.removed ? drawingUids(d).map((uid) => deleteToCot(uid)) : drawingToCot(d)): void => {
    const uids = drawingUids(d);
    events.forEach((ev, i) => c.sendState(uids[i] ?? d.uid, new SharedEvent(ev)));
  };

  /** Sends a newly bound client the current picture it may see. */
  const sendSnapshot = (conn: CotConnection): void => {
    const subject = conn.subject;
    if (!subject?.receives) return;
    const now = Date.now();
    for (const t of rt.tracks.values()) {
      if (Date.parse(t.stale) < now || conn.uids.has(t.uid) || !subject.labels.tracks.has(t)) continue;
      conn.sendState(t.uid, new SharedEvent(trackToCot(t, trackVideoUrl(t, videos))));
    }
    for (const d of publisher.current()) if (mayReceiveDrawing(subject, d)) sendDrawing(conn, d);
  };

  const videos = droneVideos(ctx);
  /** Units, incidents, legal and task areas, to every client that may see each (checked per item and client). */
  const publishDrawings = (changes: readonly DrawingChange[]): void => {
    for (const { drawing: d, previous } of changes) {
      const events = d.removed ? drawingUids(d).map((uid) => deleteToCot(uid)) : drawingToCot(d);
      const removal = previous ? { ...previous, removed: true } : null;
      for (const c of receiving) {
        if (mayReceiveDrawing(c.subject, d)) sendDrawing(c, d, events);
        else if (removal && !d.removed && mayReceiveDrawing(c.subject, previous!)) sendDrawing(c, removal); // no longer for it
      }
    }
  };
  const publisher = new DrawingPublisher(
    () => loadPictureDrawings(ctx),
    publishDrawings,
    (err: unknown) => log.warn({ err: String(err) }, 'picture drawings not refreshed'),
  );
  publisher.start(options.picture);

  const host_: ConnectionHost = {
    maxEventBytes: config.cotMaxEventBytes,
    requireAuth: config.cotRequireAuth,
    authenticate,
    anonymous: () =>
      config.cotAnonymous === 'deny' || !anonymousAgency ? null : anonymousSubject(anonymousAgency, config.cotAnonymous === 'public'),
    onEvent,
    onBound: (conn) => {
      if (conn.subject?.receives) receiving.add(conn as CotConnection & { subject: CotSubject });
      log.info({ conn: conn.id, transport: conn.transport, user: conn.subject?.username, remote: conn.remote }, 'TAK client connected');
      void Promise.all([rt.loaded(), publisher.loaded().catch((err: unknown) => log.warn({ err: String(err) }, 'picture drawings not read'))]).then(
        () => sendSnapshot(conn),
        (err: unknown) => log.error({ err }, 'snapshot for TAK client failed'),
      );
      if (conn.subject?.receives && authorize(conn.subject, 'geofence:read').allow) {
        const subject = conn.subject;
        listGeofences(ctx, subject).then(
          (fences) => fences.filter((g) => g.active).forEach((g) => sendDrawing(conn, geofenceDrawing(g))),
          (err: unknown) => log.warn({ err: String(err) }, 'geofences of TAK client not listed'),
        );
      }
      if (conn.subject?.receives) {
        listRooms(ctx, conn.subject).then(
          (rooms) => rooms.forEach((r) => roomNames.set(r.id, r.name)),
          (err: unknown) => log.warn({ err: String(err) }, 'chat rooms of TAK client not listed'),
        );
      }
    },
    onClose: (conn, reason) => {
      conns.delete(conn);
      receiving.delete(conn as CotConnection & { subject: CotSubject });
      paused.delete(conn);
      for (const uid of conn.uids) if (byUid.get(uid) === conn) byUid.delete(uid);
      stats.dropped[reason] = (stats.dropped[reason] ?? 0) + 1;
      log.info({ conn: conn.id, reason, received: conn.received, sent: conn.sent, dropped: conn.queue.dropped }, 'TAK client disconnected');
    },
  };

  const accept = (socket: net.Socket, transport: 'tcp' | 'tls'): CotConnection => {
    stats.connections++;
    const conn = new CotConnection(socket, transport, host_);
    conns.add(conn);
    socket.setTimeout(10 * 60_000, () => conn.close('idle'));
    // A client that has not said who it is (or sent a position under the anonymous policy) in 30 s is dropped.
    setTimeout(() => {
      if (!conn.subject) conn.close('no authentication within 30 s');
    }, 30_000).unref();
    return conn;
  };

  // Plain TCP.
  let tcpServer: net.Server | null = null;
  if (config.cotPort !== null) {
    const server = net.createServer((socket) => accept(socket, 'tcp'));
    server.maxConnections = 20_000;
    await listen(server, config.cotPort, host);
    tcpServer = server;
  }

  // TLS with client certificates.
  let crlPem = await buildCrl(ca, await listRevoked(ctx.db, caFingerprint));
  const secureContext = (): tls.SecureContextOptions => ({
    key: ca.serverKeyPem,
    cert: ca.serverCertPem,
    ca: [ca.caPem],
    crl: [crlPem],
    minVersion: 'TLSv1.2',
  });
  let tlsServer: tls.Server | null = null;
  if (config.cotTlsPort !== null) {
    const server = tls.createServer({ ...secureContext(), requestCert: true, rejectUnauthorized: true, handshakeTimeout: 15_000 }, (socket) => {
      socket.pause();
      const conn = accept(socket, 'tls');
      const raw = socket.getPeerCertificate(false).raw as Buffer | undefined;
      const fingerprint = raw ? fingerprintOf(new Uint8Array(raw)) : '';
      findHolderByFingerprint(ctx.db, fingerprint).then(
        (holder) => {
          if (conn.closed) return;
          if (!holder?.active) {
            conn.close(holder ? 'user deactivated' : 'certificate unknown or revoked');
            return;
          }
          certificateOf.set(conn, holder.certificateId);
          conn.callsign = holder.callsign;
          conn.bind(cotSubject(holder, 'certificate'));
          socket.resume();
        },
        (err: unknown) => {
          log.error({ err }, 'certificate lookup failed');
          conn.close('certificate lookup failed');
        },
      );
    });
    server.on('tlsClientError', () => {
      stats.rejectedHandshakes++;
    });
    server.maxConnections = 20_000;
    await listen(server, config.cotTlsPort, host);
    tlsServer = server;
  }

  const refreshRevocations = async (): Promise<void> => {
    crlPem = await buildCrl(ca, await listRevoked(ctx.db, caFingerprint));
    tlsServer?.setSecureContext(secureContext());
    const checks = [...conns].filter((c) => c.transport === 'tls' && c.subject).map(async (c) => {
      const raw = (c.socket as tls.TLSSocket).getPeerCertificate(false).raw as Buffer | undefined;
      const holder = raw ? await findHolderByFingerprint(ctx.db, fingerprintOf(new Uint8Array(raw))) : null;
      if (!holder?.active) c.close('certificate revoked');
    });
    await Promise.all(checks);
  };

  // Outgoing: what the operational picture publishes goes to every client that may see it.
  const receivers = (): Iterable<CotConnection & { subject: CotSubject }> => receiving;
  /** Recent chat messages by Enlace id: who sent them from which device, to route receipts back. */
  const sentMessages = new Map<string, { messageId: string; senderUid: string; senderCallsign: string }>();
  const rememberMessage = (id: string, m: { messageId: string; senderUid: string; senderCallsign: string }): void => {
    sentMessages.set(id, m);
    if (sentMessages.size > 20_000) {
      const oldest = sentMessages.keys().next();
      if (!oldest.done) sentMessages.delete(oldest.value);
    }
  };
  const roomName = (id: string): string => roomNames.get(id) ?? 'Enlace';
  const unsubscribe: (() => void)[] = [];
  unsubscribe.push(
    ctx.bus.subscribe(COP_SUBJECTS.track, (e) => {
      const data = e.data as TTrackBusEvent;
      for (const t of data.tracks) {
        let shared: SharedEvent | undefined;
        for (const c of receivers()) {
          if (c.uids.has(t.uid) || !c.subject.labels.tracks.has(t)) continue;
          shared ??= new SharedEvent(trackToCot(t, trackVideoUrl(t, videos)));
          c.sendState(t.uid, shared);
        }
      }
      for (const r of data.removed) {
        const shared = new SharedEvent(deleteToCot(r.uid));
        for (const c of receivers()) if (c.subject.labels.tracks.has(r)) c.sendState(r.uid, shared);
      }
    }),
    ctx.bus.subscribe(COP_SUBJECTS.alert, (e) => {
      const alert = (e.data as { alert?: TAlert }).alert;
      if (!alert) return;
      const event = alertToCot(alert);
      if (!event) return;
      const shared = new SharedEvent(event);
      for (const c of receivers()) {
        if (alert.trackUid && c.uids.has(alert.trackUid)) continue; // the device that raised it knows
        if (c.subject.labels.alerts.hasAny([alert.agency, ...alert.audience], alert.classification)) c.sendMessage(shared);
      }
    }),
    ctx.bus.subscribe(COP_SUBJECTS.chat, (e) => {
      const { message, room } = e.data as ChatBusEvent;
      if (!message || !room) return;
      rememberMessage(message.id, {
        messageId: message.clientMessageId ?? message.id,
        senderUid: message.senderUid ?? enlaceChatUid(message.senderId),
        senderCallsign: message.senderName,
      });
      const roomRef = room.id === JOINT_ROOM_ID ? undefined : { id: room.id, name: room.kind === 'direct' ? message.senderName : roomName(room.id) };
      let shared: SharedEvent | undefined;
      for (const c of receivers()) {
        if (message.senderUid && c.uids.has(message.senderUid)) continue;
        if (!canReadChat(c.subject, room, message.classification)) continue;
        if (room.kind === 'direct') {
          const toUid = [...c.uids][0] ?? enlaceChatUid(c.subject.userId);
          c.sendMessage(new SharedEvent(chatToCot(message, undefined, toUid)));
        } else {
          shared ??= new SharedEvent(chatToCot(message, roomRef));
          c.sendMessage(shared);
        }
      }
    }),
    ctx.bus.subscribe(COP_SUBJECTS.receipt, (e) => {
      const { receipt, room } = e.data as ReceiptBusEvent;
      if (!receipt || !room) return;
      const original = sentMessages.get(receipt.messageId);
      if (!original) return;
      const conn = byUid.get(original.senderUid);
      if (!conn?.subject?.receives || conn.uids.has(receipt.by) || !canReadChat(conn.subject, room, receipt.classification)) return;
      conn.sendMessage(new SharedEvent(receiptToCot(receipt, original)));
    }),
    ctx.bus.subscribe(COP_SUBJECTS.drawing, (e) => {
      const parsed = ZCopDrawingBusEvent.safeParse(e.data);
      if (!parsed.success) {
        log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'cop.drawing payload not understood');
        return;
      }
      for (const d of parsed.data.drawings) {
        const events = d.removed ? drawingUids(d).map((uid) => deleteToCot(uid)) : drawingToCot(d);
        for (const c of receivers()) if (mayReceiveDrawing(c.subject, d)) sendDrawing(c, d, events);
      }
    }),
    ctx.bus.subscribe(COP_SUBJECTS.geofence, (e) => {
      const id = (e.data as { id?: unknown }).id;
      if (typeof id !== 'string') return;
      // Each client sees the geofence only if its user may read it (asked per user, once).
      const seen = new Map<string, Promise<TCopDrawing | null>>();
      for (const c of receivers()) {
        const s = c.subject;
        if (!authorize(s, 'geofence:read').allow) continue;
        const key = `${s.userId}:${s.agency}:${s.role}:${s.clearance}`;
        let drawing = seen.get(key);
        if (!drawing) {
          drawing = getGeofence(ctx, s, id).then(geofenceDrawing, () => null);
          seen.set(key, drawing);
        }
        void drawing.then((d) => {
          if (d && !c.closed) sendDrawing(c, d);
        });
      }
    }),
    ctx.bus.subscribe(TAK_RELAY_SUBJECT, (e) => {
      const p = e.data as RelayPayload;
      const parsed = typeof p?.xml === 'string' && p.xml.length <= config.cotMaxEventBytes ? parseEvent(p.xml) : null;
      if (!parsed?.ok) return;
      const shared = new SharedEvent(parsed.event);
      const label = { agency: p.agency, classification: p.classification };
      for (const c of receivers()) {
        if (`${instanceId}/${c.id}` === p.origin || !c.subject.labels.tracks.has(label)) continue;
        c.sendState(parsed.event.uid, shared);
      }
    }),
    // A user deactivated or given a new role, agency or clearance, on any instance: their connections are checked now.
    ctx.bus.subscribe(SESSIONS_ENDED, (e) => {
      const userIds = (e.data as SessionsEnded).userIds;
      if (!Array.isArray(userIds) || userIds.length === 0) return;
      recheckUsers(userIds).catch((err: unknown) => log.warn({ err: String(err) }, 'TAK user recheck failed'));
    }),
    ctx.bus.subscribe(TAK_REVOKED_SUBJECT, () => {
      refreshRevocations().catch((err: unknown) => log.error({ err }, 'CRL refresh failed'));
    }),
    // A stored evaluation or a revoked instrument may add, change or withdraw a lawful task area: read the picture
    // again now (the lawful areas first, whichever subscriber the bus calls first).
    ctx.bus.subscribe(LAWFUL_AREAS_CHANGED_SUBJECT, () => {
      rt.refreshLawfulAreas();
      publisher.refresh().catch((err: unknown) => log.warn({ err: String(err) }, 'picture drawings not refreshed'));
    }),
  );

  /** Users deactivated, or whose role, agency or clearance changed, lose their TAK connections (they reconnect). */
  const recheckUsers = async (userIds?: readonly string[]): Promise<void> => {
    const only = userIds ? new Set(userIds) : null;
    const bound = [...conns].filter((c) => c.subject && c.subject.kind !== 'anonymous' && (!only || only.has(c.subject.userId)));
    if (bound.length === 0) return;
    const rights = await findUserRights(ctx.db, [...new Set(bound.map((c) => c.subject!.userId))]);
    for (const c of bound) {
      const s = c.subject!;
      const now = rights.get(s.userId);
      if (!now?.active) c.close('user deactivated');
      else if (now.role !== s.role || now.agency !== s.agency || now.clearance !== s.clearance) c.close('user rights changed');
    }
  };
  let rechecking = false;
  const recheckTimer = setInterval(() => {
    if (rechecking) return;
    rechecking = true;
    recheckUsers()
      .catch((err: unknown) => log.warn({ err: String(err) }, 'TAK user recheck failed'))
      .finally(() => (rechecking = false));
  }, options.recheckUsersMs ?? RECHECK_MS);
  recheckTimer.unref();
  // The CRL is valid a year; renew it daily so a long-running server never serves an expired one.
  const crlTimer = setInterval(() => {
    refreshRevocations().catch((err: unknown) => log.error({ err }, 'CRL renewal failed'));
  }, 24 * 3600_000);
  crlTimer.unref();

  const address = (server: net.Server | null): number | null => {
    const a = server?.address();
    return a && typeof a === 'object' ? a.port : null;
  };
  const tcpPort = address(tcpServer);
  const tlsPort = address(tlsServer);
  log.info({ tcpPort, tlsPort, ca: ca.caName }, 'CoT server listening');

  let closing: Promise<void> | null = null;
  const server: CotServer = {
    tcpPort,
    tlsPort,
    ca,
    stats,
    connections: () =>
      [...conns].map((c) => ({
        id: c.id,
        transport: c.transport,
        remote: c.remote,
        username: c.subject?.username ?? null,
        agency: c.subject?.agency ?? null,
        uids: [...c.uids],
        protocol: c.protocol,
        connectedAt: c.connectedAt.toISOString(),
        received: c.received,
        sent: c.sent,
        dropped: c.queue.dropped,
      })),
    backlog: () => ({ pending: pendingCount, inflight: inflightRows, paused: paused.size }),
    refreshRevocations,
    flushReports,
    recheckUsers,
    refreshPicture: () => publisher.refresh(),
    close() {
      closing ??= (async () => {
        clearInterval(recheckTimer);
        publisher.stop();
        clearInterval(crlTimer);
        for (const u of unsubscribe) u();
        const servers = [tcpServer, tlsServer].filter((s): s is net.Server => s !== null);
        const closed = servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
        for (const c of [...conns]) c.close('server stopping');
        await Promise.all(closed);
        await flushReports();
        if (running.get(ctx.bus) === server) running.delete(ctx.bus);
      })();
      return closing;
    },
  };
  if (!running.has(ctx.bus)) running.set(ctx.bus, server);
  return server;
}

const running = new WeakMap<object, CotServer>();

/** The CoT server of the instance `ctx` belongs to, if it was started. */
export function runningCotServer(ctx: Pick<AppContext, 'bus'>): CotServer | undefined {
  return running.get(ctx.bus);
}

function listen(server: net.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: 4096 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** SHA-256 of a PEM certificate's DER, for logs and tests. */
export function pemFingerprint(pem: string): string {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex');
}
