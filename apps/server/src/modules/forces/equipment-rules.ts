import { SERIAL_ONLY_CATEGORIES, equipmentDetailsProblem } from '@enlace/contracts';
import type { TEquipmentCreate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { canRead, limaToday } from './forces-access.ts';
import type { EquipmentValues } from './forces.repository.ts';
import { findPerson, findUnitLabel } from './forces.repository.ts';

/**
 * The rules every equipment record keeps: lethal weapons by serial, one per record, assigned to a member of the
 * same unit who is designated to carry one; a serial means quantity 1; a radio, drone or vehicle carries its details
 * and no other category does (the rule the CSV import applies too); the holder belongs to the unit.
 */
export async function checkEquipment(tx: Queryable, actor: Actor, v: EquipmentValues): Promise<void> {
  const lethal = SERIAL_ONLY_CATEGORIES.includes(v.category);
  if (lethal && (!v.serial || !v.assignedTo)) throw new AppError('EQUIPMENT_SERIAL_REQUIRED', { category: v.category });
  if (v.serial && v.quantity !== 1) throw new AppError('EQUIPMENT_SERIAL_QUANTITY');
  const details = equipmentDetailsProblem(v);
  if (details) throw new AppError(details.code, { details: details.details, category: details.category });
  if (v.assignedTo) {
    const holder = await findPerson(tx, v.assignedTo, limaToday());
    if (!holder || !canRead(actor, 'personnel:read', holder)) throw new AppError('REFERENCE_NOT_FOUND', { field: 'assignedTo' });
    if (holder.unitId !== v.unitId && holder.secondedToUnitId !== v.unitId) throw new AppError('EQUIPMENT_ASSIGNEE_INVALID');
    if (lethal && !holder.designatedLethal) throw new AppError('EQUIPMENT_LETHAL_NOT_DESIGNATED');
  }
}

/** The unit equipment belongs to: it must exist and be readable, else the reference is unknown. */
export async function equipmentUnit(tx: Queryable, actor: Actor, unitId: string): Promise<NonNullable<Awaited<ReturnType<typeof findUnitLabel>>>> {
  const unit = await findUnitLabel(tx, unitId);
  if (!unit || !canRead(actor, 'unit:read', unit)) throw new AppError('REFERENCE_NOT_FOUND', { field: 'unitId' });
  return unit;
}

/** The values to store for a new equipment draft of a unit (owned by the unit's agency; a serial means one item). */
export function equipmentValuesOf(draft: TEquipmentCreate, unit: { id: string; agency: EquipmentValues['agency']; exercise: boolean }): EquipmentValues {
  return {
    unitId: unit.id,
    category: draft.category,
    item: draft.item,
    serial: draft.serial ? draft.serial.toUpperCase() : null,
    quantity: draft.serial ? 1 : draft.quantity,
    condition: draft.condition,
    assignedTo: draft.assignedTo ?? null,
    radio: draft.radio ?? null,
    drone: draft.drone ?? null,
    vehicle: draft.vehicle ?? null,
    agency: unit.agency,
    classification: draft.classification,
    exercise: draft.exercise || unit.exercise,
  };
}
