import { readableLabels } from '@enlace/access';
import { classificationRank } from '@enlace/contracts';
import type { TClassification } from '@enlace/contracts';
import { BASIS_KINDS, evaluateTasking as evaluate, periodDays } from '@enlace/rules';
import type { TCoverageHint, TTaskingInput, TTaskingResult } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { referenceSubdivisions } from '../geography/reference-ubigeos.ts';
import { assertAreaGeometry } from './assert-area-geometry.ts';
import { getRuleSet } from './get-rule-set.ts';
import type { CoverageSubject } from './legal.repository.ts';
import { coverageHints, insertEvaluation, instrumentsForPeriod } from './legal.repository.ts';
import type { TInstrumentRecord } from './legal.schemas.ts';

const DAY_MS = 86_400_000;
const isoDateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const BASIS = new Set<string>(BASIS_KINDS);
/** An evaluation names members and their equipment: never below CONFIDENCIAL. */
const MIN_EVALUATION_CLASSIFICATION: TClassification = 'CONFIDENCIAL';

/** The instrument whose area a basis uses: its own, or the nearest decree up its chain that states one. */
function areaSourceOf(instrument: TInstrumentRecord, byId: ReadonlyMap<string, TInstrumentRecord>): string | null {
  let current: TInstrumentRecord | undefined = instrument;
  for (let hops = 0; current && hops < 100; hops += 1) {
    if ((current.area?.ubigeo?.length ?? 0) > 0 || current.area?.geometry) return current.id;
    current = current.extends ? byId.get(current.extends) : undefined;
  }
  return null;
}

/** Coverage hints are needed only where a polygon is involved, on the request's side or a basis's. */
async function hintsFor(
  tx: Queryable,
  instruments: readonly TInstrumentRecord[],
  area: TTaskingInput['area'],
): Promise<TCoverageHint[] | undefined> {
  const byId = new Map(instruments.map((i) => [i.id, i]));
  const subjects: CoverageSubject[] = [];
  for (const i of instruments) {
    if (!BASIS.has(i.kind)) continue;
    const source = areaSourceOf(i, byId);
    if (source) subjects.push({ instrumentId: i.id, areaSourceId: source });
  }
  const polygonInvolved = area.geometry !== undefined || subjects.some((s) => byId.get(s.areaSourceId)?.area?.geometry);
  return polygonInvolved ? coverageHints(tx, subjects, area) : undefined;
}

/**
 * Decides a tasking request with the instruments the actor may read that matter for its period and the rule set in
 * force; polygon coverage is computed by PostGIS and handed to the pure evaluator as hints. The request and the
 * answer are stored and audited in the caller's transaction. Exercise instruments never count as a legal basis.
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
  const instruments = await instrumentsForPeriod(tx, readableLabels(actor, 'legal:evaluate'), {
    from: isoDateOf(days.firstDay),
    to: isoDateOf(days.lastDay),
  });
  const coverage = await hintsFor(tx, instruments, input.area);
  const result = evaluate(input, {
    instruments,
    asOf: now.toISOString(),
    ruleSet,
    subdivisions: referenceSubdivisions,
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
