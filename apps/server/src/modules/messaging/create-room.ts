import { authorize } from '@enlace/access';
import type { TChatRoom, TChatRoomCreate } from '@enlace/contracts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { CopActor } from '../cop/track-access.ts';
import { insertRoom } from './messaging.repository.ts';

/** Opens a chat room for the agencies listed; the creator's agency always takes part and owns it. */
export async function createRoom(tx: Queryable, audit: AuditTrail, actor: CopActor, draft: TChatRoomCreate): Promise<TChatRoom> {
  const decision = authorize(actor, 'chat:write', { agency: actor.agency, classification: draft.classification });
  if (!decision.allow) {
    if (decision.reason === 'CLEARANCE_TOO_LOW') throw new AppError('CLASSIFICATION_ABOVE_CLEARANCE', { clearance: actor.clearance });
    throw new AppError('FORBIDDEN', {}, { reason: decision.reason });
  }
  const room = await insertRoom(tx, {
    name: draft.name,
    kind: 'room',
    agencies: [...new Set([actor.agency, ...draft.agencies])],
    members: [],
    classification: draft.classification,
    agency: actor.agency,
    exercise: draft.exercise,
    directKey: null,
  });
  if (!room) throw new AppError('CONFLICT', { what: draft.name });
  audit.record('create', 'chat_room', room.id, room);
  return room;
}
