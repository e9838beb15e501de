import type { TCourse } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { listCourseRows } from './training.repository.ts';

/** The course catalogue (public data of both forces). */
export async function listCourses(db: Queryable): Promise<TCourse[]> {
  return listCourseRows(db);
}
