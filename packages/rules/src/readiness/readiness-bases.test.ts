import { describe, expect, it } from 'vitest';
import type { TTask } from '../codes.ts';
import { computeReadiness } from './compute-readiness.ts';
import { personnelStrength, unitTasks } from './prepare-readiness.ts';
import type { TReadinessData } from './prepare-readiness.ts';
import type { TReadinessComputation } from './readiness-result.schema.ts';
import { ZReadinessComputation } from './readiness-result.schema.ts';
import { AS_OF, BASE, certify, testStandard, unitOf } from './readiness-testing.ts';
import { validateUnitTasks } from './validate-unit-tasks.ts';

const std = testStandard();
const run = (data: TReadinessData): TReadinessComputation => ZReadinessComputation.parse(computeReadiness(data, std, { asOf: AS_OF })[0]);

describe('P against the authorized strength (boundaries 90/80/70 of the billets)', () => {
  // 25 members on the roster, 20 billets authorized: the share is of the 20, not of the 25.
  it.each([
    [20, 1], [18, 1], [17, 2], [16, 2], [15, 3], [14, 3], [13, 4], [0, 4],
  ])('%i qualified of 20 authorized (25 on the roster) gives P%i', (qualified, level) => {
    const data = unitOf(25, { authorizedStrength: 20 });
    certify(data, 1, qualified, BASE);
    const r = run(data);
    expect(r.strengthBase).toBe('authorized');
    expect(r.strength).toBe(20);
    expect(r.pillars.P).toMatchObject({ level, numerator: qualified, denominator: 20 });
  });

  it('more qualified members than billets cap the share at 1', () => {
    const data = unitOf(25, { authorizedStrength: 20 });
    certify(data, 1, 25, BASE);
    expect(run(data).pillars.P).toMatchObject({ level: 1, share: 1, numerator: 25, denominator: 20 });
  });

  it.each([
    // [roster, authorized, qualified, level, base]
    [3, null, 3, 1, 'roster'],
    [3, 10, 3, 4, 'authorized'],
    [9, 10, 9, 1, 'authorized'],
    [8, 10, 8, 2, 'authorized'],
    [7, 10, 7, 3, 'authorized'],
    [6, 10, 6, 4, 'authorized'],
    [10, null, 9, 1, 'roster'],
    [10, null, 8, 2, 'roster'],
  ] as const)('a roster of %i with authorized strength %s and %i qualified is P%i (base %s)', (roster, authorized, qualified, level, base) => {
    const data = unitOf(roster, { authorizedStrength: authorized });
    certify(data, 1, qualified, BASE);
    const r = run(data);
    expect(r.pillars.P.level).toBe(level);
    expect(r.strengthBase).toBe(base);
    expect(r.pillars.P.denominator).toBe(authorized ?? roster);
  });

  it('the authorized strength also sizes the per-member equipment requirement', () => {
    const data = unitOf(3, { authorizedStrength: 10 });
    data.equipment.push({ id: 'r', unitId: 'U', category: 'RADIO', quantity: 3, condition: 'serviceable' });
    expect(run(data).pillars.S).toMatchObject({ numerator: 3, denominator: 10, level: 4 });
  });

  it('personnelStrength: the authorized strength when set, the roster otherwise', () => {
    expect(personnelStrength({ unitId: 'U', authorizedStrength: 40 }, 12)).toEqual({ strength: 40, base: 'authorized' });
    expect(personnelStrength({ unitId: 'U', authorizedStrength: null }, 12)).toEqual({ strength: 12, base: 'roster' });
    expect(personnelStrength({ unitId: 'U' }, 12)).toEqual({ strength: 12, base: 'roster' });
  });
});

describe('T and the Y/Q/N list over the unit\'s own tasks (boundaries 85/65/50 of the METs)', () => {
  const allCourses = [...BASE, 'PRIMEROS_AUXILIOS', 'PERSUASION_NEGOCIACION'] as const;
  /** 10 members holding the base courses, patrol (first aid) and checkpoint (negotiation): two METs trained. */
  const trainedForTwo = (tasks: readonly TTask[] | null): TReadinessData => {
    const data = unitOf(10, { tasks });
    certify(data, 1, 10, allCourses);
    data.equipment.push({ id: 'r', unitId: 'U', category: 'RADIO', quantity: 10, condition: 'serviceable' });
    return data;
  };

  it.each([
    // [tasks, trained, total, T level, base]
    [null, 2, 5, 4, 'default'],
    [['PATRULLAJE_CONJUNTO', 'PUESTO_CONTROL'], 2, 2, 1, 'unit'],
    [['PATRULLAJE_CONJUNTO'], 1, 1, 1, 'unit'],
    [['PATRULLAJE_CONJUNTO', 'SEGURIDAD_PERIMETRICA'], 1, 2, 3, 'unit'],
    [['PATRULLAJE_CONJUNTO', 'PUESTO_CONTROL', 'SEGURIDAD_PERIMETRICA'], 2, 3, 2, 'unit'],
    [['PATRULLAJE_CONJUNTO', 'PUESTO_CONTROL', 'SEGURIDAD_PERIMETRICA', 'TRANSPORTE_APOYO'], 2, 4, 3, 'unit'],
    [['PATRULLAJE_CONJUNTO', 'PUESTO_CONTROL', 'SEGURIDAD_PERIMETRICA', 'TRANSPORTE_APOYO', 'PROTECCION_INSTALACION_ESTRATEGICA'], 2, 5, 4, 'unit'],
    [['SEGURIDAD_PERIMETRICA'], 0, 1, 4, 'unit'],
  ] as const)('tasks %j: %i of %i METs trained gives T%i', (tasks, trained, total, level, base) => {
    const r = run(trainedForTwo(tasks));
    expect(r.pillars.T).toMatchObject({ level, numerator: trained, denominator: total });
    expect(r.tasksBase).toBe(base);
    expect(r.mets.map((m) => m.task)).toEqual(tasks ?? std.mets.defaultTasks);
  });

  it('rates Y/Q/N only over the unit\'s tasks', () => {
    const r = run(trainedForTwo(['PUESTO_CONTROL', 'SEGURIDAD_PERIMETRICA']));
    expect(r.mets.map((m) => [m.task, m.rating])).toEqual([['PUESTO_CONTROL', 'Y'], ['SEGURIDAD_PERIMETRICA', 'N']]);
  });

  it('repeats count once; tasks the standard no longer describes are dropped, and none left means the default', () => {
    expect(unitTasks({ unitId: 'U', tasks: ['PUESTO_CONTROL', 'PUESTO_CONTROL'] }, std)).toEqual({ tasks: ['PUESTO_CONTROL'], base: 'unit' });
    expect(unitTasks({ unitId: 'U', tasks: ['INVESTIGACION_CRIMINAL', 'PUESTO_CONTROL'] }, std)).toEqual({ tasks: ['PUESTO_CONTROL'], base: 'unit' });
    expect(unitTasks({ unitId: 'U', tasks: ['INVESTIGACION_CRIMINAL'] }, std)).toEqual({ tasks: std.mets.defaultTasks, base: 'default' });
    expect(unitTasks({ unitId: 'U', tasks: [] }, std).base).toBe('default');
  });

  it('validateUnitTasks accepts tasks the standard describes and refuses others by code', () => {
    expect(validateUnitTasks(null, std)).toEqual({ ok: true, tasks: null });
    expect(validateUnitTasks(['PUESTO_CONTROL', 'PUESTO_CONTROL'], std)).toEqual({ ok: true, tasks: ['PUESTO_CONTROL'] });
    const bad = validateUnitTasks(['PUESTO_CONTROL', 'INVESTIGACION_CRIMINAL', 'NOPE'], std);
    expect(bad).toMatchObject({ ok: false, code: 'UNIT_TASK_NOT_IN_STANDARD', unknown: ['INVESTIGACION_CRIMINAL', 'NOPE'] });
  });
});

describe('C5 under a directed resource action', () => {
  it('makes the overall level 5 with the reason, whatever the pillars would be', () => {
    const data = unitOf(10, { directedResourceAction: true, directedResourceRemark: 'Reorganización ordenada por RD 123-2026' });
    certify(data, 1, 10, [...BASE, 'PRIMEROS_AUXILIOS']);
    const r = run(data);
    expect(r).toMatchObject({ level: 5, directedResourceAction: true, directedResourceRemark: 'Reorganización ordenada por RD 123-2026', gaps: null });
    expect(r.mets.every((m) => m.rating === 'N')).toBe(true);
  });

  it('without the flag the remark is ignored and the level is computed', () => {
    const data = unitOf(10, { directedResourceAction: false, directedResourceRemark: 'old' });
    const r = run(data);
    expect(r.level).toBe(4);
    expect(r.directedResourceRemark).toBeNull();
  });
});
