import { DEFAULT_RULE_SET, deriveRuleSet } from '@enlace/rules';
import type { TRuleSet, TRuleSetChange } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getRuleSet } from './get-rule-set.ts';
import { insertActiveRuleSet, lockRuleSets, ruleSetVersionExists } from './legal.repository.ts';

/**
 * Puts a new rule-set version in force, derived from the one in force with the admin's changes. Versions are never
 * reused: every stored evaluation names the version it used, so it must keep meaning the same rules.
 */
export async function changeRuleSet({ tx, audit, actor, change }: {
  tx: Queryable;
  audit: AuditTrail;
  actor: Actor;
  change: TRuleSetChange;
}): Promise<TRuleSet> {
  await lockRuleSets(tx);
  const version = change.ruleSetVersion.trim();
  if (version === DEFAULT_RULE_SET.ruleSetVersion || (await ruleSetVersionExists(tx, version))) {
    throw new AppError('RULE_SET_VERSION_TAKEN', { version });
  }
  const derived = deriveRuleSet(await getRuleSet(tx), change);
  if (!derived.success) {
    const first = derived.error.issues[0];
    throw new AppError(
      'RULE_SET_INVALID',
      { path: first ? first.path.join('.') : '', reason: first?.message ?? '' },
      derived.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  await insertActiveRuleSet(tx, derived.data, actor.username);
  audit.record('activate', 'legal_rule_set', derived.data.ruleSetVersion, derived.data);
  return derived.data;
}
