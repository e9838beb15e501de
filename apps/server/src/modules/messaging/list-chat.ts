import { CLASSIFICATIONS } from '@enlace/contracts';
import type { TChatMessage, TChatRoom } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { CopActor } from '../cop/track-access.ts';
import { canReadChat, canSeeRoom } from './chat-access.ts';
import { findRoom, listMessageRows, listRoomRows } from './messaging.repository.ts';
import { roomLabel } from './send-message.ts';

/** The rooms and direct conversations the actor takes part in (oversight: every room, read only). */
export async function listRooms(ctx: AppContext, actor: CopActor): Promise<TChatRoom[]> {
  const rows = await listRoomRows(ctx.db, { agency: actor.agency, userId: actor.userId, all: actor.role === 'oversight' });
  return rows.filter((r) => canSeeRoom(actor, roomLabel(r)));
}

/** The messages of a room the actor may read (classification filtered), oldest first, with their receipts. */
export async function listMessages(
  ctx: AppContext,
  actor: CopActor,
  q: { roomId: string; before?: string | undefined; limit: number },
): Promise<TChatMessage[]> {
  const room = await findRoom(ctx.db, q.roomId);
  if (!room || !canSeeRoom(actor, roomLabel(room))) throw notFound();
  const classifications = CLASSIFICATIONS.filter((c) => canReadChat(actor, roomLabel(room), c));
  return listMessageRows(ctx.db, { roomId: room.id, classifications, before: q.before ?? null, limit: q.limit });
}
