import { COP_SUBJECTS, ZChatReceiptCreate } from '@enlace/contracts';
import type { TChatReceipt, TChatReceiptCreate } from '@enlace/contracts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { CopActor } from '../cop/track-access.ts';
import { canReadChat } from './chat-access.ts';
import type { RoomLabel } from './chat-access.ts';
import { findMessage, findMessageByClientId, findRoom, insertReceipt } from './messaging.repository.ts';
import { roomLabel } from './send-message.ts';

/** What travels on `cop.receipt`. */
export interface ReceiptBusEvent {
  receipt: TChatReceipt;
  room: RoomLabel;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records that the actor (or its TAK device `byUid`) received or read a message, found by its Enlace id or its
 * client id (GeoChat messageId). Only someone who may read the message can acknowledge it. Stored and audited,
 * then pushed on `cop.receipt` so the sender sees "delivered"/"read". A repeated receipt changes nothing and
 * returns null.
 */
export async function recordReceipt(ctx: AppContext, actor: CopActor, input: TChatReceiptCreate): Promise<TChatReceipt | null> {
  const parsed = ZChatReceiptCreate.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { summary: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  const r = parsed.data;
  const { value } = await runAudited(
    { db: ctx.db, actor: { id: UUID.test(actor.userId) ? actor.userId : null, name: actor.username, agency: actor.agency }, afterAudit: ctx.afterAudit },
    async (tx, audit) => {
      const message = UUID.test(r.messageId) ? await findMessage(tx, r.messageId) : await findMessageByClientId(tx, r.messageId);
      const room = message ? await findRoom(tx, message.roomId) : null;
      if (!message || !room || !canReadChat(actor, roomLabel(room), message.classification)) throw notFound();
      const receipt: TChatReceipt = {
        messageId: message.id,
        roomId: room.id,
        kind: r.kind,
        by: r.byUid ?? actor.username,
        byName: actor.displayName ?? actor.username,
        at: new Date().toISOString(),
        agency: message.agency,
        classification: message.classification,
      };
      if (!(await insertReceipt(tx, receipt))) return null;
      audit.record(r.kind, 'chat_message', message.id, receipt);
      return { receipt, room: roomLabel(room) };
    },
  );
  if (!value) return null;
  const event: ReceiptBusEvent = value;
  await ctx.bus.publish(COP_SUBJECTS.receipt, event);
  return value.receipt;
}
