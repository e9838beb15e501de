import { serializeDetailContent } from './detail-serialize.ts';
import type { DetailPart } from './detail-serialize.ts';
import { readDetail } from './detail-parse.ts';
import { decodePbTakMessage, encodePbTakMessage } from './tak-proto-schema.ts';
import type { PbCotEvent, PbDetail, PbTakMessage } from './tak-proto-schema.ts';
import { isCotTime } from './time.ts';
import type { CotDetail, CotError, CotEvent, TakControl } from './types.ts';
import { UNKNOWN_ERROR } from './types.ts';
import { parseXml } from './xml-parse.ts';

/** A decoded TAK Protocol v1 payload: an event, a control block, or both. */
export interface TakMessage {
  event?: CotEvent;
  control?: TakControl;
}

/** Result of {@link decodeTakMessage}. */
export type DecodeTakMessageResult = { ok: true; message: TakMessage } | { ok: false; error: CotError };

function fail(code: CotError['code'], message: string): { ok: false; error: CotError } {
  return { ok: false, error: { code, message } };
}

/**
 * Typed protobuf detail fields, used only when the whole element fits the message (TAK rule: never split an element
 * between a typed field and xmlDetail). Anything else goes into xmlDetail as XML.
 */
function typedDetail(detail: CotDetail): { pb: PbDetail; used: Set<DetailPart> } {
  const pb: PbDetail = {};
  const used = new Set<DetailPart>();
  const { contact: c, group: g, status: s, takv: v, track: t, precisionLocation: p } = detail;
  if (c && !c.extra && c.callsign !== undefined) {
    pb.contact = c.endpoint === undefined ? { callsign: c.callsign } : { callsign: c.callsign, endpoint: c.endpoint };
    used.add('contact');
  }
  if (g && !g.extra && g.name !== undefined && g.role !== undefined) {
    pb.group = { name: g.name, role: g.role };
    used.add('group');
  }
  const battery = s?.battery;
  if (s && !s.extra && battery !== undefined && Number.isInteger(battery) && battery >= 0 && battery < 2 ** 32) {
    pb.status = { battery };
    used.add('status');
  }
  if (v && !v.extra && v.device !== undefined && v.platform !== undefined && v.os !== undefined && v.version !== undefined) {
    pb.takv = { device: v.device, platform: v.platform, os: v.os, version: v.version };
    used.add('takv');
  }
  if (t && !t.extra && t.speed !== undefined && t.course !== undefined) {
    pb.track = { speed: t.speed, course: t.course };
    used.add('track');
  }
  if (p && !p.extra && p.geopointsrc !== undefined && p.altsrc !== undefined) {
    pb.precisionLocation = { geopointsrc: p.geopointsrc, altsrc: p.altsrc };
    used.add('precisionLocation');
  }
  return { pb, used };
}

/** Converts an event to the protobuf CotEvent (an event without a point is sent at 0,0 with unknown errors). */
export function toPbCotEvent(event: CotEvent): PbCotEvent {
  const { pb, used } = typedDetail(event.detail);
  const xmlDetail = serializeDetailContent(event.detail, used);
  if (xmlDetail !== '') pb.xmlDetail = xmlDetail;
  const point = event.point ?? { lat: 0, lon: 0, hae: UNKNOWN_ERROR, ce: UNKNOWN_ERROR, le: UNKNOWN_ERROR };
  const out: PbCotEvent = {
    type: event.type,
    uid: event.uid,
    sendTime: event.time,
    startTime: event.start,
    staleTime: event.stale,
    lat: point.lat,
    lon: point.lon,
    hae: point.hae,
    ce: point.ce,
    le: point.le,
    detail: pb,
  };
  if (event.how !== undefined) out.how = event.how;
  if (event.access !== undefined) out.access = event.access;
  if (event.qos !== undefined) out.qos = event.qos;
  if (event.opex !== undefined) out.opex = event.opex;
  return out;
}

/** Encodes an event (and optionally a control block) as a TAK Protocol v1 payload, without framing. */
export function encodeTakMessage(message: TakMessage): Uint8Array {
  const pb: PbTakMessage = {};
  if (message.event) pb.cotEvent = toPbCotEvent(message.event);
  if (message.control) pb.takControl = { ...message.control };
  return encodePbTakMessage(pb);
}

/** Reads xmlDetail plus the typed fields; per the TAK rules an element present in xmlDetail wins. */
function fromPbDetail(pb: PbDetail | undefined): CotDetail | CotError {
  let detail: CotDetail = { unknown: [] };
  if (pb?.xmlDetail) {
    const source = `<detail>${pb.xmlDetail}</detail>`;
    const parsed = parseXml(source);
    if (!parsed.ok) return { code: parsed.error.code, message: `xmlDetail: ${parsed.error.message}` };
    detail = readDetail(parsed.root.children, source);
  }
  if (!pb) return detail;
  const nonEmpty = <T extends object>(value: T): T => {
    for (const [key, v] of Object.entries(value)) if (v === '') delete (value as Record<string, unknown>)[key];
    return value;
  };
  if (pb.contact && !detail.contact) detail.contact = nonEmpty({ ...pb.contact });
  if (pb.group && !detail.group) detail.group = nonEmpty({ ...pb.group });
  if (pb.precisionLocation && !detail.precisionLocation) detail.precisionLocation = nonEmpty({ ...pb.precisionLocation });
  if (pb.status && !detail.status) detail.status = { battery: pb.status.battery ?? 0 };
  if (pb.takv && !detail.takv) detail.takv = nonEmpty({ ...pb.takv });
  if (pb.track && !detail.track) detail.track = { speed: pb.track.speed ?? 0, course: pb.track.course ?? 0 };
  return detail;
}

/** Converts a protobuf CotEvent to the event model, with the same checks as the XML parser. */
export function fromPbCotEvent(pb: PbCotEvent): { ok: true; event: CotEvent } | { ok: false; error: CotError } {
  if (!pb.uid) return fail('MISSING_ATTRIBUTE', 'event has no uid');
  if (!pb.type) return fail('MISSING_ATTRIBUTE', 'event has no type');
  const time = pb.sendTime ?? 0;
  const start = pb.startTime || time;
  const stale = pb.staleTime ?? 0;
  if (!isCotTime(time) || !isCotTime(start) || !isCotTime(stale)) return fail('BAD_TIME', `event ${pb.uid}: bad time`);
  const lat = pb.lat ?? 0;
  const lon = pb.lon ?? 0;
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return fail('BAD_POINT', `point lat=${lat} lon=${lon}`);
  const detail = fromPbDetail(pb.detail);
  if ('code' in detail) return { ok: false, error: detail };
  // proto3 leaves zero values out: absent means 0, not unknown.
  const finiteOr = (v: number | undefined): number => (v === undefined ? 0 : Number.isFinite(v) ? v : UNKNOWN_ERROR);
  const event: CotEvent = {
    uid: pb.uid,
    type: pb.type,
    time,
    start,
    stale,
    point: { lat, lon, hae: finiteOr(pb.hae), ce: finiteOr(pb.ce), le: finiteOr(pb.le) },
    detail,
  };
  if (pb.how) event.how = pb.how;
  if (pb.access) event.access = pb.access;
  if (pb.qos) event.qos = pb.qos;
  if (pb.opex) event.opex = pb.opex;
  return { ok: true, event };
}

/** Decodes a TAK Protocol v1 payload (the bytes after the framing header). */
export function decodeTakMessage(bytes: Uint8Array): DecodeTakMessageResult {
  let pb: PbTakMessage;
  try {
    pb = decodePbTakMessage(bytes);
  } catch (error) {
    return fail('BAD_PROTOBUF', `not a TakMessage: ${error instanceof Error ? error.message : String(error)}`);
  }
  const message: TakMessage = {};
  if (pb.takControl) {
    const c = pb.takControl;
    // 0 means "not filled in", which the TAK spec reads as version 1.
    message.control = { minProtoVersion: c.minProtoVersion || 1, maxProtoVersion: c.maxProtoVersion || 1 };
    if (c.contactUid) message.control.contactUid = c.contactUid;
  }
  if (pb.cotEvent) {
    const event = fromPbCotEvent(pb.cotEvent);
    if (!event.ok) return event;
    message.event = event.event;
  }
  if (!message.event && !message.control) return fail('EMPTY_MESSAGE', 'TakMessage with neither event nor control');
  return { ok: true, message };
}
