import { assessForce } from '@enlace/rules';
import type { TAssessForceInput, TAssessForceResult } from '@enlace/rules';
import type { Queryable } from '../../platform/db/db.ts';
import { getRuleSet } from './get-rule-set.ts';

export interface AssessForceOptions {
  db: Queryable;
  input: TAssessForceInput;
}

/**
 * Assesses one incident of use of force against the rule set in force (DL 1186 art. 7 and 8; the DL 1095 ladder for
 * the FF.AA.). A computation only: nothing is stored or audited; use-of-force reports will store their assessment.
 */
export async function assessForceIncident({ db, input }: AssessForceOptions): Promise<TAssessForceResult> {
  return assessForce(input, { ruleSet: await getRuleSet(db) });
}
