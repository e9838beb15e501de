import { forceGroupOf } from '../codes.ts';
import type { TFinding } from '../findings.ts';
import { makeFinding, sortFindings } from '../findings.ts';
import { DEFAULT_RULE_SET } from '../rule-set/default-rule-set.ts';
import type { TRuleCode } from '../rule-set/rule-codes.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';
import type { TAssessForceInput, TAssessForceResult, TForceStep, TResistanceStep } from './assess-force.schema.ts';
import { ZAssessForceInput, comparePositions } from './assess-force.schema.ts';
import { checkForceProportionality } from './check-force-proportionality.ts';
import type { TLadderLevel } from './force-ladder.ts';
import { forceLevelOfFfaaStep } from './force-ladder.ts';

export interface TAssessForceOptions {
  readonly ruleSet?: TRuleSet;
}

/** Findings about the incident as a whole: reported once, whatever the number of lethal steps. */
const ONCE: ReadonlySet<TRuleCode> = new Set<TRuleCode>(['LETHAL_FORCE_WITHOUT_GROUND', 'LETHAL_GROUND_NOT_AVAILABLE']);

/**
 * The rule set for a procedure finding. A rule set stored before the procedure rules existed lacks them; their
 * default text is used then rather than failing the whole assessment (the version reported stays the one in force).
 */
function withRule(ruleSet: TRuleSet, code: TRuleCode): TRuleSet {
  return ruleSet.rules.some((r) => r.id === code) ? ruleSet : DEFAULT_RULE_SET;
}

/** The PNP level of a force step: its own level for the PNP, the mapped FF.AA. step otherwise (validated input). */
function levelOf(step: TForceStep): TLadderLevel {
  if (step.level !== undefined) return step.level as TLadderLevel;
  if (step.step !== undefined) return forceLevelOfFfaaStep(step.step);
  throw new RangeError('a force step needs a level or an FF.AA. step');
}

/** The resistance met at `at`: the last resistance step at or before it (the input puts the first one no later). */
function resistanceAt(sequence: readonly TResistanceStep[], at: TForceStep['at']): TLadderLevel {
  let current = sequence[0];
  for (const s of sequence) {
    if (comparePositions(s.at, at) > 0) break;
    current = s;
  }
  if (!current) throw new RangeError('an empty resistance sequence');
  return current.level as TLadderLevel;
}

/**
 * Assesses one incident of differentiated use of force (DL 1186 art. 7 and 8; for the FF.AA. the DL 1095 ladder,
 * mapped onto the PNP levels):
 * - each force step against the resistance met at that moment: above it without a justification blocks, with one is
 *   recorded for review (FORCE_ABOVE_RESISTANCE, FORCE_ABOVE_RESISTANCE_JUSTIFIED);
 * - lethal force (level 6, or the FF.AA. firearm) needs a lawful ground available to that force
 *   (LETHAL_FORCE_WITHOUT_GROUND, LETHAL_GROUND_NOT_AVAILABLE);
 * - before lethal force: identification, clear warning and time to comply, unless the record says why that was not
 *   possible (WARNING_NOT_GIVEN blocks, WARNING_OMITTED_UNDUE_RISK is recorded for review).
 * Findings about a step carry its index (`forceStep`) and position (`at`) in `details`. Throws on invalid input
 * (parse it with ZAssessForceInput first to report faults by path).
 */
export function assessForce(input: TAssessForceInput, options: TAssessForceOptions = {}): TAssessForceResult {
  const parsed = ZAssessForceInput.parse(input);
  const ruleSet = options.ruleSet ?? DEFAULT_RULE_SET;
  const unitForce = forceGroupOf(parsed.force);
  const findings: TFinding[] = [];
  const emitted = new Set<TRuleCode>();
  let lethalUsed = false;

  parsed.forceSequence.forEach((step, index) => {
    const force = levelOf(step);
    const resistance = resistanceAt(parsed.resistanceSequence, step.at);
    if (force === 6) lethalUsed = true;
    const justification = {
      ...(step.justification !== undefined ? { reason: step.justification } : {}),
      ...(parsed.lethalGround !== undefined ? { lethalGround: parsed.lethalGround } : {}),
    };
    for (const finding of checkForceProportionality(resistance, force, justification, { unitForce, ruleSet })) {
      if (ONCE.has(finding.code)) {
        if (emitted.has(finding.code)) continue;
        emitted.add(finding.code);
      }
      const where = { forceStep: index, at: step.at, ...(step.step !== undefined ? { ffaaStep: step.step } : {}) };
      findings.push({ ...finding, details: { ...finding.details, ...where } });
    }
  });

  if (lethalUsed) {
    const w = parsed.warningsGiven;
    const missing = [
      ...(w.identification ? [] : ['IDENTIFICACION']),
      ...(w.warning ? [] : ['ADVERTENCIA']),
      ...(w.timeToComply ? [] : ['TIEMPO_PARA_ACATAR']),
    ];
    if (missing.length > 0) {
      findings.push(
        w.omissionReason === undefined
          ? makeFinding(withRule(ruleSet, 'WARNING_NOT_GIVEN'), 'WARNING_NOT_GIVEN', { missing })
          : makeFinding(withRule(ruleSet, 'WARNING_OMITTED_UNDUE_RISK'), 'WARNING_OMITTED_UNDUE_RISK', { missing, reason: w.omissionReason }),
      );
    }
  }

  const sorted = sortFindings(findings);
  return {
    compliant: !sorted.some((f) => f.severity === 'blocking'),
    ruleSetVersion: ruleSet.ruleSetVersion,
    findings: sorted,
  };
}
