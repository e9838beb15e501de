import type { TTrainingSession, TTrainingSessionCreate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, canRead } from '../forces/forces-access.ts';
import { findCourse, insertSession, unitLabel } from './training.repository.ts';

/** Schedules a session of a course, organised by a unit of the actor's agency, with its trainers. */
export async function createSession(tx: Queryable, audit: AuditTrail, actor: Actor, draft: TTrainingSessionCreate): Promise<TTrainingSession> {
  const course = await findCourse(tx, draft.courseCode);
  if (!course || !course.active) throw new AppError('REFERENCE_NOT_FOUND', { field: 'courseCode' });
  const unit = await unitLabel(tx, draft.unitId);
  if (!unit || !canRead(actor, 'unit:read', unit)) throw new AppError('REFERENCE_NOT_FOUND', { field: 'unitId' });
  const labels = { agency: unit.agency, classification: draft.classification, exercise: draft.exercise || unit.exercise };
  assertRecordAccess(actor, 'training:write', labels, { existing: false });
  const session = await insertSession(tx, {
    courseCode: course.code,
    unitId: unit.id,
    title: draft.title ?? `${course.nameEs} — ${unit.name}`,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    location: draft.location,
    ubigeo: draft.ubigeo ?? null,
    trainers: draft.trainers,
    capacity: draft.capacity,
    ...labels,
  });
  audit.record('create', 'training_session', session.id, session);
  return session;
}
