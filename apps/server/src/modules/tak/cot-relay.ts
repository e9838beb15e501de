import type { TAlert, TChatMessage, TChatReceipt, TCopDrawing, TGeofence, TTrack } from '@enlace/contracts';
import {
  NULL_POINT,
  UNKNOWN_ERROR,
  buildChatMessage,
  buildChatReceipt,
  buildEmergency,
  buildEvent,
  buildPolygon,
} from '@enlace/cot';
import type { CotEvent, CotPoint, LatLon } from '@enlace/cot';

/**
 * Enlace items as the CoT events TAK clients understand: tracks as position reports (with the detail elements the
 * device sent kept unchanged), alerts as emergencies or geofence breaches, chat as GeoChat, areas as drawings.
 */

const point = (lat: number | null, lon: number | null, hae: number | null = null, ce: number | null = null, le: number | null = null): CotPoint =>
  lat === null || lon === null
    ? { ...NULL_POINT }
    : { lat, lon, hae: hae ?? UNKNOWN_ERROR, ce: ce ?? UNKNOWN_ERROR, le: le ?? UNKNOWN_ERROR };

const attr = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A track's current state as a CoT position report. `videoUrl` (a drone's video link known from its equipment
 * record) is added as `<__video url>` when the device did not send one itself.
 */
export function trackToCot(t: TTrack, videoUrl?: string): CotEvent {
  const time = Date.parse(t.time);
  const event: CotEvent = {
    uid: t.uid,
    type: t.type,
    how: t.how ?? 'm-g',
    time,
    start: time,
    stale: Date.parse(t.stale),
    point: point(t.lat, t.lon, t.hae, t.ce, t.le),
    detail: { contact: { callsign: t.callsign }, unknown: t.detail ? [t.detail] : [] },
  };
  if (videoUrl !== undefined && !t.detail?.includes('<__video')) event.detail.unknown.push(`<__video url="${attr(videoUrl)}"/>`);
  if (t.course !== null || t.speed !== null) event.detail.track = { course: t.course ?? 0, speed: t.speed ?? 0 };
  if (t.battery !== null) event.detail.status = { battery: Math.round(t.battery) };
  if (t.status !== null) event.detail.remarks = { text: t.status };
  return event;
}

/** TAK's delete: clients drop `uid` from the map. */
export function deleteToCot(uid: string, now = Date.now()): CotEvent {
  return buildEvent({
    uid: `${uid}.delete`,
    type: 't-x-d-d',
    how: 'h-g-i-g-o',
    now,
    staleAfterMs: 20_000,
    detail: { links: [{ uid, type: 'none', relation: 'none' }], unknown: ['<__forcedelete/>'] },
  });
}

/**
 * An alert as TAK shows it: emergencies and their cancellation as `b-a-o-tbl` / `b-a-o-can` from the track that
 * raised them, leaving or entering an area as a geofence breach (`b-a-g`). Undefined for alerts TAK has no
 * equivalent for (a stale track) or that are no longer open.
 */
export function alertToCot(a: TAlert): CotEvent | undefined {
  const sender = { uid: a.trackUid ?? `ENLACE-ALERT-${a.id}`, callsign: a.callsign ?? a.trackUid ?? 'Enlace' };
  const now = Date.parse(a.raisedAt);
  const where = point(a.lat, a.lon);
  if (a.kind === 'emergency_cancel') return buildEmergency({ sender, point: where, kind: 'Cancel', now });
  if (a.state !== 'open') return undefined;
  if (a.kind === 'emergency') {
    const event = buildEmergency({ sender, point: where, now });
    event.detail.remarks = { text: a.message.es };
    return event;
  }
  if (a.kind === 'area_exit' || a.kind === 'area_enter') {
    return buildEvent({
      uid: `ENLACE-ALERT-${a.id}`,
      type: 'b-a-g',
      how: 'h-e',
      now,
      staleAfterMs: 3600_000,
      point: where,
      detail: {
        contact: { callsign: `${sender.callsign}-Geofence` },
        remarks: { text: a.message.es },
        ...(a.trackUid ? { links: [{ uid: a.trackUid, type: 'a-f-G', relation: 'p-p' }] } : {}),
      },
    });
  }
  return undefined;
}

/** Uid under which Enlace users (command posts) appear in TAK chat. */
export const enlaceChatUid = (userId: string | null): string => `ENLACE-${userId ?? 'system'}`;

/**
 * A chat message as GeoChat (`b-t-f`). Messages of a room go to the room of that name; direct messages to the
 * recipient device (`toUid`). The GeoChat messageId is the client's id when the message came from TAK.
 */
export function chatToCot(m: TChatMessage, room: { id: string; name: string } | undefined, toUid?: string): CotEvent {
  const sender = { uid: m.senderUid ?? enlaceChatUid(m.senderId), callsign: m.senderName };
  const messageId = m.clientMessageId ?? m.id;
  const sentAt = Date.parse(m.sentAt);
  if (toUid !== undefined) {
    return buildChatMessage({ sender, to: { uid: toUid, callsign: toUid }, text: m.text, messageId, now: sentAt });
  }
  const event = buildChatMessage({ sender, text: m.text, messageId, now: sentAt });
  if (room && event.detail.chat) {
    // An Enlace room shows as a TAK group chat of the same name.
    event.detail.chat.chatroom = room.name;
    event.detail.chat.id = room.id;
    event.detail.chat.chatgrp = { uid0: sender.uid, uid1: room.id, id: room.id };
    event.uid = `GeoChat.${sender.uid}.${room.id}.${messageId}`;
    if (event.detail.remarks) event.detail.remarks.to = room.id;
  }
  return event;
}

/** A delivered/read receipt back to the device that sent the message. */
export function receiptToCot(r: TChatReceipt, message: { messageId: string; senderUid: string; senderCallsign: string }): CotEvent {
  return buildChatReceipt({ kind: r.kind, message, reader: { uid: enlaceChatUid(r.by), callsign: r.byName }, now: Date.parse(r.at) });
}

/** An area, incident or unit of the command post as drawings (one per polygon) or a point. */
export function drawingToCot(d: TCopDrawing, now = Date.now()): CotEvent[] {
  const staleAfterMs = (d.staleSeconds ?? 86_400) * 1000;
  const g = d.geometry;
  if (g.type === 'Point') {
    const [lon, lat] = g.coordinates;
    return [
      buildEvent({
        uid: d.uid,
        type: d.cotType ?? 'b-m-p-s-m',
        how: 'h-g-i-g-o',
        now,
        staleAfterMs,
        point: point(lat, lon),
        detail: { contact: { callsign: d.name }, ...(d.remarks ? { remarks: { text: d.remarks } } : {}) },
      }),
    ];
  }
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const style = { stroke: d.stroke ?? '#ff0000', ...(d.fill ? { fill: d.fill } : {}) };
  return polygons.map((rings, i) => {
    const vertices: LatLon[] = (rings[0] ?? []).map((p) => [p[1], p[0]] as const);
    const uid = i === 0 ? d.uid : `${d.uid}.${i}`;
    return buildPolygon({ uid, name: d.name, vertices, style, now, staleAfterMs, ...(d.remarks ? { remarks: d.remarks } : {}) });
  });
}

/** Uids a drawing occupies on the phones (to delete them all). */
export function drawingUids(d: TCopDrawing): string[] {
  const count = d.geometry.type === 'MultiPolygon' ? d.geometry.coordinates.length : 1;
  return Array.from({ length: count }, (_, i) => (i === 0 ? d.uid : `${d.uid}.${i}`));
}

/** A geofence (lawful task area, restricted area) as the drawing TAK clients show: green to stay in, red to keep out. */
export function geofenceDrawing(g: TGeofence): TCopDrawing {
  const keepOut = g.trigger === 'enter';
  return {
    uid: `ENLACE-GEOFENCE-${g.id}`,
    name: g.name,
    geometry: g.geometry,
    stroke: keepOut ? '#ff0000' : '#00aa00',
    fill: keepOut ? '#ff000033' : '#00aa0022',
    ...(g.description ? { remarks: g.description.slice(0, 2000) } : {}),
    removed: !g.active,
    permission: 'geofence:read',
    agency: g.agency,
    classification: g.classification,
  };
}
