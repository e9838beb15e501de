import { describe, expect, it } from 'vitest';
import type { TTrainingArea } from '../codes.ts';
import { computeReadiness, levelOf } from './compute-readiness.ts';
import { DEFAULT_READINESS_STANDARD } from './default-readiness-standard.ts';
import { planTraining } from './plan-training.ts';
import type { TReadinessCertificate, TReadinessData, TReadinessMember } from './prepare-readiness.ts';
import type { TReadinessLevel, TReadinessStandard } from './readiness-standard.schema.ts';
import { AS_OF, BASE, certify, testStandard, unitOf } from './readiness-testing.ts';

/** Three METs, one of them with two extra courses; T levels 3/3, 2/3, 1/3; a MET is trained at 60 %. */
const std = testStandard({
  levels: {
    ...DEFAULT_READINESS_STANDARD.levels,
    P: { min: [0.8, 0.6, 0.4], ref: 'usr' },
    T: { min: [1, 0.6, 0.3], ref: 'usrT' },
  },
});
const small: TReadinessStandard = {
  ...std,
  mets: {
    ...std.mets,
    trainedShare: 0.6,
    defaultTasks: ['PATRULLAJE_CONJUNTO', 'PUESTO_CONTROL', 'PROTECCION_INSTALACION_ESTRATEGICA'],
    tasks: {
      PATRULLAJE_CONJUNTO: { ...(std.mets.tasks.PATRULLAJE_CONJUNTO as NonNullable<typeof std.mets.tasks.PATRULLAJE_CONJUNTO>) },
      PUESTO_CONTROL: { ...(std.mets.tasks.PUESTO_CONTROL as NonNullable<typeof std.mets.tasks.PUESTO_CONTROL>) },
      PROTECCION_INSTALACION_ESTRATEGICA: {
        ...(std.mets.tasks.PROTECCION_INSTALACION_ESTRATEGICA as NonNullable<typeof std.mets.tasks.PROTECCION_INSTALACION_ESTRATEGICA>),
        courses: ['SEGURIDAD_DE_LA_FUERZA', 'PRIMEROS_AUXILIOS'],
      },
    },
  },
};
const MET_COURSES: TTrainingArea[][] = [['PRIMEROS_AUXILIOS'], ['PERSUASION_NEGOCIACION'], ['SEGURIDAD_DE_LA_FUERZA', 'PRIMEROS_AUXILIOS']];
const RELEVANT: TTrainingArea[] = [...BASE, 'PRIMEROS_AUXILIOS', 'PERSUASION_NEGOCIACION', 'SEGURIDAD_DE_LA_FUERZA'];

/** A deterministic pseudo-random generator (mulberry32), so that every run tests the same cases. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The brute-force optimum: every subset of the candidate seats (counted member × relevant course not held), by
 * bit masks, checked with levels computed here independently of the plan's code. Returns null when no subset works.
 */
function bruteForce(data: TReadinessData, target: TReadinessLevel): number | null {
  const strength = data.members.length;
  const bit = (c: TTrainingArea): number => 1 << RELEVANT.indexOf(c);
  const held = new Map<string, number>();
  for (const c of data.certificates) held.set(c.memberId, (held.get(c.memberId) ?? 0) | bit(c.course));
  const counted = data.members.filter((m) => m.status !== 'on_leave');
  const seats: [number, number][] = [];
  counted.forEach((m, mi) => RELEVANT.forEach((c) => !((held.get(m.id) ?? 0) & bit(c)) && seats.push([mi, bit(c)])));
  const base = bit('DERECHOS_HUMANOS') | bit('MARCO_LEGAL_USO_FUERZA');
  const metMasks = MET_COURSES.map((cs) => cs.reduce((m, c) => m | bit(c), base));
  let best: number | null = null;
  for (let subset = 0; subset < 1 << seats.length; subset++) {
    let size = 0;
    for (let s = subset; s; s &= s - 1) size++;
    if (best !== null && size >= best) continue;
    const masks = counted.map((m) => held.get(m.id) ?? 0);
    seats.forEach(([mi, b], j) => {
      if (subset & (1 << j)) masks[mi] = (masks[mi] as number) | b;
    });
    const p = masks.filter((m) => (m & base) === base).length / strength;
    const trained = metMasks.filter((mm) => masks.filter((m) => (m & mm) === mm).length / strength >= small.mets.trainedShare).length;
    if (levelOf(p, small.levels.P) <= target && levelOf(trained / metMasks.length, small.levels.T) <= target) best = size;
  }
  return best;
}

/** A random small unit: 2 to 6 members, each holding each relevant course with probability `hold`. */
function randomUnit(next: () => number, hold: number): TReadinessData & { members: TReadinessMember[]; certificates: TReadinessCertificate[] } {
  const n = 2 + Math.floor(next() * 5);
  const data = unitOf(n);
  data.members.forEach((m, i) => {
    if (next() < 0.1) data.members[i] = { ...m, status: 'on_leave' };
    for (const course of RELEVANT) if (next() < hold) data.certificates.push({ memberId: m.id, course, validUntil: '2030-01-01' });
  });
  return data;
}

/** The unit's P and T levels once the plan's seats are taken, computed by the readiness code. */
function levelsAfter(data: TReadinessData & { certificates: TReadinessCertificate[] }, seats: readonly { memberId: string; course: TTrainingArea }[]) {
  const after = { ...data, certificates: [...data.certificates, ...seats.map((s) => ({ ...s, validUntil: '2030-01-01' }))] };
  const [r] = computeReadiness(after, small, { asOf: AS_OF, gaps: false });
  return { P: r?.pillars.P.level, T: r?.pillars.T.level };
}

describe('least-cost training plan', () => {
  it('plans nothing for a unit already at the target', () => {
    const data = unitOf(5);
    certify(data, 1, 5, RELEVANT);
    const plan = planTraining(data, small, { asOf: AS_OF, targetLevel: 1 });
    expect(plan).toMatchObject({ totalSeats: 0, lowerBound: 0, provedOptimal: true });
  });

  it('shares the base courses between P and a MET: one member trained for the MET also counts for P', () => {
    const data = unitOf(5);
    certify(data, 1, 2, [...BASE, 'PRIMEROS_AUXILIOS', 'PERSUASION_NEGOCIACION', 'SEGURIDAD_DE_LA_FUERZA']);
    certify(data, 3, 3, ['PRIMEROS_AUXILIOS', 'PERSUASION_NEGOCIACION', 'SEGURIDAD_DE_LA_FUERZA']);
    // P: 2 of 5 (P3); target 2 needs 3 of 5 base-qualified and T already 3/3 with... no: METs need 3 of 5 members.
    const plan = planTraining(data, small, { asOf: AS_OF, targetLevel: 2 });
    // m3 takes the two base courses: P reaches 3/5 and every MET 3/5 (60 %): two seats, proved optimal.
    expect(plan.seats).toEqual([
      { unitId: 'U', memberId: 'm3', course: 'DERECHOS_HUMANOS' },
      { unitId: 'U', memberId: 'm3', course: 'MARCO_LEGAL_USO_FUERZA' },
    ]);
    expect(plan).toMatchObject({ totalSeats: 2, lowerBound: 2, provedOptimal: true });
    expect(plan.byCourse).toEqual([
      { course: 'DERECHOS_HUMANOS', seats: 1 },
      { course: 'MARCO_LEGAL_USO_FUERZA', seats: 1 },
    ]);
  });

  it('says when training cannot reach the target and which pillars need procurement or repairs', () => {
    const data = unitOf(3, { authorizedStrength: 10 });
    const plan = planTraining(data, small, { asOf: AS_OF, targetLevel: 2 });
    expect(plan.units[0]?.billetsShort).toBeGreaterThan(0);
    // No equipment at all: S and R stay at 4 whatever the training.
    expect(plan.units[0]?.notClosedByTraining).toEqual(['S', 'R']);
  });

  it('sums independent units of a region', () => {
    const a = unitOf(4);
    const b = { ...unitOf(4), units: [{ unitId: 'V' }] };
    b.members = b.members.map((m) => ({ ...m, id: `v-${m.id}`, unitId: 'V' }));
    const region = { units: [...a.units, ...b.units], members: [...a.members, ...b.members], certificates: [], equipment: [] };
    const plan = planTraining(region, small, { asOf: AS_OF, targetLevel: 3 });
    const alone = planTraining(a, small, { asOf: AS_OF, targetLevel: 3 }).totalSeats;
    expect(plan.totalSeats).toBe(2 * alone);
    expect(new Set(plan.seats.map((s) => s.unitId))).toEqual(new Set(['U', 'V']));
  });

  /** Seeded random small units (at most 14 candidate seats) with their brute-force optimum per target level. */
  function cases(hold: number, count: number): { data: ReturnType<typeof randomUnit>; target: TReadinessLevel; optimum: number | null }[] {
    const next = rng(Math.round(hold * 1000));
    const out: { data: ReturnType<typeof randomUnit>; target: TReadinessLevel; optimum: number | null }[] = [];
    for (let c = 0; c < count; c++) {
      const data = randomUnit(next, hold);
      const counted = new Set(data.members.filter((m) => m.status !== 'on_leave').map((m) => m.id));
      const candidates = counted.size * RELEVANT.length - data.certificates.filter((x) => counted.has(x.memberId)).length;
      if (candidates > 14) continue;
      for (const target of [1, 2, 3] as const) out.push({ data, target, optimum: bruteForce(data, target) });
    }
    return out;
  }
  const all = [0.3, 0.6, 0.8].flatMap((hold) => cases(hold, 120));

  it('the exact path finds a plan exactly when one exists, and its seats are the brute-force optimum', () => {
    let compared = 0;
    for (const { data, target, optimum } of all) {
      const plan = planTraining(data, small, { asOf: AS_OF, targetLevel: target });
      const unit = plan.units[0];
      expect(unit?.method).toBe('exact');
      if (optimum === null) {
        expect(unit?.billetsShort).toBeGreaterThan(0);
        continue;
      }
      compared++;
      expect(unit?.billetsShort).toBe(0);
      expect(plan.totalSeats).toBe(optimum);
      expect(plan.provedOptimal).toBe(true);
      expect(plan.lowerBound).toBeLessThanOrEqual(optimum);
      const after = levelsAfter(data, plan.seats);
      expect(after.P).toBeLessThanOrEqual(target);
      expect(after.T).toBeLessThanOrEqual(target);
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('the greedy path (large units) never beats the lower bound, reaches the target, and is optimal on most small cases', () => {
    let compared = 0;
    let optimal = 0;
    for (const { data, target, optimum } of all) {
      const plan = planTraining(data, small, { asOf: AS_OF, targetLevel: target, exactLimit: 0 });
      // Nothing to plan needs no method; anything else goes through the greedy.
      if (plan.totalSeats > 0) expect(plan.units[0]?.method).toBe('greedy');
      if (optimum === null) continue;
      compared++;
      expect(plan.lowerBound).toBeLessThanOrEqual(optimum);
      expect(plan.totalSeats).toBeGreaterThanOrEqual(optimum);
      if (plan.totalSeats === optimum) optimal++;
      // A plan the bound proves optimal is optimal.
      if (plan.provedOptimal) expect(plan.totalSeats).toBe(optimum);
      const after = levelsAfter(data, plan.seats);
      expect(after.P).toBeLessThanOrEqual(target);
      expect(after.T).toBeLessThanOrEqual(target);
    }
    console.log(`greedy optimal on ${optimal} of ${compared} small cases`);
    expect(optimal / compared).toBeGreaterThan(0.9);
  });
});

describe('least-cost training plan on a company of the default standard', () => {
  it('plans a 150-member unit with the greedy (too large for the exact table) and reaches the target', () => {
    const next = rng(7);
    const data = unitOf(150);
    const courses = [...new Set([...DEFAULT_READINESS_STANDARD.personnel.courses, 'PRIMEROS_AUXILIOS', 'PERSUASION_NEGOCIACION', 'SEGURIDAD_DE_LA_FUERZA', 'ANALISIS_CRISIS_ORDEN_PUBLICO'] as const)];
    for (const m of data.members) for (const course of courses) if (next() < 0.7) data.certificates.push({ memberId: m.id, course, validUntil: '2030-01-01' });
    const before = computeReadiness(data, DEFAULT_READINESS_STANDARD, { asOf: AS_OF, gaps: false })[0];
    expect(before?.pillars.P.level).toBe(4);
    const plan = planTraining(data, DEFAULT_READINESS_STANDARD, { asOf: AS_OF, targetLevel: 2 });
    expect(plan.units[0]?.method).toBe('greedy');
    expect(plan.totalSeats).toBeGreaterThanOrEqual(plan.lowerBound);
    const after = computeReadiness(
      { ...data, certificates: [...data.certificates, ...plan.seats.map((s) => ({ ...s, validUntil: '2030-01-01' }))] },
      DEFAULT_READINESS_STANDARD,
      { asOf: AS_OF, gaps: false },
    )[0];
    expect(after?.pillars.P.level).toBeLessThanOrEqual(2);
    expect(after?.pillars.T.level).toBeLessThanOrEqual(2);
    // The seats are no more than 15 % above what any plan must take.
    expect(plan.totalSeats).toBeLessThanOrEqual(Math.ceil(plan.lowerBound * 1.15));
  });
});
