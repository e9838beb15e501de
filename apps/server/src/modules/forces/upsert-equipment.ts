import type { TEquipment, TEquipmentCreate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess } from './forces-access.ts';
import { findEquipmentByNaturalKey, insertEquipment, updateEquipmentRow } from './forces.repository.ts';
import { checkEquipment, equipmentUnit, equipmentValuesOf } from './equipment-rules.ts';

/**
 * Creates or replaces the record with the draft's natural key ((category, serial) for serial items, else unit,
 * category, item, condition and holder) with exactly the draft's values, so re-importing a file is idempotent.
 */
export async function upsertEquipment(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  draft: TEquipmentCreate,
): Promise<{ equipment: TEquipment; outcome: 'created' | 'updated' | 'unchanged' }> {
  const unit = await equipmentUnit(tx, actor, draft.unitId);
  const values = equipmentValuesOf(draft, unit);
  assertRecordAccess(actor, 'equipment:write', values, { existing: false });
  await checkEquipment(tx, actor, values);
  const existing = await findEquipmentByNaturalKey(tx, values);
  if (!existing) {
    const item = await insertEquipment(tx, values);
    audit.record('create', 'equipment', item.id, item);
    return { equipment: item, outcome: 'created' };
  }
  assertRecordAccess(actor, 'equipment:write', existing, { readPermission: 'equipment:read' });
  const same =
    existing.unitId === values.unitId &&
    existing.item === values.item &&
    existing.quantity === values.quantity &&
    existing.condition === values.condition &&
    existing.assignedTo === values.assignedTo &&
    existing.classification === values.classification &&
    JSON.stringify([existing.radio, existing.drone, existing.vehicle]) === JSON.stringify([values.radio, values.drone, values.vehicle]);
  if (same) return { equipment: existing, outcome: 'unchanged' };
  const item = await updateEquipmentRow(tx, existing.id, values);
  if (!item) throw notFound();
  audit.record('update', 'equipment', item.id, item);
  return { equipment: item, outcome: 'updated' };
}
