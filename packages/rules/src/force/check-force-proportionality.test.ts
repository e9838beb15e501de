import { describe, expect, it } from 'vitest';
import type { TForceGroup } from '../codes.ts';
import { FORCE_RULE_CODES } from '../rule-set/rule-codes.ts';
import type { TForceJustification } from './check-force-proportionality.ts';
import { checkForceProportionality } from './check-force-proportionality.ts';
import type { TLadderLevel } from './force-ladder.ts';
import { FFAA_FORCE_LADDER, FFAA_FORCE_STEPS, FORCE_LEVELS, RESISTANCE_LEVELS, forceLevelOfFfaaStep } from './force-ladder.ts';

const check = (r: TLadderLevel, f: TLadderLevel, j?: TForceJustification, unitForce?: TForceGroup): string[] =>
  checkForceProportionality(r, f, j, unitForce ? { unitForce } : {}).map((x) => x.code);

describe('DL 1186 ladders', () => {
  it('holds six resistance and six force levels, passive/preventive below active/reactive at 4', () => {
    expect(RESISTANCE_LEVELS.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(FORCE_LEVELS.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(RESISTANCE_LEVELS.filter((l) => l.group === 'ACTIVA').map((l) => l.level)).toEqual([4, 5, 6]);
    expect(FORCE_LEVELS.filter((l) => l.group === 'REACTIVO').map((l) => l.level)).toEqual([4, 5, 6]);
  });

  it('maps every FF.AA. step onto a PNP level, in order, with firearms alone at lethal force', () => {
    const levels = FFAA_FORCE_STEPS.map(forceLevelOfFfaaStep);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(FFAA_FORCE_LADDER.filter((s) => s.pnpLevel === 6).map((s) => s.step)).toEqual(['ARMA_DE_FUEGO']);
  });
});

describe('checkForceProportionality', () => {
  it.each<[string, TLadderLevel, TLadderLevel, TForceJustification | undefined, TForceGroup | undefined, string[]]>([
    ['nominal pairing is compliant', 4, 4, undefined, undefined, []],
    ['force below resistance is compliant', 5, 2, undefined, undefined, []],
    ['one level above without justification is a breach', 3, 4, undefined, undefined, ['FORCE_ABOVE_RESISTANCE']],
    ['one level above with a blank justification is a breach', 3, 4, { reason: '  ' }, undefined, ['FORCE_ABOVE_RESISTANCE']],
    ['one level above with a justification is recorded', 3, 4, { reason: 'Dos agresores' }, undefined, ['FORCE_ABOVE_RESISTANCE_JUSTIFIED']],
    ['lethal force against lethal aggression with a ground', 6, 6, { lethalGround: 'DEFENSA_PROPIA_O_DE_TERCEROS' }, undefined, []],
    ['lethal force against lethal aggression without a ground', 6, 6, {}, undefined, ['LETHAL_FORCE_WITHOUT_GROUND']],
    ['lethal force above resistance, no justification, no ground', 5, 6, {}, undefined, ['FORCE_ABOVE_RESISTANCE', 'LETHAL_FORCE_WITHOUT_GROUND']],
    ['the 2025 PNP ground used by the FF.AA.', 6, 6, { lethalGround: 'FLAGRANCIA_AGRESOR_ARMADO' }, 'FFAA', ['LETHAL_GROUND_NOT_AVAILABLE']],
    ['the 2025 PNP ground used by the PNP', 6, 6, { lethalGround: 'FLAGRANCIA_AGRESOR_ARMADO' }, 'PNP', []],
    ['the 2025 PNP ground when the force is not said (strict default)', 6, 6, { lethalGround: 'FLAGRANCIA_AGRESOR_ARMADO' }, undefined, ['LETHAL_GROUND_NOT_AVAILABLE']],
  ])('%s', (_name, resistance, force, justification, unitForce, expected) => {
    expect(check(resistance, force, justification, unitForce)).toEqual(expected);
  });

  it('covers every force rule', () => {
    const fired = new Set<string>([
      ...check(3, 4),
      ...check(3, 4, { reason: 'x' }),
      ...check(6, 6),
      ...check(6, 6, { lethalGround: 'FLAGRANCIA_AGRESOR_ARMADO' }),
    ]);
    expect(fired).toEqual(new Set(FORCE_RULE_CODES));
  });

  it('names the levels in the message', () => {
    const [finding] = checkForceProportionality(2, 5);
    expect(finding?.message.es).toContain('nivel 5 (Tácticas defensivas no letales) ante resistencia de nivel 2 (Cooperador)');
    expect(finding?.legalRef).toBe('Decreto Legislativo 1186, art. 7');
  });

  it('refuses a level outside 1-6', () => {
    expect(() => checkForceProportionality(7 as TLadderLevel, 1)).toThrow();
  });
});
