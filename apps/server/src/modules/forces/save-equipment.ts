import { SERIAL_ONLY_CATEGORIES } from '@enlace/contracts';
import type { TEquipment, TEquipmentCreate, TEquipmentUpdate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, canRead, limaToday } from './forces-access.ts';
import type { EquipmentValues } from './forces.repository.ts';
import {
  findEquipment,
  findEquipmentByNaturalKey,
  findPerson,
  findUnitLabel,
  insertEquipment,
  updateEquipmentRow,
} from './forces.repository.ts';

const DETAILS = [
  ['radio', 'RADIO'],
  ['drone', 'DRON'],
  ['vehicle', 'VEHICULO'],
] as const;

/**
 * The rules every equipment record keeps: lethal weapons by serial, one per record, assigned to a member of the
 * same unit who is designated to carry one; a serial means quantity 1; radio / drone / vehicle details only on
 * their category; the holder belongs to the unit.
 */
async function checkEquipment(tx: Queryable, actor: Actor, v: EquipmentValues): Promise<void> {
  const lethal = SERIAL_ONLY_CATEGORIES.includes(v.category);
  if (lethal && (!v.serial || !v.assignedTo)) throw new AppError('EQUIPMENT_SERIAL_REQUIRED', { category: v.category });
  if (v.serial && v.quantity !== 1) throw new AppError('EQUIPMENT_SERIAL_QUANTITY');
  for (const [field, category] of DETAILS) {
    if (v[field] !== null && v.category !== category) throw new AppError('EQUIPMENT_DETAILS_MISMATCH', { details: field, category });
  }
  if (v.assignedTo) {
    const holder = await findPerson(tx, v.assignedTo, limaToday());
    if (!holder || !canRead(actor, 'personnel:read', holder)) throw new AppError('REFERENCE_NOT_FOUND', { field: 'assignedTo' });
    if (holder.unitId !== v.unitId && holder.secondedToUnitId !== v.unitId) throw new AppError('EQUIPMENT_ASSIGNEE_INVALID');
    if (lethal && !holder.designatedLethal) throw new AppError('EQUIPMENT_LETHAL_NOT_DESIGNATED');
  }
}

async function unitOf(tx: Queryable, actor: Actor, unitId: string): Promise<NonNullable<Awaited<ReturnType<typeof findUnitLabel>>>> {
  const unit = await findUnitLabel(tx, unitId);
  if (!unit || !canRead(actor, 'unit:read', unit)) throw new AppError('REFERENCE_NOT_FOUND', { field: 'unitId' });
  return unit;
}

function valuesOf(draft: TEquipmentCreate, unit: { id: string; agency: EquipmentValues['agency']; exercise: boolean }): EquipmentValues {
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

/** Registers equipment of a unit (owned by the unit's agency). Reusable inside an import's transaction. */
export async function createEquipment(tx: Queryable, audit: AuditTrail, actor: Actor, draft: TEquipmentCreate): Promise<TEquipment> {
  const unit = await unitOf(tx, actor, draft.unitId);
  const values = valuesOf(draft, unit);
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
  if (changes.unitId && changes.unitId !== before.unitId) agency = (await unitOf(tx, actor, changes.unitId)).agency;
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
  const unit = await unitOf(tx, actor, draft.unitId);
  const values = valuesOf(draft, unit);
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
