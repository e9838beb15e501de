import { describe, expect, it } from 'vitest';
import type { TJointExercise } from '@enlace/contracts';
import { exerciseBases, exerciseDays } from './exercise-bases.ts';

const labels = { agency: 'EP', classification: 'PUBLICO', exercise: true, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' } as const;
const unit = (force: string, n: number) => ({ unitId: `00000000-0000-4000-8000-00000000000${n}`, force, name: `${force} ${n}`, role: 'apoyo' });
const exercise = (name: string, startsOn: string, endsOn: string, o: Partial<TJointExercise> = {}): TJointExercise => ({
  id: `10000000-0000-4000-8000-${name.padStart(12, '0')}`,
  name,
  scenario: 'Control de multitudes',
  startsOn,
  endsOn,
  ubigeo: '150112',
  units: [unit('PNP', 1), unit('EP', 2)],
  evaluation: null,
  lessons: [],
  ...labels,
  ...o,
});

describe('joint exercises offered as the basis of an agreement', () => {
  const today = '2026-05-10';

  it('offers the exercises not over yet, soonest first, the one ending today included', () => {
    const offered = exerciseBases(
      [exercise('3', '2026-06-01', '2026-06-02'), exercise('1', '2026-05-01', '2026-05-09'), exercise('2', '2026-05-08', '2026-05-10')],
      { owner: 'PNP', recipient: 'EP', today },
    );
    expect(offered.map((e) => e.name)).toEqual(['2', '3']);
  });

  it('leaves out an exercise without a district or without units of both agencies', () => {
    const all = [
      exercise('1', '2026-05-20', '2026-05-21', { ubigeo: null }),
      exercise('2', '2026-05-20', '2026-05-21', { units: [unit('PNP', 1), unit('MGP', 3)] }),
      exercise('3', '2026-05-20', '2026-05-21'),
    ];
    expect(exerciseBases(all, { owner: 'PNP', recipient: 'EP', today }).map((e) => e.name)).toEqual(['3']);
    expect(exerciseBases(all, { owner: 'PNP', recipient: 'MGP', today }).map((e) => e.name)).toEqual(['2']);
    expect(exerciseBases(all, { owner: 'PNP', recipient: 'CCFFAA', today })).toEqual([]);
  });

  it('writes one day once and a span as first – last', () => {
    expect(exerciseDays({ startsOn: '2026-05-20', endsOn: '2026-05-20' })).toBe('2026-05-20');
    expect(exerciseDays({ startsOn: '2026-05-20', endsOn: '2026-05-22' })).toBe('2026-05-20 – 2026-05-22');
  });
});
