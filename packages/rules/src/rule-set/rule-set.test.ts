import { describe, expect, it } from 'vitest';
import { FILE_ERROR_CODES, FILE_ERROR_MESSAGES } from '../scenario/file-errors.ts';
import { DEFAULT_RULE_SET } from './default-rule-set.ts';
import { deriveRuleSet } from './derive-rule-set.ts';
import { RULE_CODES } from './rule-codes.ts';
import { ZRuleSet } from './rule-set.schema.ts';

const placeholders = (text: string): string[] => [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] ?? '').sort();

describe('default rule set', () => {
  it('is valid against the schema an admin replaces it with', () => {
    expect(ZRuleSet.safeParse(DEFAULT_RULE_SET).success).toBe(true);
    expect(DEFAULT_RULE_SET.ruleSetVersion).toMatch(/\S/);
  });

  it.each(RULE_CODES.map((c) => [c]))('%s has a legal reference and es/en message and remedy with the same parameters', (code) => {
    const rule = DEFAULT_RULE_SET.rules.find((r) => r.id === code);
    expect(rule).toBeDefined();
    if (!rule) return;
    expect(rule.legalRef.instrument.length).toBeGreaterThan(3);
    for (const text of [rule.message, rule.remedy]) {
      expect(text.es.trim().length).toBeGreaterThan(10);
      expect(text.en.trim().length).toBeGreaterThan(10);
      expect(text.es).not.toEqual(text.en);
      expect(placeholders(text.es)).toEqual(placeholders(text.en));
    }
  });

  it.each(FILE_ERROR_CODES.map((c) => [c]))('file error %s has es and en messages', (code) => {
    const text = FILE_ERROR_MESSAGES[code];
    expect(text.es.length).toBeGreaterThan(5);
    expect(text.en.length).toBeGreaterThan(5);
    expect(placeholders(text.es)).toEqual(placeholders(text.en));
  });

  it('marks references without a verified article as unverified', () => {
    for (const rule of DEFAULT_RULE_SET.rules) {
      if (rule.legalRef.article === null && rule.legalRef.instrument.includes('1095')) expect(rule.legalRef.unverified).toBe(true);
    }
  });

  it('holds the thresholds of the legal note and the scenario format', () => {
    const t = DEFAULT_RULE_SET.thresholds;
    expect(t.maxEmergencyDays).toBe(60);
    expect(t.typicalRsDays).toBe(30);
    expect(t.readiness.FFAA.maxLethalShare).toBe(0.2);
    expect(t.readiness.FFAA.radiosPerMember).toBe(1);
    expect(t.readiness.FFAA.baseTraining).toEqual(['DERECHOS_HUMANOS', 'MARCO_LEGAL_USO_FUERZA']);
    expect(t.tasks.CONTROL_MULTITUDES_APOYO.training).toContain('CONTROL_MULTITUDES');
    expect(t.tasks.INVESTIGACION_CRIMINAL.ffaaMayPerform).toBe(false);
  });

  it('cannot be changed in place', () => {
    expect(() => {
      (DEFAULT_RULE_SET.thresholds as { maxEmergencyDays: number }).maxEmergencyDays = 90;
    }).toThrow();
  });
});

describe('rule set schema', () => {
  const base = structuredClone(DEFAULT_RULE_SET);

  it.each([
    ['a rule is missing', { ...base, rules: base.rules.slice(1) }, 'rules'],
    ['a rule is defined twice', { ...base, rules: [...base.rules, base.rules[0]] }, 'rules'],
    ['an emergency longer than the Constitution allows', { ...base, thresholds: { ...base.thresholds, maxEmergencyDays: 61 } }, 'thresholds'],
    ['a lethal share above 1', { ...base, thresholds: { ...base.thresholds, readiness: { ...base.thresholds.readiness, FFAA: { ...base.thresholds.readiness.FFAA, maxLethalShare: 1.5 } } } }, 'thresholds'],
    ['the FF.AA. allowed to investigate', { ...base, thresholds: { ...base.thresholds, tasks: { ...base.thresholds.tasks, INVESTIGACION_CRIMINAL: { ...base.thresholds.tasks.INVESTIGACION_CRIMINAL, ffaaMayPerform: true } } } }, 'thresholds'],
    ['an unknown field (a typo)', { ...base, thresholds: { ...base.thresholds, maxEmergencyDay: 60 } }, 'thresholds'],
    ['an empty version', { ...base, ruleSetVersion: ' ' }, 'ruleSetVersion'],
  ])('refuses %s', (_name, candidate, pathHead) => {
    const result = ZRuleSet.safeParse(candidate);
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((i) => i.path[0] === pathHead)).toBe(true);
  });
});

describe('deriveRuleSet', () => {
  it('replaces a threshold and a rule under a new version', () => {
    const radio = DEFAULT_RULE_SET.rules.find((r) => r.id === 'RADIO_MISSING');
    if (!radio) throw new Error('no RADIO_MISSING');
    const result = deriveRuleSet(DEFAULT_RULE_SET, {
      ruleSetVersion: 'test-2',
      thresholds: { typicalRsDays: 45 },
      rules: [{ ...radio, severity: 'warning' }],
    });
    expect(result.success).toBe(true);
    expect(result.data?.thresholds.typicalRsDays).toBe(45);
    expect(result.data?.thresholds.maxEmergencyDays).toBe(60);
    expect(result.data?.rules.find((r) => r.id === 'RADIO_MISSING')?.severity).toBe('warning');
  });

  it('refuses to reuse the version of the rule set it changes', () => {
    const result = deriveRuleSet(DEFAULT_RULE_SET, { ruleSetVersion: DEFAULT_RULE_SET.ruleSetVersion, thresholds: { typicalRsDays: 45 } });
    expect(result.success).toBe(false);
  });
});
