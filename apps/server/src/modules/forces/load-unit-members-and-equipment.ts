import { ZEquipmentCategory, ZTrainingArea } from '@enlace/rules';
import type { TMember, TTaskingInput, TUnitEquipment } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { VersionedCache } from '../../platform/db/versioned-cache.ts';
import { canRead, limaToday } from './forces-access.ts';
import { findUnitLabel, taskingMemberRows, unitPoolRows } from './forces.repository.ts';
import type { UnitLabel } from './forces.repository.ts';

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
  return unitRecords(db, unit, limaToday(now));
}

async function unitRecords(db: Queryable, unit: UnitLabel, today: string): Promise<UnitMembersAndEquipment> {
  const unitId = unit.id;
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

/** Units' labels and records as of a day, kept while the forces records' change version stays the same. */
const cache = new VersionedCache<string, { unit: UnitLabel; records: UnitMembersAndEquipment } | null>(200);

/**
 * `loadUnitMembersAndEquipment` from an in-memory copy kept while `version` (row `forces` of `change_version`, moved
 * by every write of units, personnel, secondments, equipment, courses and certificates) stays the same. The copy is
 * shared by all readers: the access check is made on every call. The same members array is returned while the copy
 * lasts, so what the evaluator derives from it once (rules' unit profile) is reused.
 */
export async function cachedUnitMembersAndEquipment(
  db: Queryable,
  actor: Actor,
  unitId: string,
  now: Date,
  version: string,
): Promise<UnitMembersAndEquipment | null> {
  if (!UUID.test(unitId)) return null;
  const today = limaToday(now);
  const entry = await cache.get(db, version, `${unitId}|${today}`, async () => {
    const unit = await findUnitLabel(db, unitId);
    return unit ? { unit, records: await unitRecords(db, unit, today) } : null;
  });
  if (!entry || !canRead(actor, 'personnel:read', entry.unit) || !canRead(actor, 'equipment:read', entry.unit)) return null;
  return entry.records;
}

/**
 * The tasking request with the unit's members and equipment taken from the records when the request does not list
 * them (and the unit id names a unit the actor may read); otherwise the request unchanged. A unit of the joint
 * command has no scenario-format force and is left as given.
 */
export async function withUnitRecords(
  db: Queryable,
  actor: Actor,
  input: TTaskingInput,
  now?: Date,
  /** The forces change version: when given, the records come from the in-memory copy. */
  version?: string,
): Promise<TTaskingInput> {
  if (input.unit.members !== undefined && input.unit.equipment !== undefined) return input;
  const records = version === undefined
    ? await loadUnitMembersAndEquipment(db, actor, input.unit.id, now)
    : await cachedUnitMembersAndEquipment(db, actor, input.unit.id, now ?? new Date(), version);
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
