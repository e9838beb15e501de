import { buildEvent, findDetailElement, NULL_POINT } from './build-event.ts';
import { formatCotTime } from './time.ts';
import type { CotEvent, CotPoint } from './types.ts';

/** GeoChat event types: message, delivered receipt, read receipt. */
export const CHAT_MESSAGE = 'b-t-f';
export const CHAT_DELIVERED = 'b-t-f-d';
export const CHAT_READ = 'b-t-f-r';
/** The room every TAK client shows; a message to it goes to everyone. */
export const ALL_CHAT_ROOMS = 'All Chat Rooms';

/** A participant in a chat. */
export interface ChatParty {
  uid: string;
  callsign: string;
  /** CoT type of the sender's own marker (default `a-f-G-U-C`). */
  type?: string;
}

/** A GeoChat message read from or written to CoT. */
export interface ChatMessage {
  messageId: string;
  senderUid: string;
  senderCallsign: string;
  /** Room name as shown (`All Chat Rooms`, a group name, or the recipient's callsign for a direct message). */
  chatroom: string;
  /** Room id (`All Chat Rooms`, a group id, or the recipient's uid for a direct message). */
  chatroomId: string;
  /** Uids listed in `chatgrp` other than the sender's (the recipient of a direct message). */
  recipientUids: string[];
  text: string;
  time: number;
  point?: CotPoint;
}

/**
 * Builds a GeoChat message (`b-t-f`) as ATAK writes it: `__chat` with `chatgrp`, a `p-p` link to the sender and the
 * text in `remarks`. Without `to` it goes to All Chat Rooms; with `to` it is a direct message.
 */
export function buildChatMessage(options: {
  sender: ChatParty;
  text: string;
  to?: ChatParty;
  messageId?: string;
  point?: CotPoint;
  now?: number;
}): CotEvent {
  const { sender, to } = options;
  const messageId = options.messageId ?? crypto.randomUUID();
  const roomId = to?.uid ?? ALL_CHAT_ROOMS;
  const now = options.now ?? Date.now();
  return buildEvent({
    uid: `GeoChat.${sender.uid}.${roomId}.${messageId}`,
    type: CHAT_MESSAGE,
    how: 'h-g-i-g-o',
    now,
    staleAfterMs: 24 * 3600_000,
    point: options.point ?? NULL_POINT,
    detail: {
      chat: {
        parent: 'RootContactGroup',
        groupOwner: 'false',
        messageId,
        chatroom: to?.callsign ?? ALL_CHAT_ROOMS,
        id: roomId,
        senderCallsign: sender.callsign,
        chatgrp: { uid0: sender.uid, uid1: roomId, id: roomId },
      },
      links: [{ uid: sender.uid, type: sender.type ?? 'a-f-G-U-C', relation: 'p-p' }],
      remarks: { source: `BAO.F.ATAK.${sender.uid}`, to: roomId, time: formatCotTime(now), text: options.text },
    },
  });
}

function senderOf(event: CotEvent): string | undefined {
  const { detail } = event;
  const parent = detail.links?.find((l) => l.relation === 'p-p' && l.uid)?.uid;
  const source = detail.remarks?.source;
  const fromSource = source?.startsWith('BAO.F.') ? source.split('.').slice(3).join('.') : undefined;
  return parent ?? detail.chat?.chatgrp?.uid0 ?? (fromSource || undefined);
}

/** Reads a GeoChat message; undefined when the event is not one. */
export function readChatMessage(event: CotEvent): ChatMessage | undefined {
  if (event.type !== CHAT_MESSAGE) return undefined;
  const { chat, remarks } = event.detail;
  if (!chat && !remarks) return undefined;
  const senderUid = senderOf(event) ?? '';
  const idInUid = event.uid.startsWith('GeoChat.') ? event.uid.slice(event.uid.lastIndexOf('.') + 1) : event.uid;
  const chatroom = chat?.chatroom ?? remarks?.to ?? ALL_CHAT_ROOMS;
  const chatroomId = chat?.id ?? chatroom;
  const recipientUids = Object.entries(chat?.chatgrp ?? {})
    .filter(([key, uid]) => /^uid\d+$/.test(key) && uid !== senderUid && uid !== ALL_CHAT_ROOMS)
    .map(([, uid]) => uid);
  const message: ChatMessage = {
    messageId: chat?.messageId ?? idInUid,
    senderUid,
    senderCallsign: chat?.senderCallsign ?? '',
    chatroom,
    chatroomId,
    recipientUids,
    text: remarks?.text ?? '',
    time: event.time,
  };
  if (event.point) message.point = event.point;
  return message;
}

/** A delivered or read receipt. */
export interface ChatReceipt {
  kind: 'delivered' | 'read';
  messageId: string;
  /** Who received or read the message. */
  fromUid: string;
  fromCallsign?: string;
  time: number;
}

/**
 * Builds the receipt `reader` sends for `message`: `b-t-f-d` (delivered) or `b-t-f-r` (read), with the original
 * `messageId` in `__chat` and a `p-p` link to the reader.
 */
export function buildChatReceipt(options: {
  kind: 'delivered' | 'read';
  message: Pick<ChatMessage, 'messageId' | 'senderUid' | 'senderCallsign'>;
  reader: ChatParty;
  now?: number;
}): CotEvent {
  const { message, reader } = options;
  return buildEvent({
    uid: message.messageId,
    type: options.kind === 'delivered' ? CHAT_DELIVERED : CHAT_READ,
    how: 'h-g-i-g-o',
    now: options.now,
    staleAfterMs: 24 * 3600_000,
    detail: {
      chat: {
        id: message.senderUid,
        chatroom: message.senderCallsign,
        senderCallsign: reader.callsign,
        groupOwner: 'false',
        messageId: message.messageId,
        chatgrp: { id: message.senderUid, uid0: reader.uid, uid1: message.senderUid },
      },
      links: [{ uid: reader.uid, type: reader.type ?? 'a-f-G-U-C', relation: 'p-p' }],
    },
  });
}

/** Reads a delivered/read receipt (`__chat` or `__chatreceipt` style); undefined for other events. */
export function readChatReceipt(event: CotEvent): ChatReceipt | undefined {
  if (event.type !== CHAT_DELIVERED && event.type !== CHAT_READ) return undefined;
  const { chat } = event.detail;
  const receipt = chat ? undefined : findDetailElement(event.detail, '__chatreceipt');
  const result: ChatReceipt = {
    kind: event.type === CHAT_DELIVERED ? 'delivered' : 'read',
    messageId: chat?.messageId ?? receipt?.attrs.get('messageId') ?? event.uid,
    fromUid: senderOf(event) ?? '',
    time: event.time,
  };
  const callsign = chat?.senderCallsign ?? receipt?.attrs.get('senderCallsign');
  if (callsign !== undefined) result.fromCallsign = callsign;
  return result;
}
