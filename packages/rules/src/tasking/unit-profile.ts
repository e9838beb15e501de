import type { TEquipmentCategory, TTrainingArea } from '../codes.ts';
import { LETHAL_WEAPONS, NON_LETHAL_MEANS } from '../codes.ts';
import type { TMember } from './tasking.schema.ts';

/**
 * What the training and equipment checks need from a unit's members, gathered in one pass and kept for as long as
 * the same members array is evaluated again (a unit held by the forces module or a scenario file is evaluated for
 * many tasks, areas and periods). It depends on the members only, never on a request, so it cannot leak one
 * request's answer into another.
 */
export interface TUnitProfile {
  /** Per training area: the latest validity of each member's certificates in it ('' when a member has none). */
  untilByArea(area: TTrainingArea): readonly string[];
  /** Per training area: the earliest of those validities ('' when some member has none). */
  earliestUntil(area: TTrainingArea): string;
  readonly noNonLethal: readonly string[];
  readonly noRadio: readonly string[];
  readonly undesignated: readonly string[];
  readonly armed: number;
  readonly droneHolders: number;
  /** Members who do not carry an item. */
  lacking(item: TEquipmentCategory): readonly string[];
}

const profiles = new WeakMap<readonly TMember[], TUnitProfile>();

export function unitProfile(members: readonly TMember[]): TUnitProfile {
  const cached = profiles.get(members);
  if (cached) return cached;
  const noNonLethal: string[] = [];
  const noRadio: string[] = [];
  const undesignated: string[] = [];
  let armed = 0;
  let droneHolders = 0;
  for (const m of members) {
    const eq = m.equipment;
    if (!eq.some((c) => NON_LETHAL_MEANS.includes(c))) noNonLethal.push(m.id);
    if (eq.some((c) => LETHAL_WEAPONS.includes(c))) {
      armed++;
      if (m.designatedLethal !== true) undesignated.push(m.id);
    }
    if (!eq.includes('RADIO')) noRadio.push(m.id);
    if (eq.includes('DRON')) droneHolders++;
  }
  const until = new Map<TTrainingArea, string[]>();
  const earliest = new Map<TTrainingArea, string>();
  const lackingBy = new Map<TEquipmentCategory, string[]>();
  const untilByArea = (area: TTrainingArea): readonly string[] => {
    let list = until.get(area);
    if (!list) {
      list = members.map((m) => {
        let latest = '';
        for (const t of m.trainings) if (t.area === area && t.validUntil > latest) latest = t.validUntil;
        return latest;
      });
      until.set(area, list);
      let min: string | undefined;
      for (const u of list) if (min === undefined || u < min) min = u;
      earliest.set(area, min ?? '');
    }
    return list;
  };
  const profile: TUnitProfile = {
    untilByArea,
    earliestUntil(area) {
      untilByArea(area);
      return earliest.get(area) ?? '';
    },
    noNonLethal,
    noRadio,
    undesignated,
    armed,
    droneHolders,
    lacking(item) {
      let list = lackingBy.get(item);
      if (!list) {
        list = members.filter((m) => !m.equipment.includes(item)).map((m) => m.id);
        lackingBy.set(item, list);
      }
      return list;
    },
  };
  profiles.set(members, profile);
  return profile;
}
