import { randomUUID } from 'node:crypto';
import { readableLabels } from '@enlace/access';
import { classificationRank } from '@enlace/contracts';
import type { TClassification } from '@enlace/contracts';
import { evaluateTasking as evaluate, periodDays } from '@enlace/rules';
import type { TTaskingInput, TTaskingResult } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import { runAuditedScript } from '../../platform/audit/run-audited.ts';
import type { AuditedOptions } from '../../platform/audit/run-audited.ts';
import {
  expectChangeVersionsStatement,
  isChangeVersionConflict,
  lastReadChangeVersions,
  readChangeVersions,
} from '../../platform/db/change-versions.ts';
import type { ChangeScope, ChangeVersions } from '../../platform/db/change-versions.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { referenceCoverageEngine } from '../geography/reference-geometry.ts';
import { referenceSubdivisions } from '../geography/reference-ubigeos.ts';
import { withUnitRecords } from '../forces/load-unit-members-and-equipment.ts';
import { listProtocolsInForce } from '../protocols/list-protocols-in-force.ts';
import { assertAreaGeometry } from './assert-area-geometry.ts';
import { compactTaskingInput } from './compact-tasking-input.ts';
import { cachedRuleSet } from './get-rule-set.ts';
import { insertEvaluationStatement } from './legal.repository.ts';
import { readableRegistry } from './registry-cache.ts';
import type { TInstrumentRecord } from './legal.schemas.ts';

/** An evaluation names members and their equipment: never below CONFIDENCIAL. */
const MIN_EVALUATION_CLASSIFICATION: TClassification = 'CONFIDENCIAL';

/** The in-memory copies a decision is made from (change-versions.ts): a write states their versions. */
const DECIDED_FROM: readonly ChangeScope[] = ['legal_rule_set', 'legal_registry', 'protocols', 'forces'];

interface EvaluationRequest {
  db: Queryable;
  audited: AuditedOptions;
  actor: Actor;
  input: TTaskingInput;
  /** SHA-256 of the request body as received, which binds the members it lists (request-body-digest.ts). */
  bodyDigest?: string | undefined;
  now: Date;
}

type StoredEvaluation = TTaskingResult & { evaluationId: string };

/** Decisions made again when the copies they were made from turned out to be behind, before giving up. */
const MAX_ATTEMPTS = 4;

/**
 * Decides a tasking request with the instruments the actor may read (revocations applied), the rule set and the joint
 * protocols in force, and the unit's members and equipment from its records when the request does not list them.
 * All of these come from in-memory copies at the change versions this process read last; polygon coverage is
 * computed in memory over the reference district boundaries (packages/rules, checked against PostGIS ST_Covers by
 * coverage-parity.test.ts). Then one transaction, sent as one message, checks that those versions are still the
 * database's and stores the compact input with its SHA-256, the answer and the audit entry: an accepted evaluation
 * is durable, audited, and was decided from the records current when it was stored. When a version had moved (the
 * registry, rule set, protocols or forces records changed, on any instance), the versions are read again and the
 * request decided again. Exercise instruments never count as a legal basis.
 */
export async function evaluateTasking({ db, audited, actor, input, bodyDigest, now }: EvaluationRequest): Promise<StoredEvaluation> {
  let versions = lastReadChangeVersions(db) ?? (await readChangeVersions(db));
  for (let attempt = 1; ; attempt++) {
    try {
      return await decideAndStore({ db, audited, actor, input, bodyDigest, now, versions });
    } catch (err) {
      if (!isChangeVersionConflict(err)) throw err;
      if (attempt === MAX_ATTEMPTS) throw new AppError('RECORDS_CHANGING', { attempts: String(attempt) });
      versions = await readChangeVersions(db);
    }
  }
}

const indexes = new WeakMap<readonly TInstrumentRecord[], ReadonlyMap<string, TInstrumentRecord>>();

/** The instruments by id, kept per registry copy (the same array serves every request of a reader). */
function recordsById(instruments: readonly TInstrumentRecord[]): ReadonlyMap<string, TInstrumentRecord> {
  let index = indexes.get(instruments);
  if (!index) {
    index = new Map(instruments.map((i) => [i.id, i]));
    indexes.set(instruments, index);
  }
  return index;
}

async function decideAndStore({ db, audited, actor, input, bodyDigest, now, versions }: EvaluationRequest & { versions: ChangeVersions }): Promise<StoredEvaluation> {
  const { result, evaluated, instruments } = await decideTasking({ db, actor, input, now, versions });
  const byId = recordsById(instruments);
  const used = result.legalBasis.flatMap((id) => byId.get(id) ?? []);
  const classification = used.reduce<TClassification>(
    (max, i) => (classificationRank(i.classification) > classificationRank(max) ? i.classification : max),
    MIN_EVALUATION_CLASSIFICATION,
  );
  const stored = compactTaskingInput(evaluated, input.unit.members === undefined ? { members: 'records' } : { members: 'request', bodyDigest });
  const id = randomUUID();
  const { value } = await runAuditedScript(audited, (audit) => {
    audit.record('evaluate', 'tasking_evaluation', id, { inputDigest: stored.digest, ...result });
    const script = [
      expectChangeVersionsStatement(versions, DECIDED_FROM),
      insertEvaluationStatement(id, {
        actorId: actor.userId,
        actor: actor.username,
        agency: actor.agency,
        classification,
        inputJson: stored.json,
        inputDigest: stored.digest,
        result,
      }),
    ].join(';\n');
    return { script, value: { ...result, evaluationId: id } };
  });
  return value;
}

/**
 * The decision alone, nothing stored: what {@link evaluateTasking} decides and then stores. For callers that shape a
 * request before submitting it (the demo forms a detachment of the members whose records qualify).
 */
export async function decideTasking({ db, actor, input, now, versions: given }: {
  db: Queryable;
  actor: Actor;
  input: TTaskingInput;
  now: Date;
  /** The change versions to decide at; read now when not given. */
  versions?: ChangeVersions;
}): Promise<{ result: TTaskingResult; evaluated: TTaskingInput; instruments: Awaited<ReturnType<typeof readableRegistry>> }> {
  const days = periodDays(input.start, input.end);
  if (!days) throw new AppError('VALIDATION_FAILED', { summary: 'body.end: before start' });
  assertAreaGeometry(input.area, 'area.geometry');
  const versions = given ?? (await readChangeVersions(db));
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
