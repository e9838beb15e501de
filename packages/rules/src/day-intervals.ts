import { dateOf } from './dates.ts';

/** An inclusive range of Lima day numbers. */
export interface TDayInterval {
  readonly from: number;
  readonly to: number;
}

/** Sorts and merges touching or overlapping intervals (day 5-6 and 7-9 become 5-9). */
export function mergeIntervals(intervals: readonly TDayInterval[]): TDayInterval[] {
  // Most calls in an evaluation pass none or one: answered without sorting.
  if (intervals.length < 2) {
    const only = intervals[0];
    return only && only.to >= only.from ? [only] : [];
  }
  const sorted = intervals.filter((i) => i.to >= i.from).sort((a, b) => a.from - b.from);
  const out: TDayInterval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.from <= last.to + 1) out[out.length - 1] = { from: last.from, to: Math.max(last.to, i.to) };
    else out.push(i);
  }
  return out;
}

/** The days of `base` not in any of `holes` (both inclusive). */
export function subtractIntervals(base: TDayInterval, holes: readonly TDayInterval[]): TDayInterval[] {
  const out: TDayInterval[] = [];
  let cursor = base.from;
  for (const h of mergeIntervals(holes)) {
    if (h.to < cursor) continue;
    if (h.from > base.to) break;
    if (h.from > cursor) out.push({ from: cursor, to: h.from - 1 });
    cursor = Math.max(cursor, h.to + 1);
    if (cursor > base.to) break;
  }
  if (cursor <= base.to) out.push({ from: cursor, to: base.to });
  return out;
}

/** The intersection of two intervals, or null. */
export function intersectInterval(a: TDayInterval, b: TDayInterval): TDayInterval | null {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from <= to ? { from, to } : null;
}

/** The intersection of two sets of intervals. */
export function intersectIntervals(a: readonly TDayInterval[], b: readonly TDayInterval[]): TDayInterval[] {
  const out: TDayInterval[] = [];
  for (const x of mergeIntervals(a)) {
    for (const y of mergeIntervals(b)) {
      const both = intersectInterval(x, y);
      if (both) out.push(both);
    }
  }
  return mergeIntervals(out);
}

/** "2025-11-21" or "2025-11-21/2025-11-23" (ISO 8601 interval), comma-separated. */
export function formatIntervals(intervals: readonly TDayInterval[]): string {
  return mergeIntervals(intervals)
    .map((i) => (i.from === i.to ? dateOf(i.from) : `${dateOf(i.from)}/${dateOf(i.to)}`))
    .join(', ');
}
