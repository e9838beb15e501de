import type { TSecondment } from '@enlace/contracts';

/**
 * How a unit page and the secondments screen present a secondment: where it stands in time, which way it goes for a
 * unit, and whether the signed-in user may decide it. Pure, so it is tested without a browser.
 */

/** An approved secondment's place in time; a request, a rejection and a cancellation are shown by their status. */
export type SecondmentPhase = 'planned' | 'active' | 'past' | 'requested' | 'rejected' | 'cancelled';

/** The phase of a secondment on a Lima day (`YYYY-MM-DD`; the period's both ends count). */
export function secondmentPhase(s: Pick<TSecondment, 'status' | 'startsOn' | 'endsOn'>, today: string): SecondmentPhase {
  if (s.status !== 'approved') return s.status;
  if (today < s.startsOn) return 'planned';
  if (today > s.endsOn) return 'past';
  return 'active';
}

/** For a unit: a member it lends out, or one it receives. */
export function secondmentDirection(s: Pick<TSecondment, 'fromUnitId' | 'toUnitId'>, unitId: string): 'out' | 'in' {
  return s.fromUnitId === unitId ? 'out' : 'in';
}

/** The signed-in user as the decision rules see them. */
export interface Decider {
  username: string;
  agency: string;
  /** Holds `secondment:approve`. */
  approver: boolean;
}

/** What the user may do with a secondment: the server's rule (four eyes; the requester may cancel their own). */
export function secondmentActions(s: Pick<TSecondment, 'status' | 'requestedBy' | 'agency'>, user: Decider): { decide: boolean; cancel: boolean } {
  if (s.status !== 'requested' || s.agency !== user.agency) return { decide: false, cancel: false };
  const own = s.requestedBy === user.username;
  return { decide: user.approver && !own, cancel: own || user.approver };
}

const ORDER: Readonly<Record<SecondmentPhase, number>> = { requested: 0, active: 1, planned: 2, past: 3, rejected: 4, cancelled: 5 };

/** A unit's secondments grouped as a commander reads them: pending, then current, planned, past, refused. */
export function sortSecondments<T extends Pick<TSecondment, 'status' | 'startsOn' | 'endsOn' | 'id'>>(items: readonly T[], today: string): T[] {
  return [...items].sort(
    (a, b) =>
      ORDER[secondmentPhase(a, today)] - ORDER[secondmentPhase(b, today)] ||
      b.startsOn.localeCompare(a.startsOn) ||
      a.id.localeCompare(b.id),
  );
}

/** The form's own checks before sending (the server checks again): every field set, and the period in order. */
export function secondmentDraftProblems(d: { personId: string; toUnitId: string; startsOn: string; endsOn: string; reason: string }):
  ('personId' | 'toUnitId' | 'startsOn' | 'endsOn' | 'endsBeforeStart' | 'reason')[] {
  const problems: ('personId' | 'toUnitId' | 'startsOn' | 'endsOn' | 'endsBeforeStart' | 'reason')[] = [];
  if (!d.personId) problems.push('personId');
  if (!d.toUnitId) problems.push('toUnitId');
  if (!d.startsOn) problems.push('startsOn');
  if (!d.endsOn) problems.push('endsOn');
  if (d.startsOn && d.endsOn && d.endsOn < d.startsOn) problems.push('endsBeforeStart');
  if (d.reason.trim().length < 3) problems.push('reason');
  return problems;
}
