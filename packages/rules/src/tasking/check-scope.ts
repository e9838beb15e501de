import type { TTask } from '../codes.ts';
import type { TFinding } from '../findings.ts';
import { makeFinding } from '../findings.ts';
import type { TEffectiveInstrument } from '../instruments/index-instruments.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';

/**
 * Condition 4, scope of support: patrols with police, checkpoints, protection of critical assets and essential
 * services, crowd management support; never investigation (blocking in every scenario). Under an S4 resolution a
 * task that does not fit its ground is a warning: the resolution's text, not this model, says what it authorises.
 */
export function checkScope(task: TTask, bases: readonly TEffectiveInstrument[], ruleSet: TRuleSet): TFinding[] {
  const findings: TFinding[] = [];
  if (!ruleSet.thresholds.tasks[task].ffaaMayPerform) findings.push(makeFinding(ruleSet, 'TASK_FORBIDDEN_FOR_FFAA', { task }));
  for (const b of bases) {
    if (b.scenario !== 'APOYO_PNP_SIN_EE' || !b.ground) continue;
    const typical = ruleSet.thresholds.groundTasks[b.ground];
    if (!typical.includes(task)) {
      findings.push(makeFinding(ruleSet, 'TASK_OUTSIDE_GROUND', { task, ground: b.ground, instrument: b.id, tasks: typical }));
    }
  }
  return findings;
}
