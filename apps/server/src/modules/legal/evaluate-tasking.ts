import { readableLabels } from '@enlace/access';
import { classificationRank } from '@enlace/contracts';
import type { TClassification } from '@enlace/contracts';
import { evaluateTasking as evaluate, periodDays } from '@enlace/rules';
import type { TTaskingInput, TTaskingResult } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AuditedOptions } from '../../platform/audit/run-audited.ts';
import { readChangeVersions } from '../../platform/db/change-versions.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { referenceCoverageEngine } from '../geography/reference-geometry.ts';
import { referenceSubdivisions } from '../geography/reference-ubigeos.ts';
import { withUnitRecords } from '../forces/load-unit-members-and-equipment.ts';
import { listProtocolsInForce } from '../protocols/list-protocols-in-force.ts';
import { assertAreaGeometry } from './assert-area-geometry.ts';
import { compactTaskingInput } from './compact-tasking-input.ts';
import { cachedRuleSet } from './get-rule-set.ts';
import { insertEvaluation } from './legal.repository.ts';
import { readableRegistry } from './registry-cache.ts';

/** An evaluation names members and their equipment: never below CONFIDENCIAL. */
const MIN_EVALUATION_CLASSIFICATION: TClassification = 'CONFIDENCIAL';

/**
 * Decides a tasking request with the instruments the actor may read (revocations applied), the rule set and the joint
 * protocols in force, and the unit's members and equipment from its records when the request does not list them.
 * All of these come from in-memory copies checked against the database's change versions with one query; polygon
 * coverage is computed in memory over the reference district boundaries (packages/rules, checked against PostGIS
 * ST_Covers by coverage-parity.test.ts). Only then is a transaction opened: the compact input with its SHA-256, the
 * answer and the audit entry are committed together, so an accepted evaluation is durable and audited. Exercise
 * instruments never count as a legal basis.
 */
export async function evaluateTasking({ db, audited, actor, input, bodyDigest, now }: {
  db: Queryable;
  audited: AuditedOptions;
  actor: Actor;
  input: TTaskingInput;
  /** SHA-256 of the request body as received, which binds the members it lists (request-body-digest.ts). */
  bodyDigest?: string | undefined;
  now: Date;
}): Promise<TTaskingResult & { evaluationId: string }> {
  const { result, evaluated, instruments } = await decideTasking({ db, actor, input, now });
  const used = instruments.filter((i) => result.legalBasis.includes(i.id));
  const classification = used.reduce<TClassification>(
    (max, i) => (classificationRank(i.classification) > classificationRank(max) ? i.classification : max),
    MIN_EVALUATION_CLASSIFICATION,
  );
  const stored = compactTaskingInput(evaluated, input.unit.members === undefined ? { members: 'records' } : { members: 'request', bodyDigest });
  const { value } = await runAudited(audited, async (tx, audit) => {
    const id = await insertEvaluation(tx, {
      actorId: actor.userId,
      actor: actor.username,
      agency: actor.agency,
      classification,
      inputJson: stored.json,
      inputDigest: stored.digest,
      result,
    });
    audit.record('evaluate', 'tasking_evaluation', id, { inputDigest: stored.digest, ...result });
    return { ...result, evaluationId: id };
  });
  return value;
}

/**
 * The decision alone, nothing stored: what {@link evaluateTasking} decides and then stores. For callers that shape a
 * request before submitting it (the demo forms a detachment of the members whose records qualify).
 */
export async function decideTasking({ db, actor, input, now }: {
  db: Queryable;
  actor: Actor;
  input: TTaskingInput;
  now: Date;
}): Promise<{ result: TTaskingResult; evaluated: TTaskingInput; instruments: Awaited<ReturnType<typeof readableRegistry>> }> {
  const days = periodDays(input.start, input.end);
  if (!days) throw new AppError('VALIDATION_FAILED', { summary: 'body.end: before start' });
  assertAreaGeometry(input.area, 'area.geometry');
  const versions = await readChangeVersions(db);
  const [ruleSet, instruments, protocols, evaluated] = await Promise.all([
    cachedRuleSet(db, versions.legal_rule_set),
    readableRegistry(db, readableLabels(actor, 'legal:evaluate'), versions.legal_registry),
    listProtocolsInForce(db, actor, versions.protocols),
    // Members and equipment not listed in the request come from the unit's records (forces module).
    withUnitRecords(db, actor, input, now, versions.forces),
  ]);
  const coverage = referenceCoverageEngine().hints(input.area, instruments);
  const result = evaluate(evaluated, {
    instruments,
    asOf: now.toISOString(),
    ruleSet,
    subdivisions: referenceSubdivisions,
    protocols,
    ...(coverage ? { coverage } : {}),
  });
  return { result, evaluated, instruments };
}
