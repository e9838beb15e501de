import type { TCourse, TCourseCreate } from '@enlace/contracts';
import { authorize } from '@enlace/access';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { findCourse, insertCourse } from './training.repository.ts';

/** Adds a course to the catalogue. The catalogue is shared by both forces, so only administrators change it. */
export async function createCourse(tx: Queryable, audit: AuditTrail, actor: Actor, draft: TCourseCreate): Promise<TCourse> {
  if (!authorize(actor, 'user:admin').allow) throw new AppError('FORBIDDEN', {}, { reason: 'ROLE_NOT_PERMITTED' });
  if (await findCourse(tx, draft.code)) throw new AppError('COURSE_CODE_TAKEN', { code: draft.code });
  const course = await insertCourse(tx, draft);
  audit.record('create', 'course', course.code, course);
  return course;
}
