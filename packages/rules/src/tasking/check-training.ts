import type { TTrainingArea } from '../codes.ts';
import { dateOf } from '../dates.ts';
import type { TFinding } from '../findings.ts';
import { makeFinding } from '../findings.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';
import type { TMember } from './tasking.schema.ts';

/**
 * Condition 5, training: every member holds a certificate in each required area, current at `asOf` (the moment the
 * scenario format fixes for training) and still valid on the last day of the task, so that it is valid on every
 * day of the period. One finding per area and kind of fault, naming the members. ISO dates compare as strings
 * (no parsing in the loop over a 1,000-member unit).
 */
export function checkTraining(
  members: readonly TMember[],
  required: readonly TTrainingArea[],
  asOfDay: number,
  lastDay: number,
  ruleSet: TRuleSet,
): TFinding[] {
  const areas = [...new Set(required)];
  const asOf = dateOf(asOfDay);
  const last = dateOf(lastDay);
  const missing = areas.map((): string[] => []);
  const expired = areas.map((): string[] => []);
  const lapsing = areas.map((): string[] => []);
  for (const m of members) {
    for (let i = 0; i < areas.length; i++) {
      const area = areas[i];
      let until = '';
      for (const t of m.trainings) if (t.area === area && t.validUntil > until) until = t.validUntil;
      if (until === '') missing[i]?.push(m.id);
      else if (until < asOf) expired[i]?.push(m.id);
      else if (until < last) lapsing[i]?.push(m.id);
    }
  }
  const findings: TFinding[] = [];
  areas.forEach((area, i) => {
    const [mi = [], ex = [], la = []] = [missing[i], expired[i], lapsing[i]];
    if (mi.length > 0) findings.push(makeFinding(ruleSet, 'TRAINING_MISSING', { area, members: mi, count: mi.length }));
    if (ex.length > 0) findings.push(makeFinding(ruleSet, 'TRAINING_EXPIRED', { area, members: ex, count: ex.length, asOf }));
    if (la.length > 0) {
      findings.push(makeFinding(ruleSet, 'TRAINING_LAPSES_DURING_PERIOD', { area, members: la, count: la.length, lastDay: last }));
    }
  });
  return findings;
}
