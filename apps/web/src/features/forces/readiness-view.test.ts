import { describe, expect, it } from 'vitest';
import type { TRegionReadinessRow, TUnitReadiness } from '@enlace/contracts';
import { byDepartment, coursesByMember, parseGaps, percent, pillarOf } from './readiness-view.ts';

const row = (
  department: string,
  force: TRegionReadinessRow['force'],
  byLevel: Partial<TRegionReadinessRow['byLevel']>,
  fresh: Partial<Pick<TRegionReadinessRow, 'withoutResult' | 'oldestComputedAt' | 'newestComputedAt'>> = {},
): TRegionReadinessRow => ({
  department,
  departmentName: `D${department}`,
  force,
  units: Object.values(byLevel).reduce((s, n) => s + n, 0) + (fresh.withoutResult ?? 0),
  byLevel: { C1: 0, C2: 0, C3: 0, C4: 0, C5: 0, ...byLevel },
  withoutResult: fresh.withoutResult ?? 0,
  oldestComputedAt: fresh.oldestComputedAt ?? null,
  newestComputedAt: fresh.newestComputedAt ?? null,
  members: 10,
  qualifiedMembers: 4,
});

describe('readiness view helpers', () => {
  it('reads a pillar share whichever name it is stored under', () => {
    const r = { pillars: { P: { level: 2, share: 0.85, numerator: 17, denominator: 20 }, S: { level: 3, ratio: 0.7 } } } as unknown as TUnitReadiness;
    expect(pillarOf(r, 'P')).toEqual({ level: 2, share: 0.85, numerator: 17, denominator: 20 });
    expect(pillarOf(r, 'S')).toMatchObject({ level: 3, share: 0.7 });
    expect(pillarOf(r, 'T')).toEqual({ level: 4, share: null, numerator: null, denominator: null });
  });

  it('keeps the gaps it understands and counts the others', () => {
    const { items, names, unreadable } = parseGaps([
      { kind: 'COURSES', pillar: 'P', task: null, memberId: 'm1', courses: ['DERECHOS_HUMANOS'], memberName: 'Quispe, Ana' },
      { kind: 'PROCURE', pillar: 'S', category: 'RADIO', withRadio: false, quantity: 2, shortfall: 5 },
      { kind: 'SOMETHING_NEW' },
    ]);
    expect(items.map((i) => i.kind)).toEqual(['COURSES', 'PROCURE']);
    expect(unreadable).toBe(1);
    expect(names).toEqual(new Map([['m1', 'Quispe, Ana']]));
  });

  it('merges a member\'s courses over P and the METs', () => {
    const { items } = parseGaps([
      { kind: 'COURSES', pillar: 'P', task: null, memberId: 'm1', courses: ['DERECHOS_HUMANOS'] },
      { kind: 'COURSES', pillar: 'T', task: 'PUESTO_CONTROL', memberId: 'm1', courses: ['DERECHOS_HUMANOS', 'PERSUASION_NEGOCIACION'] },
      { kind: 'COURSES', pillar: 'P', task: null, memberId: 'm2', courses: ['NORMAS_LEGALES'] },
    ]);
    expect(coursesByMember(items)).toEqual([
      { memberId: 'm1', courses: ['DERECHOS_HUMANOS', 'PERSUASION_NEGOCIACION'], tasks: [null, 'PUESTO_CONTROL'] },
      { memberId: 'm2', courses: ['NORMAS_LEGALES'], tasks: [null] },
    ]);
  });

  it('aggregates the national rows per department for the map', () => {
    const [lima, cusco] = byDepartment([row('15', 'PNP', { C1: 2, C3: 1 }), row('15', 'EP', { C2: 1, C4: 3 }), row('08', 'EP', {})]).sort((a, b) => b.department.localeCompare(a.department));
    expect(lima).toMatchObject({ units: 7, members: 20, qualifiedMembers: 8, readyShare: 3 / 7, typicalLevel: 4 });
    expect(cusco).toMatchObject({ units: 0, readyShare: null, typicalLevel: null });
    expect(percent(3 / 7)).toBe('43 %');
    expect(percent(null)).toBe('—');
  });

  it('counts units without a result apart (not in the ready share) and keeps the oldest and newest computation', () => {
    const [d] = byDepartment([
      row('25', 'PNP', { C1: 1 }, { withoutResult: 2, oldestComputedAt: '2026-11-20T07:00:00.000Z', newestComputedAt: '2026-11-21T07:00:00.000Z' }),
      row('25', 'EP', { C4: 1 }, { withoutResult: 1, oldestComputedAt: '2026-11-01T07:00:00.000Z', newestComputedAt: '2026-11-02T07:00:00.000Z' }),
    ]);
    expect(d).toMatchObject({
      units: 5,
      withoutResult: 3,
      readyShare: 1 / 2,
      oldestComputedAt: '2026-11-01T07:00:00.000Z',
      newestComputedAt: '2026-11-21T07:00:00.000Z',
    });
    const [none] = byDepartment([row('26', 'PNP', {}, { withoutResult: 4 })]);
    expect(none).toMatchObject({ units: 4, withoutResult: 4, readyShare: null, typicalLevel: null, oldestComputedAt: null });
  });
});
