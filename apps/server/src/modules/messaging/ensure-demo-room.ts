import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { systemActor } from '../cop/track-access.ts';
import { createRoom } from './create-room.ts';
import { findRoomByName } from './messaging.repository.ts';
import { sendMessage } from './send-message.ts';

export const DEMO_ROOM_NAME = 'Coordinación Lima-Callao (demostración)';

/** Demo mode: a joint chat room of both forces with a first message, created once. */
export async function ensureDemoRoom(ctx: AppContext): Promise<void> {
  if (await findRoomByName(ctx.db, DEMO_ROOM_NAME)) return;
  const actor = systemActor('CCFFAA', 'demo');
  const { value: room } = await runAudited({ db: ctx.db, actor: { id: null, name: 'demo', agency: 'CCFFAA' }, afterAudit: ctx.afterAudit }, (tx, audit) =>
    createRoom(tx, audit, actor, { name: DEMO_ROOM_NAME, agencies: ['PNP', 'EP', 'MGP', 'FAP', 'CCFFAA'], classification: 'CONFIDENCIAL', exercise: true }),
  );
  await sendMessage(ctx, actor, {
    roomId: room.id,
    text: 'Sala de coordinación de la demostración: los mensajes y posiciones de este entorno son simulados.',
    classification: 'PUBLICO',
    clientMessageId: 'demo-welcome',
  });
}
