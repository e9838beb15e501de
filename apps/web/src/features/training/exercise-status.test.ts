import { describe, expect, it } from 'vitest';
import { exerciseStatus, exercisesByStatus, forceSide } from './exercise-status.ts';

const ex = (name: string, startsOn: string, endsOn: string) => ({ name, startsOn, endsOn });

describe('joint exercise status by Lima day', () => {
  it('is planned before the first day, under way on every day of the period, over after the last', () => {
    const e = ex('A', '2026-12-01', '2026-12-03');
    expect(exerciseStatus(e, '2026-11-30')).toBe('planned');
    expect(exerciseStatus(e, '2026-12-01')).toBe('under_way');
    expect(exerciseStatus(e, '2026-12-02')).toBe('under_way');
    expect(exerciseStatus(e, '2026-12-03')).toBe('under_way');
    expect(exerciseStatus(e, '2026-12-04')).toBe('over');
  });

  it('a one-day exercise is under way only on its day', () => {
    const e = ex('A', '2026-12-01', '2026-12-01');
    expect(exerciseStatus(e, '2026-11-30')).toBe('planned');
    expect(exerciseStatus(e, '2026-12-01')).toBe('under_way');
    expect(exerciseStatus(e, '2026-12-02')).toBe('over');
  });

  it('groups under way and planned soonest first, and those over most recent first', () => {
    const groups = exercisesByStatus([
      ex('old', '2026-10-01', '2026-10-02'),
      ex('later', '2027-01-10', '2027-01-11'),
      ex('now', '2026-11-28', '2026-11-30'),
      ex('recent', '2026-11-20', '2026-11-21'),
      ex('soon', '2026-12-05', '2026-12-05'),
    ], '2026-11-29');
    expect(groups.under_way.map((e) => e.name)).toEqual(['now']);
    expect(groups.planned.map((e) => e.name)).toEqual(['soon', 'later']);
    expect(groups.over.map((e) => e.name)).toEqual(['recent', 'old']);
    expect(exercisesByStatus([], '2026-11-29')).toEqual({ under_way: [], planned: [], over: [] });
  });

  it('pairs the PNP against the armed forces', () => {
    expect(forceSide('PNP')).toBe('PNP');
    expect(['EP', 'MGP', 'FAP'].map(forceSide)).toEqual(['FFAA', 'FFAA', 'FFAA']);
  });
});
