/**
 * Calendar arithmetic of the training calendar, on ISO dates (YYYY-MM-DD, Lima calendar days). Weeks start on
 * Monday, as in Peru. Pure: no clock, no time zone.
 */

const DAY_MS = 86_400_000;
const toDay = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const toIso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (iso: string, days: number): string => toIso(toDay(iso) + days);

/** Monday of the week holding `iso`. */
export function startOfWeek(iso: string): string {
  const day = toDay(iso);
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  return toIso(day - weekday);
}

/** The seven days of the week holding `iso`, Monday first. */
export const weekOf = (iso: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(iso), i));

/** First day of the month of `iso`, moved by `months`. */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  return toIso(Date.UTC(y + Math.floor(m / 12), ((m % 12) + 12) % 12, 1) / DAY_MS);
}

/** The weeks (Monday-first rows of seven days) covering the month of `iso`, with the neighbouring days. */
export function monthGrid(iso: string): string[][] {
  const first = addMonths(iso, 0);
  const next = addMonths(iso, 1);
  const weeks: string[][] = [];
  for (let monday = startOfWeek(first); monday < next; monday = addDays(monday, 7)) weeks.push(weekOf(monday));
  return weeks;
}

/** Whether an inclusive period touches a day. */
export const covers = (period: { startsOn: string; endsOn: string }, day: string): boolean => period.startsOn <= day && day <= period.endsOn;

/** The items touching each day, in start order. */
export function itemsByDay<T extends { startsOn: string; endsOn: string }>(items: readonly T[], days: readonly string[]): Map<string, T[]> {
  const sorted = [...items].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn));
  return new Map(days.map((day) => [day, sorted.filter((item) => covers(item, day))]));
}

export { limaToday } from '../../app/lima-time.ts';
