import { readableLabels } from '@enlace/access';
import { EQUIPMENT_GROUP_OF, FORCES_EQUIPMENT_CATEGORIES } from '@enlace/contracts';
import type { TEquipment, TEquipmentGroup, TEquipmentSummaryRow } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess } from './forces-access.ts';
import { equipmentSummaryRows, findEquipment, listEquipmentRows } from './forces.repository.ts';

/** Equipment the actor may read, by unit, category or group, condition or holder. */
export async function listEquipment({ ctx, actor, group, category, ...filter }: {
  ctx: AppContext;
  actor: Actor;
  unitId?: string | undefined;
  category?: string | undefined;
  group?: TEquipmentGroup | undefined;
  condition?: string | undefined;
  assignedTo?: string | undefined;
  limit: number;
  offset: number;
}): Promise<{ items: TEquipment[]; total: number }> {
  const inGroup = group ? FORCES_EQUIPMENT_CATEGORIES.filter((c) => EQUIPMENT_GROUP_OF[c] === group) : undefined;
  const categories = category ? (inGroup ? inGroup.filter((c) => c === category) : [category]) : inGroup;
  return listEquipmentRows(ctx.db, { labels: readableLabels(actor, 'equipment:read'), categories, ...filter });
}

export async function getEquipment({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<TEquipment> {
  const item = await findEquipment(ctx.db, id);
  if (!item) throw notFound();
  assertRecordAccess(actor, 'equipment:read', item);
  return item;
}

/** Per category, the quantities of a unit's readable equipment serviceable, in repair and unserviceable. */
export async function summarizeUnitEquipment({ ctx, actor, unitId }: { ctx: AppContext; actor: Actor; unitId: string }): Promise<TEquipmentSummaryRow[]> {
  const rows = await equipmentSummaryRows(ctx.db, readableLabels(actor, 'equipment:read'), unitId);
  const out = new Map<string, TEquipmentSummaryRow>();
  for (const r of rows) {
    const row = out.get(r.category) ?? { category: r.category, group: EQUIPMENT_GROUP_OF[r.category], serviceable: 0, inRepair: 0, unserviceable: 0 };
    if (r.condition === 'serviceable') row.serviceable += r.quantity;
    else if (r.condition === 'in_repair') row.inRepair += r.quantity;
    else row.unserviceable += r.quantity;
    out.set(r.category, row);
  }
  return [...out.values()];
}
