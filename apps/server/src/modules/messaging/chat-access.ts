import { authorize } from '@enlace/access';
import type { Subject } from '@enlace/access';
import { classificationRank } from '@enlace/contracts';
import type { TAgencyCode, TChatRoom, TClassification } from '@enlace/contracts';

/** What visibility needs to know of a room (travels with every chat event on the bus). */
export type RoomLabel = Pick<TChatRoom, 'id' | 'kind' | 'agencies' | 'members' | 'classification'>;

/**
 * The agencies through which `subject` takes part in a room: its own agency when the room lists it (or, in a
 * direct conversation, when it is one of the two people); every agency of the room for oversight users (read
 * only, Ley 26520 art. 16). Messages in a room are shared by its agencies.
 */
function channels(subject: Subject, room: RoomLabel): readonly TAgencyCode[] {
  if (room.kind === 'direct') return room.members.includes(subject.userId) ? [subject.agency] : [];
  if (room.agencies.includes(subject.agency)) return [subject.agency];
  return subject.role === 'oversight' ? room.agencies : [];
}

/** Whether `subject` may read a message of this classification in this room (authorize() per sharing agency). */
export function canReadChat(subject: Subject, room: RoomLabel, classification: TClassification): boolean {
  return channels(subject, room).some((agency) => authorize(subject, 'chat:read', { agency, classification }).allow);
}

/** Whether `subject` may see the room at all (some message classification it could read). */
export function canSeeRoom(subject: Subject, room: RoomLabel): boolean {
  return canReadChat(subject, room, 'PUBLICO');
}

/** Whether `subject` may post a message of this classification: a member, cleared, within the room's ceiling. */
export function canWriteChat(subject: Subject, room: RoomLabel, classification: TClassification): boolean {
  const member = room.kind === 'direct' ? room.members.includes(subject.userId) : room.agencies.includes(subject.agency);
  return (
    member &&
    classificationRank(classification) <= classificationRank(room.classification) &&
    authorize(subject, 'chat:write', { agency: subject.agency, classification }).allow
  );
}
