import { describe, expect, it } from 'vitest';
import { computeReadiness, computeUnitReadiness } from './compute-readiness.ts';
import { DEFAULT_READINESS_STANDARD } from './default-readiness-standard.ts';
import type { TReadinessComputation } from './readiness-result.schema.ts';
import { ZReadinessComputation } from './readiness-result.schema.ts';
import { ZReadinessStandard } from './readiness-standard.schema.ts';
import { AS_OF, BASE, certify, testStandard, unitOf } from './readiness-testing.ts';
import { EQUIPMENT_CATEGORIES, TASKS, TRAINING_AREAS } from '../codes.ts';
import { FORCES_EQUIPMENT_CATEGORIES, COURSE_AREAS } from '@enlace/contracts';

const std = testStandard();
const run = (data: Parameters<typeof computeReadiness>[0], options: { asOf?: string; targetLevel?: 1 | 2 | 3 } = {}): TReadinessComputation => {
  const [r] = computeReadiness(data, std, { asOf: options.asOf ?? AS_OF, ...(options.targetLevel ? { targetLevel: options.targetLevel } : {}) });
  return ZReadinessComputation.parse(r);
};

describe('the readiness standard', () => {
  it('the default standard is valid data with a reference for every part', () => {
    expect(ZReadinessStandard.safeParse(DEFAULT_READINESS_STANDARD).success).toBe(true);
    const keys = Object.keys(DEFAULT_READINESS_STANDARD.references);
    expect(keys).toContain(DEFAULT_READINESS_STANDARD.levels.P.ref);
    expect(DEFAULT_READINESS_STANDARD.levels.P.min).toEqual([0.9, 0.8, 0.7]);
  });

  it('describes a MET for every task the FF.AA. may perform in support of the PNP', () => {
    const described = Object.keys(DEFAULT_READINESS_STANDARD.mets.tasks).sort();
    expect(described).toEqual(TASKS.filter((t) => t !== 'INVESTIGACION_CRIMINAL').sort());
  });

  it('uses the same course and equipment codes as the forces records', () => {
    expect([...COURSE_AREAS].sort()).toEqual([...TRAINING_AREAS].sort());
    expect([...FORCES_EQUIPMENT_CATEGORIES].sort()).toEqual([...EQUIPMENT_CATEGORIES].sort());
  });

  it.each([
    ['an unknown reference', { levels: { ...DEFAULT_READINESS_STANDARD.levels, P: { min: [0.9, 0.8, 0.7], ref: 'nowhere' } } }],
    ['increasing boundaries', { levels: { ...DEFAULT_READINESS_STANDARD.levels, S: { min: [0.7, 0.8, 0.9], ref: 'usr' } } }],
    ['a default task without a MET', { mets: { ...DEFAULT_READINESS_STANDARD.mets, defaultTasks: ['INVESTIGACION_CRIMINAL'] } }],
  ])('refuses a standard with %s', (_name, change) => {
    expect(ZReadinessStandard.safeParse({ ...DEFAULT_READINESS_STANDARD, ...change }).success).toBe(false);
  });
});

describe('pillar levels at each boundary (default boundaries: P 90/80/70, S 90/80/65, R 90/70/60)', () => {
  // 100 members, so that a count is a percentage.
  it.each([
    [90, 1], [89, 2], [80, 2], [79, 3], [70, 3], [69, 4], [0, 4], [100, 1],
  ])('P: %i of 100 members qualified gives P%i', (qualified, level) => {
    const data = unitOf(100);
    certify(data, 1, qualified, BASE);
    // A member holding only one of the two courses is not qualified.
    if (qualified < 100) certify(data, qualified + 1, 100, ['DERECHOS_HUMANOS']);
    const r = run(data);
    expect(r.pillars.P).toMatchObject({ level, numerator: qualified, denominator: 100 });
  });

  it.each([
    [90, 1], [89, 2], [80, 2], [79, 3], [65, 3], [64, 4], [0, 4],
  ])('S: %i of 100 required radios on hand gives S%i', (onHand, level) => {
    const data = unitOf(100);
    if (onHand > 0) data.equipment.push({ id: 'r', unitId: 'U', category: 'RADIO', quantity: onHand, condition: 'serviceable' });
    expect(run(data).pillars.S.level).toBe(level);
  });

  it('S: a surplus of one category does not make up for another', () => {
    const data = unitOf(10);
    data.equipment.push({ id: 'r', unitId: 'U', category: 'RADIO', quantity: 50, condition: 'serviceable' });
    const s = computeUnitReadiness(
      data.units[0] as { unitId: string },
      data,
      testStandard({
        equipment: [
          { category: 'RADIO', perMember: 1, ref: 'cssu' },
          { category: 'BASTON', perMember: 1, ref: 'cssu' },
        ],
      }),
      { asOf: AS_OF },
    ).pillars.S;
    expect(s).toMatchObject({ numerator: 10, denominator: 20, level: 4 });
  });

  it.each([
    [90, 1], [89, 2], [70, 2], [69, 3], [60, 3], [59, 4],
  ])('R: %i of 100 radios on hand serviceable gives R%i', (serviceable, level) => {
    const data = unitOf(100);
    data.equipment.push({ id: 'ok', unitId: 'U', category: 'RADIO', quantity: serviceable, condition: 'serviceable' });
    data.equipment.push({ id: 'bad', unitId: 'U', category: 'RADIO', quantity: 100 - serviceable, condition: 'in_repair' });
    const r = run(data);
    expect(r.pillars.S.level).toBe(1);
    expect(r.pillars.R.level).toBe(level);
  });

  // T with boundaries 80/60/40 and five METs, so that every boundary is hit exactly.
  const tStd = testStandard({ levels: { ...DEFAULT_READINESS_STANDARD.levels, T: { min: [0.8, 0.6, 0.4], ref: 'usrT' } } });
  const metCourses = ['PRIMEROS_AUXILIOS', 'PERSUASION_NEGOCIACION', 'SEGURIDAD_DE_LA_FUERZA', 'ANALISIS_LEGAL_OPERACIONES', 'INTELIGENCIA_POLICIAL'] as const;
  it.each([
    [5, 1], [4, 1], [3, 2], [2, 3], [1, 4], [0, 4],
  ])('T: %i of 5 METs trained gives T%i', (trained, level) => {
    const data = unitOf(20);
    certify(data, 1, 20, [...BASE, ...metCourses.slice(0, trained)]);
    const [r] = computeReadiness(data, tStd, { asOf: AS_OF });
    expect(r?.pillars.T).toMatchObject({ level, numerator: trained, denominator: 5 });
  });

  it.each([
    [6, 1], [5, 2], [4, 3], [3, 4],
  ])('T with the default boundaries (85/65/50): %i of 7 METs trained gives T%i', (trained, level) => {
    const data = unitOf(10);
    const sets: Record<number, readonly (typeof TRAINING_AREAS)[number][]> = {
      // PATRULLAJE, TRANSPORTE need PRIMEROS_AUXILIOS; PUESTO needs PERSUASION; three protection METs need SEGURIDAD;
      // CONTROL_MULTITUDES needs PERSUASION + ANALISIS_CRISIS.
      3: ['SEGURIDAD_DE_LA_FUERZA'],
      4: ['SEGURIDAD_DE_LA_FUERZA', 'PERSUASION_NEGOCIACION'],
      5: ['SEGURIDAD_DE_LA_FUERZA', 'PRIMEROS_AUXILIOS'],
      6: ['SEGURIDAD_DE_LA_FUERZA', 'PRIMEROS_AUXILIOS', 'PERSUASION_NEGOCIACION'],
    };
    certify(data, 1, 10, [...DEFAULT_READINESS_STANDARD.personnel.courses, ...(sets[trained] ?? [])]);
    const [r] = computeReadiness(data, DEFAULT_READINESS_STANDARD, { asOf: AS_OF });
    expect(r?.mets.filter((m) => m.trained)).toHaveLength(trained);
    expect(r?.pillars.T.level).toBe(level);
  });

  it.each([
    [85, true], [84, false],
  ])('a MET is trained and current with %i of 100 members holding its courses: %s', (holders, trained) => {
    const data = unitOf(100);
    certify(data, 1, holders, [...BASE, 'PRIMEROS_AUXILIOS']);
    const r = run(data);
    expect(r.mets.find((m) => m.task === 'PATRULLAJE_CONJUNTO')?.trained).toBe(trained);
  });
});

describe('certificates in America/Lima days', () => {
  const oneMember = (cert: { validUntil: string; validFrom?: string; revoked?: boolean }) => {
    const data = unitOf(1);
    data.certificates.push({ memberId: 'm1', course: 'DERECHOS_HUMANOS', ...cert });
    data.certificates.push({ memberId: 'm1', course: 'MARCO_LEGAL_USO_FUERZA', validUntil: '2030-01-01' });
    return data;
  };
  it.each([
    ['on its expiry date', '2026-11-28', 1],
    ['the day after its expiry date', '2026-11-29', 0],
    ['at 23:59 Lima time of its expiry date (04:59 UTC the next day)', '2026-11-29T04:59:00Z', 1],
    ['at 00:00 Lima time the day after (05:00 UTC)', '2026-11-29T05:00:00Z', 0],
    ['a date-time without offset is Lima time', '2026-11-28T23:59', 1],
  ])('a certificate valid through 2026-11-28 %s (asOf %s) counts %i', (_name, asOf, counted) => {
    expect(run(oneMember({ validUntil: '2026-11-28' }), { asOf }).pillars.P.numerator).toBe(counted);
  });

  it('a certificate counts from its first day only', () => {
    expect(run(oneMember({ validUntil: '2027-11-28', validFrom: '2026-11-29' })).pillars.P.numerator).toBe(0);
    expect(run(oneMember({ validUntil: '2027-11-28', validFrom: '2026-11-28' })).pillars.P.numerator).toBe(1);
  });

  it('a revoked certificate never counts', () => {
    expect(run(oneMember({ validUntil: '2027-11-28', revoked: true })).pillars.P.numerator).toBe(0);
  });
});

describe('strength, statuses and the overall level', () => {
  it('members on leave do not fill billets; the authorized strength is the denominator when given', () => {
    const data = unitOf(10, { authorizedStrength: 12 });
    certify(data, 1, 10, BASE);
    (data.members[0] as { status: string }).status = 'on_leave';
    (data.members[1] as { status: string }).status = 'deployed';
    const r = run(data);
    expect(r.countedMembers).toBe(9);
    expect(r.pillars.P).toMatchObject({ numerator: 9, denominator: 12, level: 3 });
  });

  it('C is the worst pillar', () => {
    const data = unitOf(10);
    certify(data, 1, 10, [...BASE, 'PRIMEROS_AUXILIOS', 'PERSUASION_NEGOCIACION', 'SEGURIDAD_DE_LA_FUERZA', 'ANALISIS_LEGAL_OPERACIONES', 'INTELIGENCIA_POLICIAL']);
    data.equipment.push({ id: 'r', unitId: 'U', category: 'RADIO', quantity: 7, condition: 'serviceable' });
    const r = run(data);
    expect([r.pillars.P.level, r.pillars.S.level, r.pillars.R.level, r.pillars.T.level]).toEqual([1, 3, 1, 1]);
    expect(r.level).toBe(3);
    // Training complete, 70 % of the radios: every MET is a qualified yes.
    expect(r.mets.every((m) => m.rating === 'Q')).toBe(true);
  });

  it('a directed resource action makes every level 5 and lists no gaps', () => {
    const data = unitOf(10, { directedResourceAction: true });
    const r = run(data);
    expect(r.level).toBe(5);
    expect([r.pillars.P.level, r.pillars.S.level, r.pillars.R.level, r.pillars.T.level]).toEqual([5, 5, 5, 5]);
    expect(r.gaps).toBeNull();
  });

  it('rates METs Y / Q / N from the training and serviceable-equipment shares', () => {
    const data = unitOf(10);
    certify(data, 1, 9, [...BASE, 'PRIMEROS_AUXILIOS']); // patrol: 90 %
    certify(data, 1, 7, ['PERSUASION_NEGOCIACION']); // checkpoint: 70 %
    certify(data, 1, 6, ['SEGURIDAD_DE_LA_FUERZA']); // facility: 60 %
    data.equipment.push({ id: 'r', unitId: 'U', category: 'RADIO', quantity: 10, condition: 'serviceable' });
    const rating = Object.fromEntries(run(data).mets.map((m) => [m.task, m.rating]));
    expect(rating).toMatchObject({ PATRULLAJE_CONJUNTO: 'Y', PUESTO_CONTROL: 'Q', PROTECCION_INSTALACION_ESTRATEGICA: 'N' });
  });

  it('lethal weapons beyond the share or without designation break compliance and keep METs from Y', () => {
    const data = unitOf(10);
    certify(data, 1, 10, [...BASE, 'PRIMEROS_AUXILIOS']);
    data.equipment.push({ id: 'r', unitId: 'U', category: 'RADIO', quantity: 10, condition: 'serviceable' });
    data.members[0] = { ...(data.members[0] as (typeof data.members)[number]), designatedLethal: true };
    for (const m of ['m1', 'm2', 'm3']) data.equipment.push({ id: `f-${m}`, unitId: 'U', category: 'FUSIL', quantity: 1, condition: 'serviceable', assignedTo: m });
    const r = run(data);
    expect(r.lethal).toEqual({ carriers: 3, allowed: 2, undesignated: ['m2', 'm3'], compliant: false });
    expect(r.mets.find((m) => m.task === 'PATRULLAJE_CONJUNTO')?.rating).toBe('Q');
  });

  it('computes many units in one pass, ignoring rows of other units', () => {
    const a = unitOf(10);
    certify(a, 1, 10, BASE);
    const data = {
      units: [{ unitId: 'U' }, { unitId: 'V' }],
      members: [...a.members, { id: 'v1', unitId: 'V', status: 'available' as const }],
      certificates: [...a.certificates, { memberId: 'ghost', course: 'DERECHOS_HUMANOS' as const, validUntil: '2030-01-01' }],
      equipment: [{ id: 'x', unitId: 'W', category: 'RADIO' as const, quantity: 5, condition: 'serviceable' as const }],
    };
    const [u, v] = computeReadiness(data, std, { asOf: AS_OF });
    expect(u?.pillars.P.numerator).toBe(10);
    expect(v?.pillars.P).toMatchObject({ numerator: 0, denominator: 1 });
    expect(v?.pillars.S.numerator).toBe(0);
  });
});

describe('gap lists', () => {
  it('P: names who must take which course, cheapest members first, and the billets training cannot fill', () => {
    const data = unitOf(10, { authorizedStrength: 11 });
    certify(data, 1, 7, BASE);
    certify(data, 8, 8, ['DERECHOS_HUMANOS']); // m8 misses one course
    // m9 and m10 miss both.
    const r = run(data, { targetLevel: 2 });
    // P2 needs 9 of 11 (8.8 rounded up): m8 (one course) and m9 (two).
    expect(r.gaps?.summary.find((s) => s.pillar === 'P')).toMatchObject({ fromLevel: 4, toLevel: 2, needed: 2, closable: true });
    expect(r.gaps?.items.filter((g) => g.pillar === 'P')).toEqual([
      { kind: 'COURSES', pillar: 'P', task: null, memberId: 'm8', courses: ['MARCO_LEGAL_USO_FUERZA'] },
      { kind: 'COURSES', pillar: 'P', task: null, memberId: 'm9', courses: ['DERECHOS_HUMANOS', 'MARCO_LEGAL_USO_FUERZA'] },
    ]);
    // P1 needs 10 of 11: m8, m9 and m10.
    expect(run(data, { targetLevel: 1 }).gaps?.items.filter((g) => g.pillar === 'P').map((g) => g.kind === 'COURSES' && g.memberId)).toEqual(['m8', 'm9', 'm10']);
    // With m10 on leave, training cannot give the tenth qualified member: a billet to fill.
    (data.members[9] as { status: string }).status = 'on_leave';
    const onLeave = run(data, { targetLevel: 1 }).gaps;
    expect(onLeave?.items.filter((g) => g.pillar === 'P').at(-1)).toEqual({ kind: 'FILL_BILLETS', pillar: 'P', task: null, count: 1 });
    expect(onLeave?.summary.find((s) => s.pillar === 'P')?.closable).toBe(false);
  });

  it('S: says what equipment is missing and how many close the next level', () => {
    const data = unitOf(10);
    certify(data, 1, 10, [...BASE, 'PRIMEROS_AUXILIOS', 'PERSUASION_NEGOCIACION', 'SEGURIDAD_DE_LA_FUERZA', 'ANALISIS_LEGAL_OPERACIONES', 'INTELIGENCIA_POLICIAL']);
    data.equipment.push({ id: 'r', unitId: 'U', category: 'RADIO', quantity: 6, condition: 'serviceable' });
    const r = run(data);
    expect(r.level).toBe(4);
    expect(r.gaps?.targetLevel).toBe(3);
    // S3 needs 65 % of 10: 7 radios, one more; 4 are missing in all.
    expect(r.gaps?.items).toEqual([{ kind: 'PROCURE', pillar: 'S', category: 'RADIO', withRadio: false, quantity: 1, shortfall: 4 }]);
  });

  it('R: names the records to repair, those in repair before the unserviceable', () => {
    const data = unitOf(10);
    certify(data, 1, 10, [...BASE, 'PRIMEROS_AUXILIOS', 'PERSUASION_NEGOCIACION', 'SEGURIDAD_DE_LA_FUERZA', 'ANALISIS_LEGAL_OPERACIONES', 'INTELIGENCIA_POLICIAL']);
    data.equipment.push({ id: 'ok', unitId: 'U', category: 'RADIO', quantity: 5, condition: 'serviceable' });
    data.equipment.push({ id: 'broken', unitId: 'U', category: 'RADIO', quantity: 3, condition: 'unserviceable' });
    data.equipment.push({ id: 'shop', unitId: 'U', category: 'RADIO', quantity: 2, condition: 'in_repair' });
    const r = run(data, { targetLevel: 1 });
    expect(r.pillars.R.level).toBe(4);
    expect(r.gaps?.items).toEqual([
      { kind: 'REPAIR', pillar: 'R', equipmentId: 'shop', category: 'RADIO', condition: 'in_repair', quantity: 2 },
      { kind: 'REPAIR', pillar: 'R', equipmentId: 'broken', category: 'RADIO', condition: 'unserviceable', quantity: 2 },
    ]);
  });

  it('T: trains the cheapest METs and names the members and courses', () => {
    const data = unitOf(10);
    certify(data, 1, 10, [...BASE, 'PRIMEROS_AUXILIOS', 'PERSUASION_NEGOCIACION']);
    certify(data, 1, 8, ['SEGURIDAD_DE_LA_FUERZA']);
    data.equipment.push({ id: 'r', unitId: 'U', category: 'RADIO', quantity: 10, condition: 'serviceable' });
    const r = run(data);
    // Two of five METs trained (40 %): T4; T3 needs 50 %: one more MET, facility (two members short) is cheapest.
    expect(r.pillars.T.level).toBe(4);
    expect(r.gaps?.summary).toEqual([{ pillar: 'T', fromLevel: 4, toLevel: 3, needed: 1, closable: true }]);
    expect(r.gaps?.items).toEqual([
      { kind: 'COURSES', pillar: 'T', task: 'PROTECCION_INSTALACION_ESTRATEGICA', memberId: 'm9', courses: ['SEGURIDAD_DE_LA_FUERZA'] },
    ]);
  });

  it('a unit at C1 has no gaps; gaps can be skipped for a national recompute', () => {
    const data = unitOf(10);
    certify(data, 1, 10, [...BASE, 'PRIMEROS_AUXILIOS', 'PERSUASION_NEGOCIACION', 'SEGURIDAD_DE_LA_FUERZA', 'ANALISIS_LEGAL_OPERACIONES', 'INTELIGENCIA_POLICIAL']);
    data.equipment.push({ id: 'r', unitId: 'U', category: 'RADIO', quantity: 10, condition: 'serviceable' });
    expect(run(data).level).toBe(1);
    expect(run(data).gaps).toBeNull();
    expect(computeReadiness(unitOf(3), std, { asOf: AS_OF, gaps: false })[0]?.gaps).toBeNull();
  });
});
