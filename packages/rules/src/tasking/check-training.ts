import type { TTrainingArea } from '../codes.ts';
import { dateOf } from '../dates.ts';
import type { TFinding } from '../findings.ts';
import { makeFinding } from '../findings.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';
import type { TMember } from './tasking.schema.ts';
import { unitProfile } from './unit-profile.ts';

/**
 * Condition 5, training: every member holds a certificate in each required area, current at `asOf` (the moment the
 * scenario format fixes for training) and still valid on the last day of the task, so that it is valid on every
 * day of the period. One finding per area and kind of fault, naming the members. ISO dates compare as strings;
 * the unit's profile (one pass over its members, kept per members array) answers the usual all-current case at once.
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
  const profile = unitProfile(members);
  const horizon = asOf > last ? asOf : last;
  areas.forEach((area, i) => {
    // Every member current through the horizon: nothing to name, no need to visit the members.
    if (members.length > 0 && profile.earliestUntil(area) >= horizon && profile.earliestUntil(area) !== '') return;
    const untils = profile.untilByArea(area);
    members.forEach((m, k) => {
      const until = untils[k] ?? '';
      if (until === '') missing[i]?.push(m.id);
      else if (until < asOf) expired[i]?.push(m.id);
      else if (until < last) lapsing[i]?.push(m.id);
    });
  });
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
