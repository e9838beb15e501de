import { describe, expect, it } from 'vitest';
import type { TUnitForce } from '../codes.ts';
import { DEFAULT_RULE_SET } from '../rule-set/default-rule-set.ts';
import { FORCE_PROCEDURE_RULE_CODES, FORCE_RULE_CODES } from '../rule-set/rule-codes.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';
import { assessForce } from './assess-force.ts';
import type { TAssessForceInput, TForceStep, TResistanceStep, TWarningsGiven } from './assess-force.schema.ts';
import { ZAssessForceInput } from './assess-force.schema.ts';

const WARNED: TWarningsGiven = { identification: true, warning: true, timeToComply: true };
const SILENT: TWarningsGiven = { identification: false, warning: false, timeToComply: false };

const res = (...levels: number[]): TResistanceStep[] => levels.map((level, at) => ({ at, level }));
const pnp = (...steps: (number | [number, string])[]): TForceStep[] =>
  steps.map((s, at) => (Array.isArray(s) ? { at, level: s[0], justification: s[1] } : { at, level: s }));
const ffaa = (...steps: (TForceStep['step'] | [TForceStep['step'], string])[]): TForceStep[] =>
  steps.map((s, at) => (Array.isArray(s) ? { at, step: s[0], justification: s[1] } : { at, step: s }));

const input = (force: TUnitForce, r: TResistanceStep[], f: TForceStep[], extra: Partial<TAssessForceInput> = {}): TAssessForceInput => ({
  force,
  resistanceSequence: r,
  forceSequence: f,
  warningsGiven: WARNED,
  ...extra,
});

describe('assessForce', () => {
  it.each<[string, TAssessForceInput, boolean, string[]]>([
    // PNP ladder (DL 1186 art. 7)
    ['PNP: force climbing with the resistance', input('PNP', res(2, 3, 4, 5), pnp(2, 3, 4, 5)), true, []],
    ['PNP: force below the resistance', input('PNP', res(5), pnp(2)), true, []],
    ['PNP: force above the resistance, unjustified', input('PNP', res(3, 3), pnp(3, 4)), false, ['FORCE_ABOVE_RESISTANCE']],
    ['PNP: force above the resistance, justified', input('PNP', res(3, 3), pnp(3, [4, 'Dos agresores'])), true, ['FORCE_ABOVE_RESISTANCE_JUSTIFIED']],
    ['PNP: force kept up after the resistance fell', input('PNP', res(5, 2), pnp(5, 5)), false, ['FORCE_ABOVE_RESISTANCE']],
    ['PNP: lethal force against lethal aggression, ground and warning', input('PNP', res(6), pnp(6), { lethalGround: 'DEFENSA_PROPIA_O_DE_TERCEROS' }), true, []],
    ['PNP: lethal force without a ground', input('PNP', res(6), pnp(6)), false, ['LETHAL_FORCE_WITHOUT_GROUND']],
    ['PNP: the 2025 flagrancy ground', input('PNP', res(6), pnp(6), { lethalGround: 'FLAGRANCIA_AGRESOR_ARMADO' }), true, []],
    ['PNP: lethal force without warning where one was possible', input('PNP', res(6), pnp(6), { lethalGround: 'FUGA_CON_RIESGO_INMINENTE', warningsGiven: SILENT }), false, ['WARNING_NOT_GIVEN']],
    ['PNP: warning without time to comply', input('PNP', res(6), pnp(6), { lethalGround: 'FUGA_CON_RIESGO_INMINENTE', warningsGiven: { ...WARNED, timeToComply: false } }), false, ['WARNING_NOT_GIVEN']],
    ['PNP: warning omitted for undue risk, recorded', input('PNP', res(6), pnp(6), { lethalGround: 'DEFENSA_PROPIA_O_DE_TERCEROS', warningsGiven: { ...SILENT, omissionReason: 'Disparo sorpresivo a corta distancia' } }), true, ['WARNING_OMITTED_UNDUE_RISK']],
    ['PNP: no warning needed below lethal force', input('PNP', res(4), pnp(4), { warningsGiven: SILENT }), true, []],
    ['PNP: every breach at once', input('PNP', res(5), pnp(6), { warningsGiven: SILENT }), false, ['FORCE_ABOVE_RESISTANCE', 'LETHAL_FORCE_WITHOUT_GROUND', 'WARNING_NOT_GIVEN']],
    // FF.AA. ladder (DL 1095) mapped onto the PNP levels
    ['EJERCITO: presence, visual contact, verbal communication against a cooperative person', input('EJERCITO', res(1, 1, 2), ffaa('PRESENCIA_PREVENTIVA', 'CONTACTO_VISUAL', 'COMUNICACION_VERBAL')), true, []],
    ['EJERCITO: bodily force against physical resistance', input('EJERCITO', res(2, 4), ffaa('COMUNICACION_VERBAL', 'FUERZA_CORPORAL')), true, []],
    ['MARINA: bodily force against a non-cooperative person, unjustified', input('MARINA', res(3), ffaa('FUERZA_CORPORAL')), false, ['FORCE_ABOVE_RESISTANCE']],
    ['MARINA: non-lethal means against physical resistance, justified', input('MARINA', res(4), ffaa(['MEDIOS_NO_LETALES', 'Turba que rodea al equipo'])), true, ['FORCE_ABOVE_RESISTANCE_JUSTIFIED']],
    ['FAP: firearm against lethal aggression, ground and warning', input('FAP', res(5, 6), ffaa('MEDIOS_NO_LETALES', 'ARMA_DE_FUEGO'), { lethalGround: 'MOTIN_VIOLENTO_PELIGRO_MUERTE' }), true, []],
    ['FAP: firearm without a ground', input('FAP', res(6), ffaa('ARMA_DE_FUEGO')), false, ['LETHAL_FORCE_WITHOUT_GROUND']],
    ['EJERCITO: the PNP-only 2025 ground', input('EJERCITO', res(6), ffaa('ARMA_DE_FUEGO'), { lethalGround: 'FLAGRANCIA_AGRESOR_ARMADO' }), false, ['LETHAL_GROUND_NOT_AVAILABLE']],
    ['EJERCITO: firearm without identification', input('EJERCITO', res(6), ffaa('ARMA_DE_FUEGO'), { lethalGround: 'DEFENSA_PROPIA_O_DE_TERCEROS', warningsGiven: { ...WARNED, identification: false } }), false, ['WARNING_NOT_GIVEN']],
    ['MARINA: warning omitted for undue risk, recorded', input('MARINA', res(6), ffaa('ARMA_DE_FUEGO'), { lethalGround: 'DEFENSA_PROPIA_O_DE_TERCEROS', warningsGiven: { ...SILENT, omissionReason: 'Emboscada' } }), true, ['WARNING_OMITTED_UNDUE_RISK']],
  ])('%s', (_name, given, compliant, codes) => {
    const result = assessForce(given);
    expect(result.compliant).toBe(compliant);
    expect(result.ruleSetVersion).toBe(DEFAULT_RULE_SET.ruleSetVersion);
    expect(result.findings.map((f) => f.code)).toEqual(codes);
  });

  it('covers every force and procedure rule', () => {
    const fired = new Set([
      ...assessForce(input('PNP', res(5), pnp(6), { warningsGiven: SILENT })).findings,
      ...assessForce(input('PNP', res(3), pnp([4, 'x']))).findings,
      ...assessForce(input('FAP', res(6), ffaa('ARMA_DE_FUEGO'), { lethalGround: 'FLAGRANCIA_AGRESOR_ARMADO', warningsGiven: { ...SILENT, omissionReason: 'x' } })).findings,
    ].map((f) => f.code));
    expect(fired).toEqual(new Set([...FORCE_RULE_CODES, ...FORCE_PROCEDURE_RULE_CODES]));
  });

  it('reads the resistance met at the moment of each step, by date-time', () => {
    const result = assessForce({
      force: 'PNP',
      resistanceSequence: [
        { at: '2026-03-01T10:00:00-05:00', level: 4 },
        { at: '2026-03-01T10:02:00-05:00', level: 2 },
      ],
      forceSequence: [
        { at: '2026-03-01T10:01:00-05:00', level: 4 },
        { at: '2026-03-01T15:03:00Z', level: 4 },
      ],
      warningsGiven: SILENT,
    });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      code: 'FORCE_ABOVE_RESISTANCE',
      severity: 'blocking',
      legalRef: 'Decreto Legislativo 1186, art. 7',
      details: { forceStep: 1, at: '2026-03-01T15:03:00Z', force: 4, resistance: 2 },
    });
  });

  it('reports an incident-wide breach once, names the FF.AA. step, and speaks es and en', () => {
    const result = assessForce(input('EJERCITO', res(6), ffaa('ARMA_DE_FUEGO', 'ARMA_DE_FUEGO'), { warningsGiven: SILENT }));
    expect(result.findings.map((f) => f.code)).toEqual(['LETHAL_FORCE_WITHOUT_GROUND', 'WARNING_NOT_GIVEN']);
    expect(result.findings[0]?.details).toMatchObject({ forceStep: 0, ffaaStep: 'ARMA_DE_FUEGO' });
    const warning = result.findings[1];
    expect(warning?.message.es).toContain('IDENTIFICACION, ADVERTENCIA, TIEMPO_PARA_ACATAR');
    expect(warning?.message.en).toMatch(/^Lethal force was used without the prior procedure/);
    expect(warning?.legalRef).toMatch(/Decreto Legislativo 1186.*Decreto Legislativo 1095.*art\. 8 del DL 1186 \(unverified\)$/);
  });

  it('uses the rule set given, and the default text of a procedure rule a stored set predates', () => {
    const older: TRuleSet = {
      ...DEFAULT_RULE_SET,
      ruleSetVersion: 'older',
      rules: DEFAULT_RULE_SET.rules
        .filter((r) => r.id !== 'WARNING_NOT_GIVEN')
        .map((r) => (r.id === 'LETHAL_FORCE_WITHOUT_GROUND' ? { ...r, severity: 'warning' as const } : r)),
    };
    const result = assessForce(input('PNP', res(6), pnp(6), { warningsGiven: SILENT }), { ruleSet: older });
    expect(result.ruleSetVersion).toBe('older');
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([
      ['WARNING_NOT_GIVEN', 'blocking'],
      ['LETHAL_FORCE_WITHOUT_GROUND', 'warning'],
    ]);
  });
});

describe('ZAssessForceInput', () => {
  const ok = input('PNP', res(3), pnp(3));
  it.each<[string, unknown, (string | number)[]]>([
    ['an FF.AA. step for the PNP', { ...ok, forceSequence: [{ at: 0, step: 'FUERZA_CORPORAL' }] }, ['forceSequence', 0, 'step']],
    ['a PNP level for the FF.AA.', { ...ok, force: 'EJERCITO', forceSequence: [{ at: 0, level: 4 }] }, ['forceSequence', 0, 'level']],
    ['a level outside 1-6', { ...ok, resistanceSequence: [{ at: 0, level: 7 }] }, ['resistanceSequence', 0, 'level']],
    ['steps out of order', { ...ok, resistanceSequence: res(2, 3).reverse() }, ['resistanceSequence', 1, 'at']],
    ['indexes mixed with times', { ...ok, forceSequence: [{ at: '2026-03-01T10:00:00Z', level: 3 }] }, ['forceSequence', 0, 'at']],
    ['force before any resistance', { ...ok, resistanceSequence: [{ at: 2, level: 3 }] }, ['forceSequence', 0, 'at']],
    ['no force step', { ...ok, forceSequence: [] }, ['forceSequence']],
    ['an unknown lethal ground', { ...ok, lethalGround: 'ORDEN_SUPERIOR' }, ['lethalGround']],
    ['warnings missing', { ...ok, warningsGiven: undefined }, ['warningsGiven']],
    ['an unknown field', { ...ok, lethalGrounds: [] }, []],
    ['a blank justification', { ...ok, forceSequence: [{ at: 0, level: 3, justification: ' ' }] }, ['forceSequence', 0, 'justification']],
  ])('refuses %s', (_name, candidate, path) => {
    const result = ZAssessForceInput.safeParse(candidate);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });

  it('makes assessForce throw on invalid input', () => {
    expect(() => assessForce({ ...ok, forceSequence: [] })).toThrow();
  });
});
