import type { TForceGroup } from '../codes.ts';
import type { TFinding } from '../findings.ts';
import { makeFinding, sortFindings } from '../findings.ts';
import { DEFAULT_RULE_SET } from '../rule-set/default-rule-set.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';
import type { TLadderLevel, TLethalGround } from './force-ladder.ts';
import { FORCE_LEVELS, LETHAL_GROUND_FORCES, RESISTANCE_LEVELS, ZLadderLevel } from './force-ladder.ts';

/** What was recorded to justify the force used. */
export interface TForceJustification {
  /** Why force above the resistance met was necessary (free text of the report). */
  readonly reason?: string;
  /** The lawful ground for lethal force (force level 6). */
  readonly lethalGround?: TLethalGround;
}

export interface TForceCheckOptions {
  /** Who used the force: the Ley 32291 ground is the PNP's only. Defaults to FFAA, the stricter reading. */
  readonly unitForce?: TForceGroup;
  readonly ruleSet?: TRuleSet;
}

/**
 * DL 1186 art. 7: force must match the resistance met (level n for level n). Force above it needs a recorded
 * justification (blocking without one, informative with one), and lethal force (6) needs one of the lawful grounds
 * available to the force that used it. Returns no finding for force at or below the resistance.
 */
export function checkForceProportionality(
  resistance: TLadderLevel,
  force: TLadderLevel,
  justification: TForceJustification = {},
  options: TForceCheckOptions = {},
): TFinding[] {
  ZLadderLevel.parse(resistance);
  ZLadderLevel.parse(force);
  const ruleSet = options.ruleSet ?? DEFAULT_RULE_SET;
  const unitForce = options.unitForce ?? 'FFAA';
  const findings: TFinding[] = [];
  const reason = justification.reason?.trim() ?? '';
  if (force > resistance) {
    const details = {
      force,
      resistance,
      forceName: FORCE_LEVELS[force - 1]?.name.es ?? String(force),
      resistanceName: RESISTANCE_LEVELS[resistance - 1]?.name.es ?? String(resistance),
    };
    findings.push(
      reason === ''
        ? makeFinding(ruleSet, 'FORCE_ABOVE_RESISTANCE', details)
        : makeFinding(ruleSet, 'FORCE_ABOVE_RESISTANCE_JUSTIFIED', { force, resistance, justification: reason }),
    );
  }
  if (force === 6) {
    const ground = justification.lethalGround;
    if (!ground) findings.push(makeFinding(ruleSet, 'LETHAL_FORCE_WITHOUT_GROUND', { resistance }));
    else if (!LETHAL_GROUND_FORCES[ground].includes(unitForce)) {
      findings.push(makeFinding(ruleSet, 'LETHAL_GROUND_NOT_AVAILABLE', { ground, force: unitForce }));
    }
  }
  return sortFindings(findings);
}
