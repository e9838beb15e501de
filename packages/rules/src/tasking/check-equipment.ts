import type { TEquipmentCategory, TTask } from '../codes.ts';
import { LETHAL_WEAPONS, NON_LETHAL_MEANS } from '../codes.ts';
import type { TFinding } from '../findings.ts';
import { makeFinding } from '../findings.ts';
import type { TReadinessThresholds, TRuleSet } from '../rule-set/rule-set.schema.ts';
import type { TMember, TUnitEquipment } from './tasking.schema.ts';
import { unitProfile } from './unit-profile.ts';

/** Guards float thresholds: 0.2 × 10 must allow 2, not 1.9999. */
const EPSILON = 1e-9;

const poolOf = (equipment: readonly TUnitEquipment[], categories: readonly TEquipmentCategory[]): number =>
  equipment.filter((e) => categories.includes(e.category)).reduce((sum, e) => sum + e.quantity, 0);

/** Members lacking an item, after the first ones draw from the unit's pool. */
const afterPool = (lacking: readonly string[], pool: number): string[] => lacking.slice(pool);

/**
 * Condition 5, equipment: a non-lethal means for every member so the force ladder can be applied; lethal weapons
 * only for designated members and within the allowed share; radios per member; the crowd-control set for every
 * member of a crowd task; the drones the task's protocol requires. Items in the unit's pool may go to members who
 * lack them; lethal weapons count wherever they are, carried or in the pool the unit takes along ("only in the
 * minimal number the protocol allows"). The pass over the members is the unit's profile, kept per members array.
 */
export function checkEquipment(
  members: readonly TMember[],
  equipment: readonly TUnitEquipment[],
  task: TTask,
  readiness: TReadinessThresholds,
  ruleSet: TRuleSet,
): TFinding[] {
  const findings: TFinding[] = [];
  const profile = ruleSet.thresholds.tasks[task];
  const crowdSet = profile.crowdTask ? ruleSet.thresholds.crowdControlSet : [];
  const unit = unitProfile(members);
  const { noNonLethal, noRadio, undesignated, armed, droneHolders } = unit;
  const crowdLacking = crowdSet.map((item) => unit.lacking(item));
  const total = members.length;
  if (total > 0) {
    const missingNonLethal = afterPool(noNonLethal, poolOf(equipment, NON_LETHAL_MEANS));
    if (missingNonLethal.length > 0) {
      findings.push(makeFinding(ruleSet, 'NON_LETHAL_MEANS_MISSING', { members: missingNonLethal, count: missingNonLethal.length }));
    }
    if (readiness.lethalRequiresDesignation && undesignated.length > 0) {
      findings.push(makeFinding(ruleSet, 'LETHAL_WEAPON_NOT_DESIGNATED', { members: [...undesignated] }));
    }
    const allowed = Math.floor(readiness.maxLethalShare * total + EPSILON);
    const lethal = armed + poolOf(equipment, LETHAL_WEAPONS);
    if (lethal > allowed) {
      const share = `${Math.round(readiness.maxLethalShare * 1000) / 10} %`;
      findings.push(makeFinding(ruleSet, 'LETHAL_SHARE_EXCEEDED', { armed: lethal, allowed, total, share }));
    }
    const radioPool = poolOf(equipment, ['RADIO']);
    const required = Math.ceil(readiness.radiosPerMember * total - EPSILON);
    const available = total - noRadio.length + radioPool;
    if (available < required) {
      findings.push(makeFinding(ruleSet, 'RADIO_MISSING', { members: afterPool(noRadio, radioPool), required, available }));
    }
    crowdSet.forEach((item, i) => {
      const lacking = afterPool(crowdLacking[i] ?? [], poolOf(equipment, [item]));
      if (lacking.length > 0) findings.push(makeFinding(ruleSet, 'CROWD_CONTROL_SET_MISSING', { item, members: lacking, count: lacking.length }));
    });
  }
  const dronesAvailable = poolOf(equipment, ['DRON']) + droneHolders;
  if (dronesAvailable < profile.dronesRequired) {
    findings.push(makeFinding(ruleSet, 'DRONE_MISSING', { task, required: profile.dronesRequired, available: dronesAvailable }));
  }
  return findings;
}
