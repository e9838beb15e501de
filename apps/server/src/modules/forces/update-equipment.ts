import type { TEquipment, TEquipmentUpdate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess } from './forces-access.ts';
import type { EquipmentValues } from './forces.repository.ts';
import { findEquipment, findEquipmentByNaturalKey, updateEquipmentRow } from './forces.repository.ts';
import { checkEquipment, equipmentUnit } from './equipment-rules.ts';

/** Changes equipment: condition, holder, quantity, details; moving it stays within the agency. */
export async function updateEquipment(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  id: string,
  changes: TEquipmentUpdate,
): Promise<TEquipment> {
  const before = await findEquipment(tx, id);
  if (!before) throw notFound();
  assertRecordAccess(actor, 'equipment:write', before, { readPermission: 'equipment:read' });
  let agency = before.agency;
  if (changes.unitId && changes.unitId !== before.unitId) agency = (await equipmentUnit(tx, actor, changes.unitId)).agency;
  const values: EquipmentValues = {
    unitId: changes.unitId ?? before.unitId,
    category: before.category,
    item: changes.item ?? before.item,
    serial: before.serial,
    quantity: before.serial ? 1 : (changes.quantity ?? before.quantity),
    condition: changes.condition ?? before.condition,
    assignedTo: changes.assignedTo === undefined ? before.assignedTo : changes.assignedTo,
    radio: changes.radio === undefined ? before.radio : changes.radio,
    drone: changes.drone === undefined ? before.drone : changes.drone,
    vehicle: changes.vehicle === undefined ? before.vehicle : changes.vehicle,
    agency,
    classification: changes.classification ?? before.classification,
    exercise: before.exercise,
  };
  assertRecordAccess(actor, 'equipment:write', values, { existing: false });
  await checkEquipment(tx, actor, values);
  const other = await findEquipmentByNaturalKey(tx, values);
  if (other && other.id !== id) throw new AppError('CONFLICT', { what: 'equipment' });
  const item = await updateEquipmentRow(tx, id, values);
  if (!item) throw notFound();
  audit.record('update', 'equipment', id, item);
  return item;
}
