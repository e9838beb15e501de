import { describe, expect, it } from 'vitest';
import { AS_OF, aLawfulBasis, aMember, aRequest, aSquad, aUnit } from '../testing/factories.ts';
import { evaluateTasking } from '../tasking/evaluate-tasking.ts';
import type { TMember, TTaskingInput } from '../tasking/tasking.schema.ts';
import { deriveRuleSet } from '../rule-set/derive-rule-set.ts';
import { DEFAULT_RULE_SET } from '../rule-set/default-rule-set.ts';
import type { TProtocolInForce } from './protocol.schema.ts';
import { ZProtocolDraft } from './protocol.schema.ts';
import { SAMPLE_PROTOCOLS } from './sample-protocols.ts';

/** The sample protocols as if approved, version 1 each. */
const IN_FORCE: TProtocolInForce[] = SAMPLE_PROTOCOLS.map((p, i) => ({ ...ZProtocolDraft.parse(p), id: `p-${i}`, version: 1 }));

/** `null`: no protocol registry at all (scenario files). */
const evaluate = (input: TTaskingInput, protocols: readonly TProtocolInForce[] | null = IN_FORCE, ruleSet = DEFAULT_RULE_SET) =>
  evaluateTasking(input, { instruments: aLawfulBasis(), asOf: AS_OF, ruleSet, ...(protocols ? { protocols } : {}) });
const codes = (input: TTaskingInput, protocols: readonly TProtocolInForce[] | null = IN_FORCE): string[] =>
  evaluate(input, protocols).findings.map((f) => f.code);

describe('the tasking evaluator and the protocol in force', () => {
  it('does not look at protocols when the caller has none to give (scenario files)', () => {
    expect(codes(aRequest(), null)).toEqual([]);
  });

  it('allows a ready squad under the protocols in force, naming them', () => {
    const result = evaluate(aRequest());
    expect(result.decision).toBe('allowed');
    expect(result.findings.map((f) => f.code)).toEqual(['PROTOCOL_APPLIED']);
    expect(result.findings[0]?.message.en).toContain('PATRULLAJE_CONJUNTO FFAA v1');
    expect(result.findings[0]?.message.en).toContain('APREHENSION_ENTREGA FFAA v1');
  });

  it('warns when no approved protocol is in force for the task and force, or blocks when the rule set says so', () => {
    const onlyPnp = IN_FORCE.filter((p) => p.force === 'PNP');
    const result = evaluate(aRequest(), onlyPnp);
    expect(result.decision).toBe('conditional');
    expect(result.findings).toContainEqual(expect.objectContaining({ code: 'PROTOCOL_NOT_IN_FORCE', severity: 'warning' }));
    const rule = DEFAULT_RULE_SET.rules.find((r) => r.id === 'PROTOCOL_NOT_IN_FORCE')!;
    const strict = deriveRuleSet(DEFAULT_RULE_SET, { ruleSetVersion: 'protocol-strict', rules: [{ ...rule, severity: 'blocking' }] });
    if (!strict.success) throw strict.error;
    expect(evaluate(aRequest(), onlyPnp, strict.data)).toMatchObject({ decision: 'denied', ruleSetVersion: 'protocol-strict' });
  });

  it('uses the PNP version for a PNP unit', () => {
    const pnp = aRequest({ unit: aUnit({ force: 'PNP' }) });
    expect(codes(pnp, IN_FORCE.filter((p) => p.force === 'FFAA'))).toContain('PROTOCOL_NOT_IN_FORCE');
    expect(codes(pnp, IN_FORCE.filter((p) => p.force === 'PNP'))).not.toContain('PROTOCOL_NOT_IN_FORCE');
  });

  it('blocks a member without the protocol training, beyond the training the rule set requires', () => {
    const members = aSquad();
    members[2] = aMember('M03', { trainings: members[2]!.trainings.filter((t) => t.area !== 'CONTROL_MULTITUDES') });
    const crowd = aRequest({ task: 'CONTROL_MULTITUDES_APOYO', unit: aUnit({ members: members.map((m) => ({ ...m, equipment: ['RADIO', 'BASTON', 'ESCUDO', 'CASCO', 'CHALECO'], designatedLethal: false })) }) });
    const result = evaluate(crowd);
    // CONTROL_MULTITUDES is also the rule set's training for the task: reported once, by the rule set.
    expect(result.findings.filter((f) => f.code === 'TRAINING_MISSING')).toHaveLength(1);
    expect(result.findings.map((f) => f.code)).not.toContain('PROTOCOL_TRAINING_MISSING');

    const noPersuasion: TProtocolInForce = { ...IN_FORCE[0]!, force: 'FFAA', training: ['PERSUASION_NEGOCIACION'] };
    const patrol = evaluate(aRequest(), [noPersuasion]);
    const finding = patrol.findings.find((f) => f.code === 'PROTOCOL_TRAINING_MISSING')!;
    expect(finding.severity).toBe('blocking');
    expect(finding.details).toMatchObject({ area: 'PERSUASION_NEGOCIACION', count: 5 });
    expect(patrol.decision).toBe('denied');
  });

  it('blocks equipment the protocol requires for every member, letting the unit pool make up', () => {
    const members = aSquad();
    members[1] = aMember('M02', { equipment: ['RADIO', 'BASTON'] });
    const lacking = aRequest({ unit: aUnit({ members }) });
    const finding = evaluate(lacking).findings.find((f) => f.code === 'PROTOCOL_EQUIPMENT_MISSING');
    expect(finding?.details).toMatchObject({ item: 'CHALECO', members: ['M02'] });
    const pooled = aRequest({ unit: aUnit({ members, equipment: [{ category: 'CHALECO', quantity: 1 }] }) });
    expect(codes(pooled)).not.toContain('PROTOCOL_EQUIPMENT_MISSING');
  });

  it('blocks a unit short of the number of items the protocol requires for the unit', () => {
    const drones: TProtocolInForce = { ...IN_FORCE[1]!, equipment: [{ category: 'DRON', scope: 'PER_UNIT', quantity: 2 }] };
    const finding = evaluate(aRequest(), [drones]).findings.find((f) => f.code === 'PROTOCOL_EQUIPMENT_MISSING');
    expect(finding?.details).toMatchObject({ item: 'DRON', required: 2, available: 0 });
    const withDrones = aRequest({ unit: aUnit({ equipment: [{ category: 'DRON', quantity: 2 }] }) });
    expect(codes(withDrones, [drones])).not.toContain('PROTOCOL_EQUIPMENT_MISSING');
  });

  it('blocks lethal weapons when no step of the protocol reaches lethal force (FF.AA. crowd support)', () => {
    const crowdReady: TMember[] = aSquad().map((m) => ({ ...m, equipment: ['RADIO', 'BASTON', 'ESCUDO', 'CASCO', 'CHALECO'] }));
    const armed = crowdReady.map((m, i): TMember => (i === 0 ? { ...m, equipment: [...m.equipment, 'FUSIL'] } : m));
    const request = (members: TMember[]) => aRequest({ task: 'CONTROL_MULTITUDES_APOYO', unit: aUnit({ members }) });
    expect(codes(request(armed))).toContain('PROTOCOL_LETHAL_NOT_PROVIDED');
    expect(codes(request(crowdReady))).not.toContain('PROTOCOL_LETHAL_NOT_PROVIDED');
  });
});
