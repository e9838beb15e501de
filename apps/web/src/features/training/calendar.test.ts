import { describe, expect, it } from 'vitest';
import { addMonths, covers, itemsByDay, limaToday, monthGrid, startOfWeek, weekOf } from './calendar.ts';

describe('training calendar arithmetic', () => {
  it('weeks start on Monday', () => {
    expect(startOfWeek('2026-11-28')).toBe('2026-11-23'); // a Saturday
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23');
    expect(startOfWeek('2026-11-29')).toBe('2026-11-23'); // Sunday belongs to the week before
    expect(weekOf('2026-12-31')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it('moves between months across years', () => {
    expect(addMonths('2026-11-28', 0)).toBe('2026-11-01');
    expect(addMonths('2026-11-28', 2)).toBe('2027-01-01');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-01');
  });

  it('a month grid covers every day of the month in whole weeks', () => {
    const grid = monthGrid('2026-02-10');
    expect(grid.every((w) => w.length === 7)).toBe(true);
    const days = grid.flat();
    expect(days[0]).toBe('2026-01-26');
    expect(days).toContain('2026-02-01');
    expect(days).toContain('2026-02-28');
    expect(days.at(-1)).toBe('2026-03-01');
    expect(monthGrid('2026-11-01')).toHaveLength(6);
  });

  it('places multi-day sessions on every day they cover, in start order', () => {
    const sessions = [
      { id: 'b', startsOn: '2026-11-24', endsOn: '2026-11-24' },
      { id: 'a', startsOn: '2026-11-23', endsOn: '2026-11-25' },
    ];
    const byDay = itemsByDay(sessions, weekOf('2026-11-23'));
    expect(byDay.get('2026-11-23')?.map((s) => s.id)).toEqual(['a']);
    expect(byDay.get('2026-11-24')?.map((s) => s.id)).toEqual(['a', 'b']);
    expect(byDay.get('2026-11-26')).toEqual([]);
    expect(covers({ startsOn: '2026-11-23', endsOn: '2026-11-25' }, '2026-11-25')).toBe(true);
  });

  it("today is the Lima day (UTC-5)", () => {
    expect(limaToday(new Date('2026-11-29T04:59:00Z'))).toBe('2026-11-28');
    expect(limaToday(new Date('2026-11-29T05:00:00Z'))).toBe('2026-11-29');
  });
});
