import type { TAgencyCode, TJointExercise } from '@enlace/contracts';

/**
 * The joint exercises that can carry an agreement from `owner` to `recipient`, soonest first: not over by `today` (an
 * agreement over past days would grant no access), naming a district (the area shared), and with units of both
 * agencies. The server refuses any other with its reason.
 */
export function exerciseBases(
  exercises: readonly TJointExercise[],
  { owner, recipient, today }: { owner: TAgencyCode; recipient: TAgencyCode; today: string },
): TJointExercise[] {
  const takesPart = (e: TJointExercise, agency: TAgencyCode): boolean => e.units.some((u) => u.force === agency);
  return exercises
    .filter((e) => e.endsOn >= today && e.ubigeo !== null && takesPart(e, owner) && takesPart(e, recipient))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.name.localeCompare(b.name));
}

/** An exercise's days as a reader scans them: its one day, or first – last. */
export const exerciseDays = (e: Pick<TJointExercise, 'startsOn' | 'endsOn'>): string =>
  e.startsOn === e.endsOn ? e.startsOn : `${e.startsOn} – ${e.endsOn}`;
