import { describe, expect, it } from 'vitest';
import { ZIsoDateOrDateTime, addDays, dateOf, dayOf, inclusiveDays, instantOf, limaDayOf, periodDays } from './dates.ts';
import { formatIntervals, intersectIntervals, mergeIntervals, subtractIntervals } from './day-intervals.ts';

describe('Lima calendar', () => {
  it('round-trips dates through day numbers, across month and leap-year ends', () => {
    for (const d of ['2025-10-22', '2024-02-29', '2025-12-31', '2026-01-01']) expect(dateOf(dayOf(d))).toBe(d);
    expect(addDays('2025-11-20', 1)).toBe('2025-11-21');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('counts an inclusive validity: 22 Oct to 20 Nov is 30 days, 1 Nov to 30 Dec is 60', () => {
    expect(inclusiveDays('2025-10-22', '2025-11-20')).toBe(30);
    expect(inclusiveDays('2025-11-01', '2025-12-30')).toBe(60);
    expect(inclusiveDays('2025-11-01', '2025-12-31')).toBe(61);
  });

  it.each([
    ['2025-11-05T23:30:00-05:00', '2025-11-05'],
    ['2025-11-06T04:30:00Z', '2025-11-05'],
    ['2025-11-06T05:00:00Z', '2025-11-06'],
    ['2025-11-05T23:30:00', '2025-11-05'],
    ['2025-11-05T23:30', '2025-11-05'],
    ['2025-11-05', '2025-11-05'],
  ])('puts %s on Lima day %s', (value, day) => {
    expect(dateOf(limaDayOf(value))).toBe(day);
  });

  it('reads a date-time without an offset as Lima time', () => {
    expect(instantOf('2025-11-05T10:00:00')).toBe(instantOf('2025-11-05T10:00:00-05:00'));
    expect(instantOf('2025-11-05T10:00:00.250+00:00')).toBe(Date.UTC(2025, 10, 5, 10, 0, 0, 250));
  });
});

describe('ZIsoDateOrDateTime', () => {
  it.each([
    ['2025-11-05', true],
    ['2025-11-05T08:00', true],
    ['2025-11-05T08:00:00-05:00', true],
    ['2025-11-05T08:00:00.123Z', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-11-05T24:00', false],
    ['2025-11-05T08:60', false],
    ['2025-11-05T08:00:00-25:00', false],
    ['05/11/2025', false],
    ['2025-11-05 08:00', false],
  ])('%s valid: %s', (value, valid) => {
    expect(ZIsoDateOrDateTime.safeParse(value).success).toBe(valid);
  });

  it('gives one message for a wrong value', () => {
    expect(ZIsoDateOrDateTime.safeParse('mañana').error?.issues).toHaveLength(1);
  });
});

describe('periodDays', () => {
  const days = (start: string, end: string): string | null => {
    const p = periodDays(start, end);
    return p ? `${dateOf(p.firstDay)}..${dateOf(p.lastDay)}` : null;
  };
  it.each([
    ['a date end is the whole day', '2025-11-19', '2025-11-23', '2025-11-19..2025-11-23'],
    ['a night shift touches two days', '2025-11-05T18:00:00-05:00', '2025-11-06T02:00:00-05:00', '2025-11-05..2025-11-06'],
    ['an end at midnight does not touch the next day', '2025-11-05T08:00:00-05:00', '2025-11-06T00:00:00-05:00', '2025-11-05..2025-11-05'],
    ['an instant period is one day', '2025-11-05T08:00:00-05:00', '2025-11-05T08:00:00-05:00', '2025-11-05..2025-11-05'],
    ['an end before the start is refused', '2025-11-05T08:00:00-05:00', '2025-11-05T07:59:59-05:00', null],
    ['a date end before a date start is refused', '2025-11-05', '2025-11-04', null],
  ])('%s', (_name, start, end, expected) => {
    expect(days(start, end)).toBe(expected);
  });
});

describe('day intervals', () => {
  it('merges touching intervals and subtracts holes, naming a one-day gap', () => {
    expect(mergeIntervals([{ from: 7, to: 9 }, { from: 1, to: 3 }, { from: 4, to: 5 }])).toEqual([{ from: 1, to: 5 }, { from: 7, to: 9 }]);
    expect(subtractIntervals({ from: 1, to: 10 }, [{ from: 1, to: 4 }, { from: 6, to: 10 }])).toEqual([{ from: 5, to: 5 }]);
    expect(subtractIntervals({ from: 1, to: 10 }, [])).toEqual([{ from: 1, to: 10 }]);
    expect(subtractIntervals({ from: 1, to: 10 }, [{ from: 0, to: 11 }])).toEqual([]);
    expect(intersectIntervals([{ from: 1, to: 5 }], [{ from: 4, to: 9 }])).toEqual([{ from: 4, to: 5 }]);
    const d = dayOf('2025-11-21');
    expect(formatIntervals([{ from: d, to: d }, { from: d + 2, to: d + 3 }])).toBe('2025-11-21, 2025-11-23/2025-11-24');
  });
});
