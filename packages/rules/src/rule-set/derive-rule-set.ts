import type { z } from 'zod';
import type { TRule, TRuleSet, TThresholds } from './rule-set.schema.ts';
import { ZRuleSet } from './rule-set.schema.ts';

/** What an admin changes: a new version, and any thresholds or rules to replace (rules matched by id). */
export interface TRuleSetChange {
  readonly ruleSetVersion: string;
  readonly description?: string;
  readonly thresholds?: Partial<TThresholds>;
  readonly rules?: readonly TRule[];
}

/**
 * A new rule set from `base` with `change` applied, validated with the same schema the API uses. Refuses to reuse
 * the base's version: two different rule sets under one version would make recorded decisions untraceable.
 */
export function deriveRuleSet(base: TRuleSet, change: TRuleSetChange): z.ZodSafeParseResult<TRuleSet> {
  const replaced = new Map((change.rules ?? []).map((r) => [r.id, r]));
  const candidate = {
    ruleSetVersion: change.ruleSetVersion,
    description: change.description ?? base.description,
    thresholds: { ...base.thresholds, ...change.thresholds },
    rules: base.rules.map((r) => replaced.get(r.id) ?? r),
  };
  if (change.ruleSetVersion.trim() === base.ruleSetVersion) {
    return ZRuleSet.refine(() => false, { path: ['ruleSetVersion'], message: 'a changed rule set needs a new ruleSetVersion' }).safeParse(candidate);
  }
  return ZRuleSet.safeParse(candidate);
}
