import { ZEquipmentCategory, ZTrainingArea } from '@enlace/rules';
import type { TMember, TTaskingInput, TUnitEquipment } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { canRead, limaToday } from './forces-access.ts';
import { findUnitLabel, taskingMemberRows, unitPoolRows } from './forces.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UnitMembersAndEquipment {
  unitId: string;
  name: string;
  members: TMember[];
  equipment: TUnitEquipment[];
}

/**
 * A unit's members serving today (not on leave; seconded members where they serve) with their certificates' areas
 * and last valid days and the serviceable items they carry, plus the unit's unassigned serviceable pool: the shape
 * of the tasking evaluator's `unit.members` and `unit.equipment`. Null when the unit is unknown or the actor may not
 * read its personnel and equipment (nothing leaks).
 */
export async function loadUnitMembersAndEquipment(
  db: Queryable,
  actor: Actor,
  unitId: string,
  now: Date = new Date(),
): Promise<UnitMembersAndEquipment | null> {
  if (!UUID.test(unitId)) return null;
  const unit = await findUnitLabel(db, unitId);
  if (!unit || !canRead(actor, 'personnel:read', unit) || !canRead(actor, 'equipment:read', unit)) return null;
  const today = limaToday(now);
  const members: TMember[] = (await taskingMemberRows(db, unitId, today)).map((m) => ({
    id: m.id,
    trainings: (m.trainings ?? []).flatMap(([area, validUntil]) => {
      const parsed = ZTrainingArea.safeParse(area);
      return parsed.success ? [{ area: parsed.data, validUntil }] : [];
    }),
    equipment: (m.equipment ?? []).flatMap((c) => {
      const parsed = ZEquipmentCategory.safeParse(c);
      return parsed.success ? [parsed.data] : [];
    }),
    designatedLethal: m.designated_lethal,
  }));
  const equipment: TUnitEquipment[] = (await unitPoolRows(db, unitId)).flatMap((e) => {
    const parsed = ZEquipmentCategory.safeParse(e.category);
    return parsed.success ? [{ category: parsed.data, quantity: e.quantity }] : [];
  });
  return { unitId, name: unit.name, members, equipment };
}

/**
 * The tasking request with the unit's members and equipment taken from the records when the request does not list
 * them (and the unit id names a unit the actor may read); otherwise the request unchanged. A unit of the joint
 * command has no scenario-format force and is left as given.
 */
export async function withUnitRecords(db: Queryable, actor: Actor, input: TTaskingInput, now?: Date): Promise<TTaskingInput> {
  if (input.unit.members !== undefined && input.unit.equipment !== undefined) return input;
  const records = await loadUnitMembersAndEquipment(db, actor, input.unit.id, now);
  if (!records) return input;
  return {
    ...input,
    unit: {
      ...input.unit,
      name: input.unit.name ?? records.name,
      members: input.unit.members ?? records.members,
      equipment: input.unit.equipment ?? records.equipment,
    },
  };
}
