import { z } from 'zod';
import { ZAgencyCode, ZClassification, ZForce } from './enums.ts';
import { ZAreaGeoJson } from './geography.ts';

/**
 * The common operational picture: tracks (live positions), geofences, alerts and chat, shared by the PNP and
 * FF.AA. command posts, patrols with phones (Enlace's API or TAK over Cursor on Target) and the web map.
 * Times are ISO-8601 strings with an offset; positions WGS84 degrees; distances metres; speed m/s.
 */

const ZLon = z.number().min(-180).max(180);
const ZLat = z.number().min(-90).max(90);
const ZIsoTime = z.iso.datetime({ offset: true });

/** Where a report came in. */
export const TRACK_SOURCES = ['api', 'ws', 'cot', 'sim'] as const;
export const ZTrackSource = z.enum(TRACK_SOURCES);
export type TTrackSource = z.infer<typeof ZTrackSource>;

/** A track uid: what identifies the thing (`ANDROID-1234`, a unit id, a drone serial). */
export const ZTrackUid = z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');
/** A CoT type (`a-f-G-U-C`, `a-h-G`, `a-f-A-M-F-Q`). */
export const ZCotType = z.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/, 'a CoT type such as a-f-G-U-C');

/**
 * One position report, as every source hands it to `ingestReports` (modules/cop/ingest-reports.ts).
 * `detail` keeps the raw XML of `<detail>` children Enlace does not understand, so a TAK relay loses nothing.
 */
export const ZTrackReport = z
  .object({
    uid: ZTrackUid,
    callsign: z.string().trim().min(1).max(120).optional(),
    type: ZCotType,
    lat: ZLat,
    lon: ZLon,
    /** Metres above the WGS84 ellipsoid. */
    hae: z.number().min(-20_000).max(1_000_000).optional(),
    /** Circular (horizontal) error, metres. */
    ce: z.number().min(0).max(10_000_000).optional(),
    /** Linear (vertical) error, metres. */
    le: z.number().min(0).max(10_000_000).optional(),
    /** Degrees from true north. */
    course: z.number().min(0).max(360).optional(),
    /** Metres per second. */
    speed: z.number().min(0).max(2_000).optional(),
    /** Percent. */
    battery: z.number().min(0).max(100).optional(),
    /** Free status of the unit or person (`patrullando`, `en_incidente`); the web maps it to base types. */
    status: z.string().trim().min(1).max(60).optional(),
    /** When the position was taken. */
    time: ZIsoTime,
    /** When the report expires (default: time + ENLACE_TRACK_DEFAULT_STALE_SECONDS). */
    stale: ZIsoTime.optional(),
    /** CoT `how` (`m-g` machine GPS, `h-e` human entered). */
    how: z.string().max(20).optional(),
    source: ZTrackSource,
    unitId: z.uuid().optional(),
    force: ZForce.optional(),
    agency: ZAgencyCode,
    classification: ZClassification,
    /** Raw XML of `<detail>` children not understood, kept for relay (at most 16 KiB). */
    detail: z.string().max(16_384).optional(),
  })
  .strict();
export type TTrackReport = z.infer<typeof ZTrackReport>;

/**
 * A report as a client posts it (`POST /api/v1/positions`, device WebSocket `report`): the server sets the
 * source; agency defaults to the caller's and classification to CONFIDENCIAL.
 */
export const ZPositionReport = ZTrackReport.omit({ source: true, agency: true, classification: true })
  .extend({ agency: ZAgencyCode.optional(), classification: ZClassification.default('CONFIDENCIAL') })
  .strict();
export type TPositionReport = z.infer<typeof ZPositionReport>;

/** `POST /api/v1/positions`: up to 1,000 reports; a report already stored (same uid and time) is not stored twice. */
export const ZPositionBatch = z.object({ reports: z.array(ZPositionReport).min(1).max(1000) }).strict();
export type TPositionBatch = z.infer<typeof ZPositionBatch>;

/** Why a report of a batch was not taken. */
export const REPORT_REJECTIONS = ['duplicate', 'older', 'forbidden', 'invalid'] as const;
export const ZReportRejection = z.enum(REPORT_REJECTIONS);

export const ZPositionBatchResult = z.object({
  /** Reports that changed the picture or were added to history. */
  accepted: z.number().int(),
  /** Reports already stored (same uid and time): a retry is harmless. */
  duplicates: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), uid: z.string(), reason: ZReportRejection })),
});
export type TPositionBatchResult = z.infer<typeof ZPositionBatchResult>;

/** The current state of a track: what `GET /api/v1/tracks` lists and the live WebSocket sends. */
export const ZTrack = z.object({
  uid: z.string(),
  callsign: z.string(),
  type: z.string(),
  lat: z.number(),
  lon: z.number(),
  hae: z.number().nullable(),
  ce: z.number().nullable(),
  le: z.number().nullable(),
  course: z.number().nullable(),
  speed: z.number().nullable(),
  battery: z.number().nullable(),
  status: z.string().nullable(),
  time: z.string(),
  stale: z.string(),
  how: z.string().nullable(),
  source: ZTrackSource,
  force: ZForce.nullable(),
  unitId: z.uuid().nullable(),
  agency: ZAgencyCode,
  classification: ZClassification,
  /** When the server accepted the report (ISO). */
  receivedAt: z.string(),
  /** Raw unknown `<detail>` XML; sent on the bus for TAK relay, left out of API listings. */
  detail: z.string().optional(),
  /**
   * A drone's video link (http, https, rtsp, rtmp or srt): the CoT `<__video url>` the device sent, or the video link
   * of the drone's equipment record (serial = uid) when whoever may see the track may also see that record.
   */
  videoUrl: z.string().max(2000).optional(),
});
export type TTrack = z.infer<typeof ZTrack>;

const ZCsvForces = z
  .string()
  .regex(/^[A-Z]+(,[A-Z]+)*$/)
  .transform((s) => s.split(','))
  .pipe(z.array(ZForce));

/** `GET /api/v1/tracks`: filter by box `minLon,minLat,maxLon,maxLat`, force list and freshness. */
export const ZTrackListQuery = z
  .object({
    bbox: z
      .string()
      .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'minLon,minLat,maxLon,maxLat')
      .optional(),
    force: ZCsvForces.optional(),
    /** Only tracks reported within this many seconds. */
    maxAgeSeconds: z.coerce.number().int().min(1).max(30 * 24 * 3600).optional(),
    /** Leave out tracks past their stale time. */
    excludeStale: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(50_000).default(10_000),
  })
  .strict();
export type TTrackListQuery = z.infer<typeof ZTrackListQuery>;

export const ZTrackList = z.object({ items: z.array(ZTrack), total: z.number().int(), truncated: z.boolean() });
export type TTrackList = z.infer<typeof ZTrackList>;

export const ZTrackUidParams = z.object({ uid: ZTrackUid }).strict();

export const ZTrackHistoryQuery = z
  .object({
    from: ZIsoTime.optional(),
    to: ZIsoTime.optional(),
    limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
  })
  .strict();

/** One stored position of a track's history (replay timeline). */
export const ZTrackPoint = z.object({
  time: z.string(),
  lat: z.number(),
  lon: z.number(),
  hae: z.number().nullable(),
  course: z.number().nullable(),
  speed: z.number().nullable(),
  status: z.string().nullable(),
});
export type TTrackPoint = z.infer<typeof ZTrackPoint>;
export const ZTrackHistory = z.object({ uid: z.string(), points: z.array(ZTrackPoint), truncated: z.boolean() });
export type TTrackHistory = z.infer<typeof ZTrackHistory>;

/** Longest window `GET /api/v1/tracks/history` answers. */
export const TRACKS_HISTORY_MAX_HOURS = 24;

/**
 * `GET /api/v1/tracks/history`: every readable position of every track in a window (at most
 * TRACKS_HISTORY_MAX_HOURS; default the last 3 hours) and optionally a box, oldest first, at most `limit` positions.
 */
export const ZTracksHistoryQuery = z
  .object({
    since: ZIsoTime.optional(),
    until: ZIsoTime.optional(),
    bbox: z
      .string()
      .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'minLon,minLat,maxLon,maxLat')
      .optional(),
    force: ZCsvForces.optional(),
    limit: z.coerce.number().int().min(1).max(200_000).default(50_000),
  })
  .strict();
export type TTracksHistoryQuery = z.infer<typeof ZTracksHistoryQuery>;

/** One track's positions in the window; callsign, type and force from its current state when the reader may see it. */
export const ZTrackHistorySeries = z.object({
  uid: z.string(),
  callsign: z.string(),
  type: z.string(),
  force: ZForce.nullable(),
  source: ZTrackSource.nullable(),
  points: z.array(ZTrackPoint),
});
export type TTrackHistorySeries = z.infer<typeof ZTrackHistorySeries>;
export const ZTracksHistory = z.object({
  since: z.string(),
  until: z.string(),
  tracks: z.array(ZTrackHistorySeries),
  /** Positions returned; when `truncated`, the window held more than `limit` and the latest were left out. */
  points: z.number().int(),
  truncated: z.boolean(),
});
export type TTracksHistory = z.infer<typeof ZTracksHistory>;

// ---------------------------------------------------------------------------------------------------------------
// Geofences

/** When a geofence raises an alert: a track leaving it (lawful area), entering it (restricted area), or both. */
export const GEOFENCE_TRIGGERS = ['exit', 'enter', 'both'] as const;
export const ZGeofenceTrigger = z.enum(GEOFENCE_TRIGGERS);

export const ZGeofence = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  geometry: ZAreaGeoJson,
  trigger: ZGeofenceTrigger,
  /** Tracks it watches: of these forces (empty: every force)... */
  forces: z.array(ZForce),
  /** ...or of these units (empty: any unit). */
  unitIds: z.array(z.uuid()),
  /** The legal instrument (DS, RS...) whose area this is: leaving it means acting outside the legal basis. */
  instrumentId: z.string().nullable(),
  active: z.boolean(),
  agency: ZAgencyCode,
  classification: ZClassification,
  exercise: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TGeofence = z.infer<typeof ZGeofence>;

export const ZGeofenceCreate = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).nullable().optional(),
    /** The area; may be left out when `instrumentId` is given (the instrument's area is used). */
    geometry: ZAreaGeoJson.optional(),
    /** Take the area of this legal instrument (its UBIGEOs and polygons) and cite it in alerts. */
    instrumentId: z.string().min(1).max(128).optional(),
    trigger: ZGeofenceTrigger.default('exit'),
    forces: z.array(ZForce).max(5).default([]),
    unitIds: z.array(z.uuid()).max(500).default([]),
    active: z.boolean().default(true),
    agency: ZAgencyCode.optional(),
    classification: ZClassification.default('CONFIDENCIAL'),
    exercise: z.boolean().default(false),
  })
  .strict();
export type TGeofenceCreate = z.infer<typeof ZGeofenceCreate>;
export const ZGeofenceUpdate = ZGeofenceCreate.omit({ instrumentId: true }).partial().strict();
export type TGeofenceUpdate = z.infer<typeof ZGeofenceUpdate>;

// ---------------------------------------------------------------------------------------------------------------
// Alerts

/**
 * - `area_exit`: a military unit left the area in which it is lawfully tasked (or a geofence watching it);
 * - `area_enter`: a track entered a geofence that raises on entry;
 * - `stale`: a track stopped reporting (past its stale time);
 * - `emergency`: a TAK emergency (`b-a-o-tbl`, 911) or an API panic button;
 * - `emergency_cancel`: the device cancelled its emergency (`b-a-o-can`).
 */
export const ALERT_KINDS = ['area_exit', 'area_enter', 'stale', 'emergency', 'emergency_cancel'] as const;
export const ZAlertKind = z.enum(ALERT_KINDS);
export type TAlertKind = z.infer<typeof ZAlertKind>;

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export const ZAlertSeverity = z.enum(ALERT_SEVERITIES);

export const ALERT_STATES = ['open', 'acknowledged', 'closed'] as const;
export const ZAlertState = z.enum(ALERT_STATES);

export const ZAlert = z.object({
  id: z.uuid(),
  kind: ZAlertKind,
  severity: ZAlertSeverity,
  state: ZAlertState,
  trackUid: z.string().nullable(),
  callsign: z.string().nullable(),
  unitId: z.uuid().nullable(),
  force: ZForce.nullable(),
  geofenceId: z.uuid().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  /** Human text in Spanish and English (with the legal reference when a lawful area was left). */
  message: z.object({ es: z.string(), en: z.string() }),
  /** The command posts it is raised to: the owner's agency plus PNP and CCFFAA. Each may read and acknowledge it. */
  audience: z.array(ZAgencyCode),
  raisedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgementNote: z.string().nullable(),
  agency: ZAgencyCode,
  classification: ZClassification,
  exercise: z.boolean(),
});
export type TAlert = z.infer<typeof ZAlert>;

/** What `raiseAlert(ctx, alert)` takes (modules/cop/raise-alert.ts). `dedupeKey` keeps one open alert per cause. */
export const ZAlertRaise = z
  .object({
    kind: ZAlertKind,
    severity: ZAlertSeverity.optional(),
    trackUid: z.string().max(200).optional(),
    callsign: z.string().max(120).optional(),
    unitId: z.uuid().optional(),
    force: ZForce.optional(),
    geofenceId: z.uuid().optional(),
    lat: ZLat.optional(),
    lon: ZLon.optional(),
    message: z.object({ es: z.string().max(2000), en: z.string().max(2000) }),
    audience: z.array(ZAgencyCode).optional(),
    agency: ZAgencyCode,
    classification: ZClassification,
    exercise: z.boolean().default(false),
    /** An open alert with the same key is not raised again (e.g. `stale:ANDROID-1`). */
    dedupeKey: z.string().max(300).optional(),
  })
  .strict();
export type TAlertRaise = z.input<typeof ZAlertRaise>;

export const ZAlertListQuery = z
  .object({
    state: ZAlertState.optional(),
    kind: ZAlertKind.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const ZAlertAcknowledge = z.object({ note: z.string().trim().max(2000).optional() }).strict();
export type TAlertAcknowledge = z.infer<typeof ZAlertAcknowledge>;

/** `POST /api/v1/alerts/emergency`: a patrol's panic button from the API (TAK phones send `b-a-o-tbl`). */
export const ZEmergencyCreate = z
  .object({
    trackUid: ZTrackUid,
    cancel: z.boolean().default(false),
    text: z.string().trim().max(500).optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------------
// Messaging

export const CHAT_ROOM_KINDS = ['room', 'direct'] as const;
export const ZChatRoomKind = z.enum(CHAT_ROOM_KINDS);

/**
 * A chat room shared by the command posts and patrols of the agencies listed in `agencies` (a joint room lists
 * both forces), or a direct conversation between two users. Messages are readable by members up to their clearance.
 */
export const ZChatRoom = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: ZChatRoomKind,
  agencies: z.array(ZAgencyCode),
  /** The two users of a direct conversation; empty for rooms. */
  members: z.array(z.uuid()),
  /** Highest classification allowed in the room. */
  classification: ZClassification,
  agency: ZAgencyCode,
  exercise: z.boolean(),
  createdAt: z.string(),
});
export type TChatRoom = z.infer<typeof ZChatRoom>;

export const ZChatRoomCreate = z
  .object({
    name: z.string().trim().min(1).max(120),
    agencies: z.array(ZAgencyCode).min(1).max(9),
    classification: ZClassification.default('CONFIDENCIAL'),
    exercise: z.boolean().default(false),
  })
  .strict();
export type TChatRoomCreate = z.infer<typeof ZChatRoomCreate>;

export const ZChatMessage = z.object({
  id: z.uuid(),
  roomId: z.uuid(),
  senderId: z.uuid().nullable(),
  senderName: z.string(),
  /** The sender's TAK uid when sent from a TAK client. */
  senderUid: z.string().nullable(),
  text: z.string(),
  /** The client's own message id (GeoChat messageId), for receipts and idempotent retries. */
  clientMessageId: z.string().nullable(),
  source: z.enum(['api', 'cot']),
  sentAt: z.string(),
  agency: ZAgencyCode,
  classification: ZClassification,
  /** Receipts so far, one per reader and kind. */
  receipts: z.array(
    z.object({ kind: z.enum(['delivered', 'read']), by: z.string(), byName: z.string(), at: z.string() }),
  ),
});
export type TChatMessage = z.infer<typeof ZChatMessage>;

/** What `sendMessage(ctx, actor, message)` and `POST /api/v1/chat/messages` take: a room, or a user for a direct message. */
export const ZChatSend = z
  .object({
    roomId: z.uuid().optional(),
    toUserId: z.uuid().optional(),
    text: z.string().trim().min(1).max(4000),
    classification: ZClassification.default('PUBLICO'),
    clientMessageId: z.string().min(1).max(200).optional(),
    /** Set by the CoT gateway: the sending device's uid. */
    senderUid: z.string().max(200).optional(),
  })
  .strict()
  .refine((m) => (m.roomId === undefined) !== (m.toUserId === undefined), { message: 'exactly one of roomId or toUserId' });
export type TChatSend = z.input<typeof ZChatSend>;

export const ZChatReceipt = z.object({
  messageId: z.uuid(),
  roomId: z.uuid(),
  kind: z.enum(['delivered', 'read']),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
  agency: ZAgencyCode,
  classification: ZClassification,
});
export type TChatReceipt = z.infer<typeof ZChatReceipt>;

/** What `recordReceipt(ctx, actor, receipt)` and `POST /api/v1/chat/receipts` take. */
export const ZChatReceiptCreate = z
  .object({
    /** The Enlace message id, or the client's message id (GeoChat messageId). */
    messageId: z.string().min(1).max(200),
    kind: z.enum(['delivered', 'read']),
    /** Set by the CoT gateway: the reading device's uid. */
    byUid: z.string().max(200).optional(),
  })
  .strict();
export type TChatReceiptCreate = z.infer<typeof ZChatReceiptCreate>;

export const ZChatMessageListQuery = z
  .object({
    before: ZIsoTime.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------------
// Live WebSocket (`/api/v1/live`)

/** Kinds of live messages a browser can subscribe to. */
export const LIVE_KINDS = ['tracks', 'alerts', 'chat', 'areas'] as const;
export const ZLiveKind = z.enum(LIVE_KINDS);
export type TLiveKind = z.infer<typeof ZLiveKind>;

/**
 * Map layers of areas an `areas` message may name: the legal bases in force (`GET /legal-areas`), the lawful task
 * areas (`GET /task-areas`) and the drawn geofences (`GET /geofences`).
 */
export const LIVE_AREA_LAYERS = ['legal', 'tasks', 'geofences'] as const;
export type TLiveAreaLayer = (typeof LIVE_AREA_LAYERS)[number];

const ZBbox = z.tuple([ZLon, ZLat, ZLon, ZLat]);

/** From the browser (or a field device on the same socket). */
export const ZLiveClientMessage = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('subscribe'),
      /** `[minLon, minLat, maxLon, maxLat]`. */
      bbox: ZBbox.optional(),
      forces: z.array(ZForce).max(5).optional(),
      kinds: z.array(ZLiveKind).max(LIVE_KINDS.length).optional(),
      /** Only tracks reported within this many seconds. */
      maxAgeSeconds: z.number().int().min(1).max(30 * 24 * 3600).optional(),
    })
    .strict(),
  z.object({ type: z.literal('report'), reports: z.array(ZPositionReport).min(1).max(1000) }).strict(),
  z.object({ type: z.literal('ping') }).strict(),
]);
export type TLiveClientMessage = z.infer<typeof ZLiveClientMessage>;

/** To the browser. */
export type TLiveServerMessage =
  | { type: 'snapshot'; tracks: TTrack[] }
  | { type: 'tracks'; tracks: TTrack[]; removed: string[] }
  | { type: 'alert'; alert: TAlert }
  | { type: 'chat'; message: TChatMessage }
  | { type: 'receipt'; receipt: TChatReceipt }
  /**
   * Areas of these layers changed (an instrument registered, changed or revoked; a tasking evaluation stored; a
   * geofence saved): the page reads them again through their routes, which apply the reader's permissions. The
   * message carries no area, so it cannot show what the reader may not see.
   */
  | { type: 'areas'; layers: TLiveAreaLayer[] }
  | { type: 'reported'; result: TPositionBatchResult }
  | { type: 'pong' }
  | { type: 'error'; code: string; message: string };

/** Subjects on the event bus. */
export const COP_SUBJECTS = {
  track: 'cop.track',
  alert: 'cop.alert',
  chat: 'cop.chat',
  receipt: 'cop.receipt',
  drawing: 'cop.drawing',
  /** A geofence was created, changed or deleted (instances reload their watch list). */
  geofence: 'cop.geofence',
} as const;

/** Payload of `cop.track`: tracks changed by one accepted batch, and tracks removed (CoT `t-x-d-d`). */
export interface TTrackBusEvent {
  tracks: TTrack[];
  removed: { uid: string; agency: TTrack['agency']; classification: TTrack['classification'] }[];
}
