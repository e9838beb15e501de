import { z } from 'zod';

/**
 * Calendar arithmetic in America/Lima. Peru has kept UTC-5 without daylight saving since 1994, so a fixed offset is
 * exact for every date the platform handles; no time-zone database is needed (and none is available in a browser
 * without Intl quirks).
 *
 * Days are handled as integers (days since 1970-01-01 of the Lima calendar): intervals of days are cheap to intersect
 * and a validity `validTo` is simply inclusive.
 */

const DAY_MS = 86_400_000;
const LIMA_OFFSET_MS = -5 * 3_600_000;

/** An ISO calendar date `YYYY-MM-DD` (a whole day in America/Lima). */
export const ZIsoDate = z.iso.date();
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;
const DATE_OR_DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Whether the fields of a date or date-time that matched the pattern name a real moment (no 30 February, no 25:00). */
function isRealMoment(value: string): boolean {
  if (!DATE_OR_DATE_TIME_RE.test(value)) return true; // the pattern reports it
  const [y, mo, d, h, mi, s] = value.split(/[-T:.Z+]/).map(Number);
  const date = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1));
  const dateOk = date.getUTCFullYear() === y && date.getUTCMonth() + 1 === mo && date.getUTCDate() === d;
  const zone = /([+-])(\d{2}):(\d{2})$/.exec(value.slice(10));
  const zoneOk = !zone || (Number(zone[2]) <= 14 && Number(zone[3]) < 60);
  return dateOk && zoneOk && (h === undefined || (h < 24 && (mi ?? 0) < 60 && (s ?? 0) < 60));
}

/**
 * A date (the whole day in Lima) or a date-time; a date-time without an offset is read as America/Lima local time.
 * One pattern rather than a union, so that a wrong value gets one clear message.
 */
export const ZIsoDateOrDateTime = z
  .string()
  .regex(DATE_OR_DATE_TIME_RE, 'an ISO date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm[:ss][±hh:mm|Z])')
  .refine(isRealMoment, 'not a real date or time');

/** True when the string is a date without a time. */
export const isDateOnly = (value: string): boolean => DATE_RE.test(value);

/** Memo of `dayOf`: certificates of a 1,000-member unit repeat a handful of dates. Bounded, and pure all the same. */
const dayCache = new Map<string, number>();

/** The day number of an ISO date `YYYY-MM-DD`. Throws on anything else (inputs are validated by the schemas first). */
export function dayOf(isoDate: string): number {
  const cached = dayCache.get(isoDate);
  if (cached !== undefined) return cached;
  const m = DATE_RE.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date: ${isoDate}`);
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  if (dayCache.size >= 10_000) dayCache.clear();
  dayCache.set(isoDate, day);
  return day;
}

/** Memo of `dateOf`: evaluations format the same few days again and again. Bounded, and pure all the same. */
const dateCache = new Map<number, string>();

/** The ISO date `YYYY-MM-DD` of a day number. */
export function dateOf(day: number): string {
  let date = dateCache.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dateCache.size >= 10_000) dateCache.clear();
    dateCache.set(day, date);
  }
  return date;
}

/** Adds whole days to an ISO date. */
export const addDays = (isoDate: string, days: number): string => dateOf(dayOf(isoDate) + days);

/** Milliseconds since the epoch of an ISO date-time; a date-time without an offset is Lima local time. */
export function instantOf(isoDateTime: string): number {
  const m = DATE_TIME_RE.exec(isoDateTime);
  if (!m) throw new RangeError(`not an ISO date-time: ${isoDateTime}`);
  const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  return wall + Math.floor(fraction) - offsetMs(m[8]);
}

function offsetMs(zone: string | undefined): number {
  if (zone === undefined) return LIMA_OFFSET_MS;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}

/** The Lima calendar day holding an instant. */
export const limaDayOfInstant = (ms: number): number => Math.floor((ms + LIMA_OFFSET_MS) / DAY_MS);

/** The first instant of a Lima day. */
const startOfLimaDay = (day: number): number => day * DAY_MS - LIMA_OFFSET_MS;

/** The Lima day of a date or date-time (for `asOf` and "today"). */
export function limaDayOf(value: string): number {
  return isDateOnly(value) ? dayOf(value) : limaDayOfInstant(instantOf(value));
}

/** A period as instants (end exclusive) and as the inclusive range of Lima days it touches. */
export interface TPeriodDays {
  readonly startMs: number;
  readonly endMs: number;
  readonly firstDay: number;
  readonly lastDay: number;
}

/**
 * The Lima days a period touches. A date start means 00:00 of that day; a date end means the whole day (inclusive,
 * like `validTo`). A date-time end is the instant the task ends: a task ending at 00:00 does not touch the new day.
 * Returns null when the end is before the start.
 */
export function periodDays(start: string, end: string): TPeriodDays | null {
  const startMs = isDateOnly(start) ? startOfLimaDay(dayOf(start)) : instantOf(start);
  const endMs = isDateOnly(end) ? startOfLimaDay(dayOf(end) + 1) : instantOf(end);
  // A date end covers its whole day, so it must end after the start; a date-time end may equal the start.
  if (endMs < startMs || (isDateOnly(end) && endMs <= startMs)) return null;
  const firstDay = limaDayOfInstant(startMs);
  const lastDay = endMs > startMs ? limaDayOfInstant(endMs - 1) : firstDay;
  return { startMs, endMs, firstDay, lastDay };
}

/** Number of days of an inclusive validity. */
export const inclusiveDays = (validFrom: string, validTo: string): number => dayOf(validTo) - dayOf(validFrom) + 1;
