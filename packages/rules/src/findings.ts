import { z } from 'zod';
import type { TDecision, TSeverity } from './codes.ts';
import { ZSeverity } from './codes.ts';
import type { TRuleCode } from './rule-set/rule-codes.ts';
import { ZRuleCode } from './rule-set/rule-codes.ts';
import type { TLegalRef, TLocalizedText, TRule, TRuleSet } from './rule-set/rule-set.schema.ts';
import { ZLocalizedText } from './rule-set/rule-set.schema.ts';

/** Values that fill a rule's message; lists are joined with ", ". */
export const ZFindingDetails = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));
export type TFindingDetails = z.infer<typeof ZFindingDetails>;

/**
 * One finding of an evaluation, in the shape fixed by the scenario format. `details` (an addition the format
 * allows) holds the values that filled the message, uncut, for screens and machines.
 */
export const ZFinding = z.object({
  code: ZRuleCode,
  severity: ZSeverity,
  message: ZLocalizedText,
  legalRef: z.string(),
  remedy: ZLocalizedText,
  details: ZFindingDetails.optional(),
});
export type TFinding = z.infer<typeof ZFinding>;

/** Longest list written into a message; the full list stays in `details`. */
const MAX_LISTED = 20;

/** "Constitución Política del Perú, art. 137" or "Decreto Legislativo 1095 (unverified)". */
export function formatLegalRef(ref: TLegalRef): string {
  const base = ref.article ? `${ref.instrument}, ${ref.article}` : ref.instrument;
  return ref.unverified ? `${base} (unverified)` : base;
}

function formatValue(value: string | number | readonly string[]): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === 'string') return value;
  if (value.length <= MAX_LISTED) return value.join(', ');
  return `${value.slice(0, MAX_LISTED).join(', ')} … (+${value.length - MAX_LISTED})`;
}

/** Replaces each `{name}` of a template with its value; unknown names stay visible so a typo in data shows. */
export function fillTemplate(template: string, details: TFindingDetails): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = details[name];
    return value === undefined ? whole : formatValue(value);
  });
}

const indexCache = new WeakMap<TRuleSet, ReadonlyMap<TRuleCode, TRule>>();

/** The rule with this id in a rule set (the set is validated to hold every id). */
export function ruleOf(ruleSet: TRuleSet, code: TRuleCode): TRule {
  let index = indexCache.get(ruleSet);
  if (!index) {
    index = new Map(ruleSet.rules.map((r) => [r.id, r]));
    indexCache.set(ruleSet, index);
  }
  const rule = index.get(code);
  if (!rule) throw new Error(`rule set ${ruleSet.ruleSetVersion} has no rule ${code}`);
  return rule;
}

/** A finding of `code` with its severity, reference and texts taken from the rule set. */
export function makeFinding(ruleSet: TRuleSet, code: TRuleCode, details: TFindingDetails = {}): TFinding {
  const rule = ruleOf(ruleSet, code);
  const fill = (text: TLocalizedText): TLocalizedText => ({
    es: fillTemplate(text.es, details),
    en: fillTemplate(text.en, details),
  });
  const finding: TFinding = {
    code,
    severity: rule.severity,
    message: fill(rule.message),
    legalRef: formatLegalRef(rule.legalRef),
    remedy: fill(rule.remedy),
  };
  return Object.keys(details).length > 0 ? { ...finding, details } : finding;
}

const SEVERITY_ORDER: Readonly<Record<TSeverity, number>> = { blocking: 0, warning: 1, info: 2 };

/** Findings with the blocking ones first, then warnings, then information (stable otherwise). */
export function sortFindings(findings: readonly TFinding[]): TFinding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** `denied` when any finding blocks, `conditional` when only warnings remain, `allowed` otherwise. */
export function decide(findings: readonly Pick<TFinding, 'severity'>[]): TDecision {
  if (findings.some((f) => f.severity === 'blocking')) return 'denied';
  if (findings.some((f) => f.severity === 'warning')) return 'conditional';
  return 'allowed';
}
