import type { TEquipment, TEquipmentCreate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess } from './forces-access.ts';
import { findEquipmentByNaturalKey, insertEquipment, updateEquipmentRow } from './forces.repository.ts';
import { checkEquipment, equipmentUnit, equipmentValuesOf } from './equipment-rules.ts';

/** Registers equipment of a unit (owned by the unit's agency). Reusable inside an import's transaction. */
export async function createEquipment(tx: Queryable, audit: AuditTrail, actor: Actor, draft: TEquipmentCreate): Promise<TEquipment> {
  const unit = await equipmentUnit(tx, actor, draft.unitId);
  const values = equipmentValuesOf(draft, unit);
  assertRecordAccess(actor, 'equipment:write', values, { existing: false });
  await checkEquipment(tx, actor, values);
  if (values.serial && (await findEquipmentByNaturalKey(tx, values))) {
    throw new AppError('EQUIPMENT_SERIAL_TAKEN', { category: values.category, serial: values.serial });
  }
  const lot = values.serial ? null : await findEquipmentByNaturalKey(tx, values);
  const item = lot
    ? await updateEquipmentRow(tx, lot.id, { ...values, quantity: lot.quantity + values.quantity })
    : await insertEquipment(tx, values);
  if (!item) throw notFound();
  audit.record(lot ? 'update' : 'create', 'equipment', item.id, item);
  return item;
}
