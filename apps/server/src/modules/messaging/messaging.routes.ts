import {
  ZChatMessage,
  ZChatMessageListQuery,
  ZChatReceipt,
  ZChatReceiptCreate,
  ZChatRoom,
  ZChatRoomCreate,
  ZChatSend,
  ZIdParams,
} from '@enlace/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { auditedRequest } from '../../platform/http/audited-request.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { createRoom } from './create-room.ts';
import { listMessages, listRooms } from './list-chat.ts';
import { recordReceipt } from './record-receipt.ts';
import { sendMessage } from './send-message.ts';

const tags = ['messaging'];

/** Chat between command posts and patrols of both forces (TAK GeoChat goes through the same use-cases). */
export function messagingRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/chat/rooms', {
      config: { access: 'chat:read' },
      schema: { tags, response: { 200: z.object({ items: z.array(ZChatRoom) }) } },
    }, async (req) => ({ items: await listRooms(ctx, actorOf(req)) }));

    app.post('/chat/rooms', {
      config: { access: 'chat:write' },
      schema: { tags, body: ZChatRoomCreate, response: { 201: ZChatRoom } },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) => createRoom(tx, audit, actor, req.body));
      return reply.status(201).send(value);
    });

    app.get('/chat/rooms/:id/messages', {
      config: { access: 'chat:read' },
      schema: { tags, params: ZIdParams, querystring: ZChatMessageListQuery, response: { 200: z.object({ items: z.array(ZChatMessage) }) } },
    }, async (req) => ({ items: await listMessages(ctx, actorOf(req), { roomId: req.params.id, ...req.query }) }));

    app.post('/chat/messages', {
      config: { access: 'chat:write' },
      schema: { tags, body: ZChatSend, response: { 201: ZChatMessage } },
    }, async (req, reply) => reply.status(201).send(await sendMessage(ctx, actorOf(req), req.body, auditedRequest(ctx, req, 201))));

    app.post('/chat/receipts', {
      config: { access: 'chat:write' },
      schema: { tags, body: ZChatReceiptCreate, response: { 200: z.object({ receipt: ZChatReceipt.nullable() }) } },
    }, async (req) => ({ receipt: await recordReceipt(ctx, actorOf(req), req.body) }));
  };
}
