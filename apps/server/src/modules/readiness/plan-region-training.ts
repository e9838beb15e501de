import { readableLabels } from '@enlace/access';
import type { TTrainingPlan } from '@enlace/contracts';
import { planTraining } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { limaToday } from '../forces/forces-access.ts';
import { listCourses } from '../training/list-courses.ts';
import { standardInForce } from './standard-in-force.ts';
import { loadReadinessData } from './readiness.repository.ts';

/** The course that teaches each training area (the catalogue's first active course of that area). */
async function courseOfArea(ctx: AppContext): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const c of await listCourses(ctx.db)) if (c.active && !map.has(c.area)) map.set(c.area, c.code);
  return map;
}

/**
 * The course seats that bring every readable unit of a department (optionally one force) to the target level in P
 * and T at least cost in seats: the pure planner of @enlace/rules on the records loaded set-based. Procurement and
 * repairs (S, R) are reported per unit as not closed by training.
 */
export async function planRegionTraining({ ctx, actor, department, force, targetLevel = 1 }: {
  ctx: AppContext;
  actor: Actor;
  department: string;
  force?: string | undefined;
  targetLevel?: 1 | 2 | 3 | undefined;
}): Promise<TTrainingPlan> {
  const asOf = limaToday();
  const { standard, ref } = await standardInForce(ctx.db);
  const data = await loadReadinessData(ctx.db, { labels: readableLabels(actor, 'readiness:read'), department, force }, asOf);
  const plan = planTraining(data, standard, { asOf, targetLevel });
  const courses = await courseOfArea(ctx);
  return {
    department,
    asOf,
    targetLevel: `C${targetLevel}`,
    seats: plan.totalSeats,
    standardVersion: ref,
    lowerBound: plan.lowerBound,
    provedOptimal: plan.provedOptimal,
    courses: plan.byCourse.map((c) => ({ courseCode: courses.get(c.course) ?? c.course, area: c.course, seats: c.seats })),
    units: plan.units,
    assignments: plan.seats.map((s) => ({ unitId: s.unitId, memberId: s.memberId, courseCode: courses.get(s.course) ?? s.course })),
  };
}
