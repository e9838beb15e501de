import type { TChatMessage, TChatRoom } from '@enlace/contracts';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { LiveTestClient } from '../cop/live-test-client.ts';
import { recordReceipt } from './record-receipt.ts';
import { JOINT_ROOM_ID, sendMessage } from './send-message.ts';

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('messaging on %s', (_n, backend) => {
  let t: TestApp;
  let url: string;
  let pnpOperator: TestUser;
  let pnpCommander: TestUser;
  let pnpField: TestUser;
  let epField: TestUser;
  let epOperator: TestUser;
  let mpOversight: TestUser;
  const clients: LiveTestClient[] = [];

  const send = (u: TestUser, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/chat/messages', headers: u.auth, payload });
  const live = async (u: TestUser): Promise<LiveTestClient> => {
    const c = await LiveTestClient.connect(url, u.token);
    clients.push(c);
    c.send({ type: 'subscribe', kinds: ['chat'] });
    await c.next((m) => m.type === 'snapshot');
    return c;
  };

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db, { config: { liveTickMs: 20 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    pnpOperator = await makeUser(db, { role: 'operator', agency: 'PNP' });
    pnpCommander = await makeUser(db, { role: 'commander', agency: 'PNP' });
    pnpField = await makeUser(db, { role: 'field', agency: 'PNP' });
    epField = await makeUser(db, { role: 'field', agency: 'EP' });
    epOperator = await makeUser(db, { role: 'operator', agency: 'EP' });
    mpOversight = await makeUser(db, { role: 'oversight', agency: 'MP' });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await t.close();
  });

  it('carries a message between the command post of one force and a patrol of the other, with receipts', async () => {
    const patrol = await live(epField);
    const post = await live(pnpOperator);
    const res = await send(pnpOperator, { roomId: JOINT_ROOM_ID, text: 'Refuerzo en Plaza Dos de Mayo', classification: 'CONFIDENCIAL' });
    expect(res.statusCode).toBe(201);
    const msg = res.json<TChatMessage>();
    expect(msg).toMatchObject({ roomId: JOINT_ROOM_ID, senderName: pnpOperator.user.username, agency: 'PNP', classification: 'CONFIDENCIAL', source: 'api' });
    await patrol.next((m) => m.type === 'chat' && m.message.id === msg.id);
    const delivered = await t.app.inject({ method: 'POST', url: '/api/v1/chat/receipts', headers: epField.auth, payload: { messageId: msg.id, kind: 'delivered' } });
    expect(delivered.json()).toMatchObject({ receipt: { kind: 'delivered', by: epField.user.username, messageId: msg.id } });
    await recordReceipt(t.ctx, epField.actor, { messageId: msg.id, kind: 'read' });
    await post.next((m) => m.type === 'receipt' && m.receipt.messageId === msg.id && m.receipt.kind === 'read');
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/chat/receipts', headers: epField.auth, payload: { messageId: msg.id, kind: 'read' } });
    expect(again.json()).toEqual({ receipt: null });
    const history = await t.app.inject({ method: 'GET', url: `/api/v1/chat/rooms/${JOINT_ROOM_ID}/messages`, headers: epField.auth });
    const stored = history.json<{ items: TChatMessage[] }>().items.find((m) => m.id === msg.id);
    expect(stored?.receipts.map((r) => r.kind).sort()).toEqual(['delivered', 'read']);
    const audited = await t.ctx.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'chat_message' AND entity_id = $1 ORDER BY seq", [msg.id]);
    expect(audited.rows.map((r) => r.action)).toEqual(['send', 'delivered', 'read']);
  });

  it('filters by classification: a patrol never receives a message above its clearance', async () => {
    const patrol = await live(pnpField);
    const above = await send(pnpCommander, { roomId: JOINT_ROOM_ID, text: 'solo mando', classification: 'RESERVADO' });
    // The joint room is CONFIDENCIAL at most.
    expect(above.statusCode).toBe(400);
    expect(above.json()).toMatchObject({ error: { code: 'CHAT_ABOVE_ROOM' } });
    const room = await t.app.inject({ method: 'POST', url: '/api/v1/chat/rooms', headers: pnpCommander.auth, payload: { name: `Mando PNP ${uniq()}`, agencies: ['PNP'], classification: 'SECRETO' } });
    expect(room.statusCode).toBe(201);
    const roomId = room.json<TChatRoom>().id;
    const secret = await send(pnpCommander, { roomId, text: 'secreto', classification: 'SECRETO' });
    expect(secret.statusCode).toBe(201);
    const marker = await send(pnpCommander, { roomId, text: 'público', classification: 'PUBLICO' });
    await patrol.next((m) => m.type === 'chat' && m.message.id === marker.json<TChatMessage>().id);
    expect(patrol.messages.some((m) => m.type === 'chat' && m.message.id === secret.json<TChatMessage>().id)).toBe(false);
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/chat/rooms/${roomId}/messages`, headers: pnpField.auth });
    expect(listed.json<{ items: TChatMessage[] }>().items.map((m) => m.text)).toEqual(['público']);
    // The Ejército does not take part in a PNP-only room.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/chat/rooms/${roomId}/messages`, headers: epOperator.auth })).statusCode).toBe(404);
    expect((await send(epOperator, { roomId, text: 'hola', classification: 'PUBLICO' })).statusCode).toBe(404);
    // Oversight reads it, but may not write.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/chat/rooms/${roomId}/messages`, headers: mpOversight.auth })).statusCode).toBe(200);
    expect((await send(mpOversight, { roomId, text: 'x' })).statusCode).toBe(403);
  });

  it('sends direct messages, idempotently by client message id', async () => {
    const payload = { toUserId: epField.user.id, text: 'Confirme posición', classification: 'PUBLICO', clientMessageId: `c-${uniq()}` };
    const first = await send(pnpOperator, payload);
    const retry = await send(pnpOperator, payload);
    expect(first.statusCode).toBe(201);
    expect(retry.json<TChatMessage>().id).toBe(first.json<TChatMessage>().id);
    const rooms = await t.app.inject({ method: 'GET', url: '/api/v1/chat/rooms', headers: epField.auth });
    const direct = rooms.json<{ items: TChatRoom[] }>().items.find((r) => r.id === first.json<TChatMessage>().roomId);
    expect(direct).toMatchObject({ kind: 'direct' });
    const outsider = await t.app.inject({ method: 'GET', url: `/api/v1/chat/rooms/${direct!.id}/messages`, headers: epOperator.auth });
    expect(outsider.statusCode).toBe(404);
    await expect(sendMessage(t.ctx, pnpOperator.actor, { toUserId: pnpOperator.user.id, text: 'me' })).rejects.toMatchObject({ code: 'CHAT_RECIPIENT_UNKNOWN' });
    expect((await send(pnpOperator, { roomId: JOINT_ROOM_ID, toUserId: epField.user.id, text: 'x' })).statusCode).toBe(400);
  });
});
