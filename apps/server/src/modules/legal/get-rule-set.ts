import { DEFAULT_RULE_SET } from '@enlace/rules';
import type { TRuleSet } from '@enlace/rules';
import type { Queryable } from '../../platform/db/db.ts';
import { VersionedCache } from '../../platform/db/versioned-cache.ts';
import { findActiveRuleSet } from './legal.repository.ts';

/**
 * The rule set in force: the last one an admin stored, or the rules package's default before any change. A stored
 * version that predates a rule added to the product (e.g. the protocol rules) takes that rule from the default, so
 * the evaluator never meets a rule set without a rule it applies; the admin's thresholds and rules stay as stored.
 */
export async function getRuleSet(db: Queryable): Promise<TRuleSet> {
  const stored = await findActiveRuleSet(db);
  if (!stored) return DEFAULT_RULE_SET;
  const known = new Set(stored.rules.map((r) => r.id));
  const missing = DEFAULT_RULE_SET.rules.filter((r) => !known.has(r.id));
  return missing.length === 0 ? stored : { ...stored, rules: [...stored.rules, ...missing] };
}

const cache = new VersionedCache<'ruleSet', TRuleSet>(1);

/**
 * `getRuleSet` from an in-memory copy kept while `version` (row `legal_rule_set` of `change_version`, moved by every
 * rule-set change on any instance) stays the same: the tasking evaluator's per-request read.
 */
export function cachedRuleSet(db: Queryable, version: string): Promise<TRuleSet> {
  return cache.get(db, version, 'ruleSet', () => getRuleSet(db));
}
