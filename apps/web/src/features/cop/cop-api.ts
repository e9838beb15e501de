import { z } from 'zod';
import {
  ZAlert,
  ZChatMessage,
  ZChatReceipt,
  ZChatRoom,
  ZCopDrawing,
  ZGeofence,
  ZIncidentPage,
  ZTracksHistory,
  ZTrackList,
  type TAlert,
  type TChatMessage,
  type TChatRoom,
  type TCopDrawing,
  type TGeofence,
  type TIncident,
  type TTracksHistory,
  type TTrackList,
} from '@enlace/contracts';
import { apiRequest } from '../../app/api.ts';

/** `GET /tracks`: the current picture (also used by the 10,000-track performance check). */
export function listTracks(query: { bbox?: string; force?: string; limit?: number }, signal?: AbortSignal): Promise<TTrackList> {
  return apiRequest('/tracks', ZTrackList, { query, signal });
}

/** `GET /tracks/history`: every readable position of every track in a window and box, in one request (replay). */
export function tracksHistory(
  q: { since: string; until: string; bbox?: [number, number, number, number] | undefined; limit: number },
  signal?: AbortSignal,
): Promise<TTracksHistory> {
  const query: Record<string, string | number> = { since: q.since, until: q.until, limit: q.limit };
  if (q.bbox) query['bbox'] = q.bbox.map((v) => v.toFixed(5)).join(',');
  return apiRequest('/tracks/history', ZTracksHistory, { query, signal });
}

/** `GET /alerts`: the alerts the user may see (open and recent). */
export async function listAlerts(signal?: AbortSignal): Promise<TAlert[]> {
  return (await apiRequest('/alerts', z.object({ items: z.array(ZAlert) }), { query: { limit: 200 }, signal })).items;
}

/** `POST /alerts/:id/acknowledge`: a person acknowledges an alert (audited). */
export function acknowledgeAlert(id: string, note: string | undefined): Promise<TAlert> {
  return apiRequest(`/alerts/${encodeURIComponent(id)}/acknowledge`, ZAlert, { method: 'POST', body: note ? { note } : {} });
}

/** `GET /geofences`: areas watched for exits and entries, drawn on the map. */
export async function listGeofences(signal?: AbortSignal): Promise<TGeofence[]> {
  return (await apiRequest('/geofences', z.object({ items: z.array(ZGeofence) }), { signal })).items;
}

/**
 * `GET /task-areas`: where units are lawfully tasked now (stored evaluations that allowed the task), those the user may
 * see, outlined (dashed) on the map.
 */
export async function listTaskAreas(signal?: AbortSignal): Promise<TCopDrawing[]> {
  return (await apiRequest('/task-areas', z.object({ items: z.array(ZCopDrawing) }), { signal })).items;
}

/** `GET /legal-areas`: the areas of the legal bases in force today that the user may read, outlined on the map. */
export async function listLegalAreas(signal?: AbortSignal): Promise<TCopDrawing[]> {
  return (await apiRequest('/legal-areas', z.object({ items: z.array(ZCopDrawing) }), { signal })).items;
}

/** Incidents the map's layer holds at most (the newest of the period). */
export const RECENT_INCIDENTS_MAX = 1000;

/**
 * `GET /incidents` of the last `hours` in a box (an incident layer for those who may read incidents): the newest
 * {@link RECENT_INCIDENTS_MAX}, and how many the period holds.
 */
export async function listRecentIncidents(bbox: string, hours: number, signal?: AbortSignal): Promise<{ items: TIncident[]; total: number }> {
  const from = new Date(Date.now() - hours * 3600_000).toISOString();
  return apiRequest('/incidents', ZIncidentPage, { query: { bbox, from, limit: RECENT_INCIDENTS_MAX }, signal });
}

export async function listRooms(signal?: AbortSignal): Promise<TChatRoom[]> {
  return (await apiRequest('/chat/rooms', z.object({ items: z.array(ZChatRoom) }), { signal })).items;
}

export async function listRoomMessages(roomId: string, signal?: AbortSignal): Promise<TChatMessage[]> {
  return (await apiRequest(`/chat/rooms/${encodeURIComponent(roomId)}/messages`, z.object({ items: z.array(ZChatMessage) }), { query: { limit: 100 }, signal })).items;
}

/** `POST /chat/messages`; `clientMessageId` makes a retry harmless. */
export function sendChatMessage(roomId: string, text: string, clientMessageId: string): Promise<TChatMessage> {
  return apiRequest('/chat/messages', ZChatMessage, { method: 'POST', body: { roomId, text, clientMessageId } });
}

/** `POST /chat/receipts`: tells the sender the message was read. */
export function markRead(messageId: string): Promise<unknown> {
  return apiRequest('/chat/receipts', z.object({ receipt: ZChatReceipt.nullable() }), { method: 'POST', body: { messageId, kind: 'read' } });
}
