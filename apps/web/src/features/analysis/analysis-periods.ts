/** Pure date logic of the evaluation tab: period t + 1 follows period t (yyyy-mm-dd local dates, both inclusive). */

const DAY = 86_400_000;
const toDays = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;
const fromDays = (days: number): string => new Date(days * DAY).toISOString().slice(0, 10);
const isDate = (date: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(date) && Number.isFinite(toDays(date));

/** Days in an inclusive period, or null when either end is missing or the period runs backwards. */
export function periodDays(from: string, to: string): number | null {
  if (!isDate(from) || !isDate(to)) return null;
  const days = toDays(to) - toDays(from) + 1;
  return days >= 1 ? days : null;
}

/** Period t + 1: as long as t and starting the day after t ends. Null when t is not a valid period. */
export function followingPeriod(from: string, to: string): { from: string; to: string } | null {
  const days = periodDays(from, to);
  if (days === null) return null;
  const end = toDays(to);
  return { from: fromDays(end + 1), to: fromDays(end + days) };
}

/** Why a test period cannot be used to score maps built on t, or null when it can. */
export function testPeriodProblem(train: { from: string; to: string }, test: { from: string; to: string }): 'missing' | 'reversed' | 'overlaps' | null {
  if (!isDate(test.from) || !isDate(test.to)) return 'missing';
  if (test.from > test.to) return 'reversed';
  if (isDate(train.to) && test.from <= train.to) return 'overlaps';
  return null;
}
