import type { TTask } from '../codes.ts';
import type { TReadinessStandard } from './readiness-standard.schema.ts';

/**
 * A unit's mission-essential task list checked against the standard in force: every code must be a task the
 * standard describes a MET for (a task type without one cannot be rated), without repeats. Null (no list of its
 * own) is valid: the unit is rated on the standard's default tasks.
 */
export type TUnitTasksValidation =
  | { ok: true; tasks: TTask[] | null }
  | { ok: false; code: 'UNIT_TASK_NOT_IN_STANDARD'; unknown: string[]; known: TTask[] };

export function validateUnitTasks(tasks: readonly string[] | null | undefined, standard: TReadinessStandard): TUnitTasksValidation {
  if (tasks === null || tasks === undefined) return { ok: true, tasks: null };
  const known = Object.keys(standard.mets.tasks) as TTask[];
  const unknown = tasks.filter((t) => !known.includes(t as TTask));
  if (unknown.length > 0) return { ok: false, code: 'UNIT_TASK_NOT_IN_STANDARD', unknown: [...new Set(unknown)], known };
  return { ok: true, tasks: [...new Set(tasks as TTask[])] };
}
