import { describe, expect, it } from 'vitest';
import { deriveRuleSet } from '../rule-set/derive-rule-set.ts';
import { DEFAULT_RULE_SET } from '../rule-set/default-rule-set.ts';
import type { TReadinessRuleCode } from '../rule-set/rule-codes.ts';
import { READINESS_RULE_CODES } from '../rule-set/rule-codes.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';
import { AS_OF, aLawfulBasis, aMember, aRequest, aSquad, aUnit } from '../testing/factories.ts';
import { evaluateTasking } from './evaluate-tasking.ts';
import type { TMember, TTaskingInput, TUnitEquipment } from './tasking.schema.ts';

const evaluate = (input: TTaskingInput, ruleSet?: TRuleSet) =>
  evaluateTasking(input, { instruments: aLawfulBasis(), asOf: AS_OF, ...(ruleSet ? { ruleSet } : {}) });
const codes = (input: TTaskingInput, ruleSet?: TRuleSet): string[] => evaluate(input, ruleSet).findings.map((f) => f.code);

/** A request by a squad whose second member is changed; `task` and pool optional. */
function withMember(change: Partial<TMember>, extra: Partial<TTaskingInput> = {}, pool: TUnitEquipment[] = []): TTaskingInput {
  const members = aSquad();
  members[1] = { ...aMember('M02'), ...change };
  return aRequest({ unit: aUnit({ members, equipment: pool }), ...extra });
}
const dh = (validUntil: string): Partial<TMember> => ({
  trainings: [
    { area: 'DERECHOS_HUMANOS', validUntil },
    { area: 'MARCO_LEGAL_USO_FUERZA', validUntil: '2026-06-30' },
    { area: 'PROCEDIMIENTOS_DETENCION', validUntil: '2026-06-30' },
  ],
});
const carrying = (n: number, total: number, designated = true): TTaskingInput => {
  const members = Array.from({ length: total }, (_, i) =>
    i < n ? aMember(`A${i}`, { designatedLethal: designated, equipment: ['RADIO', 'BASTON', 'PISTOLA'] }) : aMember(`B${i}`),
  );
  return aRequest({ unit: aUnit({ members }) });
};
const withThreshold = (change: Parameters<typeof deriveRuleSet>[1]): TRuleSet => {
  const result = deriveRuleSet(DEFAULT_RULE_SET, change);
  if (!result.success) throw new Error(result.error.message);
  return result.data;
};
const drones = withThreshold({
  ruleSetVersion: 'drones-1',
  thresholds: { tasks: { ...DEFAULT_RULE_SET.thresholds.tasks, PATRULLAJE_CONJUNTO: { ...DEFAULT_RULE_SET.thresholds.tasks.PATRULLAJE_CONJUNTO, dronesRequired: 1 } } },
});
const crowd = { task: 'CONTROL_MULTITUDES_APOYO' } as const;

type TCase = readonly [TReadinessRuleCode, TTaskingInput, TTaskingInput, TRuleSet?];
const CASES: readonly TCase[] = [
  ['MEMBERS_NOT_LISTED', aRequest({ unit: aUnit({ members: [] }) }), aRequest()],
  ['MEMBERS_NOT_LISTED', aRequest({ unit: aUnit({ members: undefined }) }), aRequest()],
  ['TRAINING_MISSING', withMember({ trainings: [] }), aRequest()],
  ['TRAINING_MISSING', withMember(dh('2026-06-30'), crowd), withMember(dh('2026-06-30'))],
  ['TRAINING_EXPIRED', withMember(dh('2025-11-04')), withMember(dh('2025-11-05'))],
  ['TRAINING_LAPSES_DURING_PERIOD', withMember(dh('2025-11-09'), { start: '2025-11-05', end: '2025-11-10' }), withMember(dh('2025-11-10'), { start: '2025-11-05', end: '2025-11-10' })],
  ['NON_LETHAL_MEANS_MISSING', withMember({ equipment: ['RADIO'] }), withMember({ equipment: ['RADIO'] }, {}, [{ category: 'TASER', quantity: 1 }])],
  ['LETHAL_WEAPON_NOT_DESIGNATED', withMember({ equipment: ['RADIO', 'BASTON', 'PISTOLA'] }), withMember({ equipment: ['RADIO', 'BASTON', 'PISTOLA'], designatedLethal: true }, {}, [])],
  ['LETHAL_SHARE_EXCEEDED', carrying(3, 10), carrying(2, 10)],
  ['LETHAL_SHARE_EXCEEDED', carrying(2, 5), carrying(1, 5)],
  ['RADIO_MISSING', withMember({ equipment: ['BASTON'] }), withMember({ equipment: ['BASTON'] }, {}, [{ category: 'RADIO', quantity: 1 }])],
  ['CROWD_CONTROL_SET_MISSING', withMember({ equipment: ['RADIO', 'BASTON', 'CASCO', 'CHALECO'] }, crowd), withMember({ equipment: ['RADIO', 'BASTON', 'CASCO', 'CHALECO'] })],
  ['DRONE_MISSING', aRequest(), aRequest({ unit: aUnit({ equipment: [{ category: 'DRON', quantity: 1 }] }) }), drones],
];

describe('readiness rules: training and equipment', () => {
  it.each(CASES.map((c, i) => [`${c[0]} #${i}`, ...c] as const))('%s fires and does not fire', (_n, code, bad, good, ruleSet) => {
    expect(codes(bad, ruleSet)).toContain(code);
    expect(codes(good, ruleSet)).not.toContain(code);
  });

  it('has a firing case for every readiness rule', () => {
    expect(new Set(CASES.map(([code]) => code))).toEqual(new Set(READINESS_RULE_CODES));
  });

  it('blocks a member whose human-rights training expired yesterday, naming the member', () => {
    const result = evaluate(withMember(dh('2025-11-04')));
    expect(result.decision).toBe('denied');
    expect(result.findings[0]).toMatchObject({
      code: 'TRAINING_EXPIRED',
      severity: 'blocking',
      details: { area: 'DERECHOS_HUMANOS', members: ['M02'], count: 1, asOf: '2025-11-05' },
    });
  });

  it('allows exactly the lethal share and refuses one more (2 of 10, 1 of 5; 0 of 4)', () => {
    expect(evaluate(carrying(2, 10)).decision).toBe('allowed');
    expect(evaluate(carrying(1, 5)).decision).toBe('allowed');
    expect(evaluate(carrying(1, 4)).findings.map((f) => f.details)).toEqual([{ armed: 1, allowed: 0, total: 4, share: '20 %' }]);
  });

  it('blocks a member without a radio, or only warns when the rule set says so', () => {
    const noRadio = withMember({ equipment: ['BASTON'] });
    expect(evaluate(noRadio).decision).toBe('denied');
    const radio = DEFAULT_RULE_SET.rules.find((r) => r.id === 'RADIO_MISSING');
    if (!radio) throw new Error('no rule');
    const lenient = withThreshold({ ruleSetVersion: 'radio-warning', rules: [{ ...radio, severity: 'warning' }] });
    expect(evaluate(noRadio, lenient)).toMatchObject({ decision: 'conditional', ruleSetVersion: 'radio-warning' });
  });

  it('changes the decision and the recorded version when a threshold changes', () => {
    const request = carrying(2, 10);
    expect(evaluate(request)).toMatchObject({ decision: 'allowed', ruleSetVersion: DEFAULT_RULE_SET.ruleSetVersion });
    const readiness = { ...DEFAULT_RULE_SET.thresholds.readiness, FFAA: { ...DEFAULT_RULE_SET.thresholds.readiness.FFAA, maxLethalShare: 0.1 } };
    const stricter = withThreshold({ ruleSetVersion: 'lethal-10', thresholds: { readiness } });
    expect(evaluate(request, stricter)).toMatchObject({ decision: 'denied', ruleSetVersion: 'lethal-10' });
  });

  it('judges a PNP unit on the same training and equipment', () => {
    const members = aSquad();
    members[2] = aMember('M03', { equipment: ['BASTON'] });
    const result = evaluate(aRequest({ unit: aUnit({ force: 'PNP', members }), pnpCoordinator: undefined }));
    expect(result.findings.map((f) => f.code)).toEqual(['RADIO_MISSING', 'PNP_OWN_MANDATE']);
  });

  it('stays fast with a 1,000-member unit', () => {
    const big = aRequest({ unit: aUnit({ members: Array.from({ length: 1000 }, (_, i) => aMember(`X${i}`)) }) });
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) evaluate(big);
    expect((performance.now() - t0) / 20).toBeLessThan(50);
  });
});
