import type { TSeverity } from '../codes.ts';
import type { TRuleCode } from './rule-codes.ts';
import type { TLegalRef, TRule } from './rule-set.schema.ts';

/** Builds a rule of the default rule set: `[es, en]` pairs keep each text next to its translation. */
export function defineRule(
  id: TRuleCode,
  legalRef: TLegalRef,
  severity: TSeverity,
  message: readonly [es: string, en: string],
  remedy: readonly [es: string, en: string],
): TRule {
  return { id, legalRef, severity, message: { es: message[0], en: message[1] }, remedy: { es: remedy[0], en: remedy[1] } };
}
