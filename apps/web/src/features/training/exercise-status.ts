import type { TJointExercise } from '@enlace/contracts';

/** Where a joint exercise stands on a Lima day: before its first day, on one of its days, or after its last. */
export const EXERCISE_STATUSES = ['under_way', 'planned', 'over'] as const;
export type ExerciseStatus = (typeof EXERCISE_STATUSES)[number];

type Period = Pick<TJointExercise, 'startsOn' | 'endsOn'>;

/** The status of an exercise on `today` (a Lima day, `YYYY-MM-DD`); both its days count as under way. */
export function exerciseStatus(exercise: Period, today: string): ExerciseStatus {
  if (today < exercise.startsOn) return 'planned';
  if (today > exercise.endsOn) return 'over';
  return 'under_way';
}

/**
 * The exercises grouped by status on `today`, in the order a trainer reads them: under way and planned soonest first,
 * then those over, most recent first. Every status is present, empty when no exercise has it.
 */
export function exercisesByStatus<T extends Period & { name: string }>(exercises: readonly T[], today: string): Record<ExerciseStatus, T[]> {
  const groups: Record<ExerciseStatus, T[]> = { under_way: [], planned: [], over: [] };
  for (const e of exercises) groups[exerciseStatus(e, today)].push(e);
  const soonest = (a: T, b: T): number => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn) || a.name.localeCompare(b.name);
  groups.under_way.sort(soonest);
  groups.planned.sort(soonest);
  groups.over.sort((a, b) => b.endsOn.localeCompare(a.endsOn) || b.startsOn.localeCompare(a.startsOn) || a.name.localeCompare(b.name));
  return groups;
}

/** Whether a unit's force is the PNP or one of the armed forces (EP, MGP, FAP), as joint exercises pair them. */
export const forceSide = (force: string): 'PNP' | 'FFAA' => (force === 'PNP' ? 'PNP' : 'FFAA');
