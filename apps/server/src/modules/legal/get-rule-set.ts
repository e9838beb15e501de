import { DEFAULT_RULE_SET } from '@enlace/rules';
import type { TRuleSet } from '@enlace/rules';
import type { Queryable } from '../../platform/db/db.ts';
import { findActiveRuleSet } from './legal.repository.ts';

/** The rule set in force: the last one an admin stored, or the rules package's default before any change. */
export async function getRuleSet(db: Queryable): Promise<TRuleSet> {
  return (await findActiveRuleSet(db)) ?? DEFAULT_RULE_SET;
}
