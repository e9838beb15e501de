import type { TCoverageHint } from '../area/area-coverage.ts';
import type { TControlAuthority } from '../codes.ts';
import { forceGroupOf } from '../codes.ts';
import { limaDayOf, periodDays } from '../dates.ts';
import type { TFinding } from '../findings.ts';
import { decide, makeFinding, sortFindings } from '../findings.ts';
import { indexInstruments } from '../instruments/index-instruments.ts';
import type { TInstrument } from '../instruments/instrument.schema.ts';
import { checkProtocols } from '../protocols/check-protocol.ts';
import type { TProtocolInForce } from '../protocols/protocol.schema.ts';
import { DEFAULT_RULE_SET } from '../rule-set/default-rule-set.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';
import { basesReliedOn, checkBasis } from './check-basis.ts';
import { checkCommand } from './check-command.ts';
import { checkEquipment } from './check-equipment.ts';
import { checkOversight } from './check-oversight.ts';
import { checkScope } from './check-scope.ts';
import { checkSupporting } from './check-supporting.ts';
import { checkTraining } from './check-training.ts';
import type { TTaskingInput, TTaskingResult } from './tasking.schema.ts';

/** What the evaluator is given besides the request: the registry's instruments, the time, the rules. */
export interface TTaskingContext {
  /** Every instrument that may matter (bases, extensions, RUF, directives, CCO plans); resolved once per array. */
  readonly instruments: readonly TInstrument[];
  /** The moment of evaluation (ISO date or date-time): training is judged current at this moment. */
  readonly asOf: string;
  /** The rule set in force; the default one when absent. */
  readonly ruleSet?: TRuleSet;
  /**
   * Coverage precomputed by the server (PostGIS) where a polygon is involved: one hint per basis instrument whose
   * area may cover the request. When given, the list is taken as complete (an instrument without a hint does not
   * cover the polygon parts). When absent, polygon coverage is BASIS_AREA_UNVERIFIED (blocking), never guessed.
   */
  readonly coverage?: readonly TCoverageHint[];
  /**
   * The provinces of a department or the districts of a province (reference geography the caller holds). With it,
   * an area named at a higher level than the bases is judged subdivision by subdivision.
   */
  readonly subdivisions?: (code: string) => readonly string[];
  /**
   * The joint protocols in force (issue 3 item 6), when the caller holds a protocol registry (the server). When
   * absent, as in scenario files, protocols are not checked.
   */
  readonly protocols?: readonly TProtocolInForce[];
}

/**
 * Decides whether a unit may be given a task in an area over a period, with every reason. A unit of the FF.AA. is
 * judged on all of "What must hold before a military unit is tasked" (legal-framework note); a PNP unit acts in its
 * own mandate and is judged on training and equipment only (DL 1186). Pure: the same input and context always give
 * the same result, which records the rule-set version used. Throws a RangeError when the end is before the start
 * (ZTaskingInput refuses such input first).
 */
export function evaluateTasking(input: TTaskingInput, context: TTaskingContext): TTaskingResult {
  const ruleSet = context.ruleSet ?? DEFAULT_RULE_SET;
  const days = periodDays(input.start, input.end);
  if (!days) throw new RangeError('end is before start');
  const period = { from: days.firstDay, to: days.lastDay };
  const group = forceGroupOf(input.unit.force);
  const findings: TFinding[] = [];
  let legalBasis: string[] = [];
  let controlAuthority: TControlAuthority | null = 'PNP';

  if (group === 'PNP') {
    findings.push(makeFinding(ruleSet, 'PNP_OWN_MANDATE', { unit: input.unit.name ?? input.unit.id, task: input.task }));
  } else {
    const index = indexInstruments(context.instruments);
    const basis = checkBasis(index, input.area, period, context.coverage, ruleSet, context.subdivisions);
    const support = checkSupporting(index, basis.parts, period, ruleSet);
    findings.push(
      ...checkScope(input.task, basesReliedOn(basis, period), ruleSet),
      ...basis.findings,
      ...checkCommand(basis.bases, input.pnpCoordinator, ruleSet),
      ...support.findings,
      ...checkOversight(basis.bases, ruleSet),
    );
    legalBasis = [...basis.bases, ...support.supporting].map((i) => i.id);
    controlAuthority = basis.controlAuthority;
  }

  const readiness = ruleSet.thresholds.readiness[group];
  const members = input.unit.members ?? [];
  if (members.length === 0) {
    findings.push(makeFinding(ruleSet, 'MEMBERS_NOT_LISTED', { unit: input.unit.name ?? input.unit.id }));
  } else {
    const required = [...readiness.baseTraining, ...ruleSet.thresholds.tasks[input.task].training];
    findings.push(...checkTraining(members, required, limaDayOf(context.asOf), period.to, ruleSet));
  }
  findings.push(...checkEquipment(members, input.unit.equipment ?? [], input.task, readiness, ruleSet));
  if (context.protocols) {
    const protocolInput = { task: input.task, members, equipment: input.unit.equipment ?? [] };
    const alreadyRequired = [...readiness.baseTraining, ...ruleSet.thresholds.tasks[input.task].training];
    findings.push(...checkProtocols(protocolInput, context.protocols, { group, asOfDay: limaDayOf(context.asOf), lastDay: period.to, alreadyRequired, ruleSet }));
  }

  const sorted = sortFindings(findings);
  return { decision: decide(sorted), legalBasis, controlAuthority, ruleSetVersion: ruleSet.ruleSetVersion, findings: sorted };
}
