import { describe, expect, it } from 'vitest';
import { buildChatMessage, buildChatReceipt, readChatMessage, readChatReceipt } from './chat.ts';
import { parseEvent } from './parse-event.ts';
import { serializeEvent } from './serialize-event.ts';
import { decodeTakMessage, encodeTakMessage } from './tak-message.ts';
import { ATAK_CHAT, ATAK_PLI } from './test-samples.ts';
import type { CotEvent } from './types.ts';

function sample(xml: string): CotEvent {
  const result = parseEvent(xml);
  if (!result.ok) throw new Error(result.error.message);
  return result.event;
}

const NOW = Date.parse('2026-03-14T15:00:00Z');
const central = { uid: 'ENLACE-CP-LIMA', callsign: 'CENTRAL' };
const patrol = { uid: 'ANDROID-589520ccfcd20f01', callsign: 'PATRULLA-1' };

describe('GeoChat messages', () => {
  it('reads an ATAK message to All Chat Rooms', () => {
    expect(readChatMessage(sample(ATAK_CHAT))).toMatchObject({
      messageId: '8f2b9c1e-4d3a-4b5c-9e8f-7a6b5c4d3e2f',
      senderUid: 'ANDROID-589520ccfcd20f01',
      senderCallsign: 'PATRULLA-1',
      chatroom: 'All Chat Rooms',
      chatroomId: 'All Chat Rooms',
      recipientUids: [],
      text: 'Llegamos al punto & esperamos órdenes',
      time: Date.parse('2026-03-14T15:05:00.000Z'),
    });
  });

  it('builds a direct message that reads back the same, in XML and in protobuf', () => {
    const event = buildChatMessage({ sender: central, to: patrol, text: 'Diríjase a <Plaza San Martín> & espere', messageId: 'm-1', now: NOW });
    expect(event.uid).toBe('GeoChat.ENLACE-CP-LIMA.ANDROID-589520ccfcd20f01.m-1');
    const expected = {
      messageId: 'm-1',
      senderUid: 'ENLACE-CP-LIMA',
      senderCallsign: 'CENTRAL',
      chatroom: 'PATRULLA-1',
      chatroomId: 'ANDROID-589520ccfcd20f01',
      recipientUids: ['ANDROID-589520ccfcd20f01'],
      text: 'Diríjase a <Plaza San Martín> & espere',
      time: NOW,
    };
    expect(readChatMessage(sample(serializeEvent(event)))).toMatchObject(expected);
    const viaProtobuf = decodeTakMessage(encodeTakMessage({ event }));
    expect(viaProtobuf.ok && readChatMessage(viaProtobuf.message.event!)).toMatchObject(expected);
  });

  it('builds a message to All Chat Rooms by default', () => {
    const message = readChatMessage(buildChatMessage({ sender: central, text: 'Atención a todas las unidades' }));
    expect(message).toMatchObject({ chatroom: 'All Chat Rooms', chatroomId: 'All Chat Rooms', recipientUids: [] });
    expect(message?.messageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('falls back to the uid and remarks when __chat is missing', () => {
    const xml = `<event version="2.0" uid="GeoChat.S-1.All Chat Rooms.abc" type="b-t-f" time="2026-03-14T15:00:00Z" start="2026-03-14T15:00:00Z" stale="2026-03-14T16:00:00Z"><point lat="0" lon="0"/><detail><remarks source="BAO.F.WinTAK.S-1" to="All Chat Rooms">hola</remarks></detail></event>`;
    expect(readChatMessage(sample(xml))).toMatchObject({ messageId: 'abc', senderUid: 'S-1', text: 'hola', chatroom: 'All Chat Rooms' });
  });

  it('ignores other events', () => {
    expect(readChatMessage(sample(ATAK_PLI))).toBeUndefined();
  });
});

describe('GeoChat receipts', () => {
  it('builds delivered and read receipts that read back', () => {
    const message = readChatMessage(buildChatMessage({ sender: central, to: patrol, text: 'ok', messageId: 'm-2' }))!;
    for (const kind of ['delivered', 'read'] as const) {
      const event = sample(serializeEvent(buildChatReceipt({ kind, message, reader: patrol, now: NOW })));
      expect(event.type).toBe(kind === 'delivered' ? 'b-t-f-d' : 'b-t-f-r');
      expect(readChatReceipt(event)).toEqual({ kind, messageId: 'm-2', fromUid: patrol.uid, fromCallsign: 'PATRULLA-1', time: NOW });
    }
  });

  it('reads a receipt carried in __chatreceipt', () => {
    const xml = `<event version="2.0" uid="r-1" type="b-t-f-r" time="2026-03-14T15:00:00Z" start="2026-03-14T15:00:00Z" stale="2026-03-14T16:00:00Z"><point lat="0" lon="0"/><detail><__chatreceipt messageId="m-9" senderCallsign="MOVIL-7"/><link uid="5E4C" relation="p-p" type="a-f-G"/></detail></event>`;
    expect(readChatReceipt(sample(xml))).toMatchObject({ kind: 'read', messageId: 'm-9', fromUid: '5E4C', fromCallsign: 'MOVIL-7' });
  });

  it('ignores other events', () => {
    expect(readChatReceipt(sample(ATAK_CHAT))).toBeUndefined();
  });
});
