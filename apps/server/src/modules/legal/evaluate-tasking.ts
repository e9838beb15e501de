import { readableLabels } from '@enlace/access';
import { classificationRank } from '@enlace/contracts';
import type { TClassification } from '@enlace/contracts';
import { evaluateTasking as evaluate, periodDays } from '@enlace/rules';
import type { TTaskingInput, TTaskingResult } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { referenceCoverageEngine } from '../geography/reference-geometry.ts';
import { referenceSubdivisions } from '../geography/reference-ubigeos.ts';
import { withUnitRecords } from '../forces/load-unit-members-and-equipment.ts';
import { listProtocolsInForce } from '../protocols/list-protocols-in-force.ts';
import { assertAreaGeometry } from './assert-area-geometry.ts';
import { getRuleSet } from './get-rule-set.ts';
import { insertEvaluation } from './legal.repository.ts';
import { readableRegistry } from './registry-cache.ts';

/** An evaluation names members and their equipment: never below CONFIDENCIAL. */
const MIN_EVALUATION_CLASSIFICATION: TClassification = 'CONFIDENCIAL';

/**
 * Decides a tasking request with the instruments the actor may read that matter for its period and the rule set in
 * force; polygon coverage is computed in memory over the reference district boundaries (packages/rules, checked
 * against PostGIS ST_Covers by coverage-parity.test.ts) and handed to the pure evaluator as hints. The request and the
 * answer are stored and audited in the caller's transaction. Exercise instruments never count as a legal basis.
 * The joint protocols in force the actor may read are applied too (rules package, protocols/check-protocol.ts).
 */
export async function evaluateTasking({ tx, audit, actor, input, now }: {
  tx: Queryable;
  audit: AuditTrail;
  actor: Actor;
  input: TTaskingInput;
  now: Date;
}): Promise<TTaskingResult & { evaluationId: string }> {
  const days = periodDays(input.start, input.end);
  if (!days) throw new AppError('VALIDATION_FAILED', { summary: 'body.end: before start' });
  assertAreaGeometry(input.area, 'area.geometry');
  const ruleSet = await getRuleSet(tx);
  const instruments = await readableRegistry(tx, readableLabels(actor, 'legal:evaluate'));
  const coverage = referenceCoverageEngine().hints(input.area, instruments);
  const protocols = await listProtocolsInForce(tx, actor);
  // Members and equipment not listed in the request come from the unit's records (forces module).
  const result = evaluate(await withUnitRecords(tx, actor, input, now), {
    instruments,
    asOf: now.toISOString(),
    ruleSet,
    subdivisions: referenceSubdivisions,
    protocols,
    ...(coverage ? { coverage } : {}),
  });

  const used = instruments.filter((i) => result.legalBasis.includes(i.id));
  const classification = used.reduce<TClassification>(
    (max, i) => (classificationRank(i.classification) > classificationRank(max) ? i.classification : max),
    MIN_EVALUATION_CLASSIFICATION,
  );
  const stored = await insertEvaluation(tx, {
    actorId: actor.userId,
    actor: actor.username,
    agency: actor.agency,
    classification,
    input,
    result,
  });
  audit.record('evaluate', 'tasking_evaluation', stored.id, stored.result);
  return { ...result, evaluationId: stored.id };
}
