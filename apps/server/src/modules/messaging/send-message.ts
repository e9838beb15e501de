import { authorize } from '@enlace/access';
import { COP_SUBJECTS, classificationRank, ZChatSend } from '@enlace/contracts';
import type { TChatMessage, TChatRoom, TChatSend, TClassification } from '@enlace/contracts';
import type { AuditedOptions } from '../../platform/audit/run-audited.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { CopActor } from '../cop/track-access.ts';
import { canReadChat, canSeeRoom, canWriteChat } from './chat-access.ts';
import type { RoomLabel } from './chat-access.ts';
import { findDirectRoom, findMessageByClientId, findRecipient, findRoom, insertMessage, insertRoom } from './messaging.repository.ts';

/** The joint room every TAK client knows as "All Chat Rooms" (created by migration 0007). */
export const JOINT_ROOM_ID = '00000000-0000-4000-8000-0000000c0a11';

/** What travels on `cop.chat`: the message and what visibility needs of its room. */
export interface ChatBusEvent {
  message: TChatMessage;
  room: RoomLabel;
}

export const roomLabel = (r: TChatRoom): RoomLabel => ({
  id: r.id,
  kind: r.kind,
  agencies: r.agencies,
  members: r.members,
  classification: r.classification,
});

const lower = (a: TClassification, b: TClassification): TClassification => (classificationRank(a) <= classificationRank(b) ? a : b);

/** The direct conversation between the actor and another user, created on first message. */
async function directRoom(tx: Queryable, actor: CopActor, toUserId: string, exercise: boolean): Promise<TChatRoom> {
  const to = await findRecipient(tx, toUserId);
  if (!to || to.userId === actor.userId) throw new AppError('CHAT_RECIPIENT_UNKNOWN');
  const members = [actor.userId, to.userId].sort();
  const key = members.join(':');
  const existing = await findDirectRoom(tx, key);
  if (existing) return existing;
  const created = await insertRoom(tx, {
    name: `${actor.displayName ?? actor.username} / ${to.displayName}`,
    kind: 'direct',
    agencies: [...new Set([actor.agency, to.agency])],
    members,
    // Both people must be able to read everything said in it.
    classification: lower(actor.clearance, to.clearance),
    agency: actor.agency,
    exercise,
    directKey: key,
  });
  return created ?? (await findDirectRoom(tx, key))!;
}

/**
 * Sends a chat message to a room (command posts and patrols of the agencies it lists) or directly to a person:
 * the sender must take part in the room, be cleared for the message's classification, and the classification
 * may not exceed the room's. Stored and audited in one transaction, then pushed on `cop.chat` (browsers, TAK
 * clients as GeoChat). A retry with the same `clientMessageId` returns the stored message.
 */
export async function sendMessage(
  ctx: AppContext,
  actor: CopActor,
  input: TChatSend,
  audited?: AuditedOptions,
): Promise<TChatMessage> {
  const parsed = ZChatSend.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { summary: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  const m = parsed.data;
  const options: AuditedOptions = audited ?? { db: ctx.db, actor: { id: actor.userId, name: actor.username, agency: actor.agency }, afterAudit: ctx.afterAudit };
  const { value, replayed } = await runAudited(options, async (tx, audit) => {
    const room = m.roomId ? await findRoom(tx, m.roomId) : await directRoom(tx, actor, m.toUserId!, false);
    if (!room || !canSeeRoom(actor, roomLabel(room))) throw notFound();
    if (!canWriteChat(actor, roomLabel(room), m.classification)) {
      if (classificationRank(m.classification) > classificationRank(room.classification)) {
        throw new AppError('CHAT_ABOVE_ROOM', { classification: m.classification, room: room.classification });
      }
      if (!authorize(actor, 'chat:write', { agency: actor.agency, classification: m.classification }).allow) {
        throw new AppError('CLASSIFICATION_ABOVE_CLEARANCE', { clearance: actor.clearance });
      }
      throw new AppError('CHAT_NOT_MEMBER');
    }
    const stored = await insertMessage(tx, {
      roomId: room.id,
      senderId: isUuid(actor.userId) ? actor.userId : null,
      senderName: actor.username,
      senderUid: m.senderUid ?? null,
      text: m.text,
      clientMessageId: m.clientMessageId ?? null,
      source: m.senderUid ? 'cot' : 'api',
      agency: actor.agency,
      classification: m.classification,
    });
    if (!stored) {
      const again = await findMessageByClientId(tx, m.clientMessageId!, actor.username);
      if (!again || !canReadChat(actor, roomLabel(room), again.classification)) throw notFound();
      return { message: again, room, fresh: false };
    }
    audit.record('send', 'chat_message', stored.id, stored);
    return { message: stored, room, fresh: true };
  });
  if (!replayed && value.fresh) {
    const event: ChatBusEvent = { message: value.message, room: roomLabel(value.room) };
    await ctx.bus.publish(COP_SUBJECTS.chat, event);
  }
  return value.message;
}

const isUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
