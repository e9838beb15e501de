import { readableLabels } from '@enlace/access';
import { EQUIPMENT_GROUP_OF, FORCES_EQUIPMENT_CATEGORIES } from '@enlace/contracts';
import type { TEquipment, TEquipmentGroup } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AUDITED_READ } from './forces-access.ts';
import { listEquipmentRows } from './forces.repository.ts';

/** The filter of an equipment list. */
export interface EquipmentListOptions {
  ctx: AppContext;
  actor: Actor;
  unitId?: string | undefined;
  category?: string | undefined;
  group?: TEquipmentGroup | undefined;
  condition?: string | undefined;
  assignedTo?: string | undefined;
  limit: number;
  offset: number;
}

/** The category filter of a list: a category, a group's categories, or both (their intersection). */
export function categoriesOf(group: TEquipmentGroup | undefined, category: string | undefined): string[] | undefined {
  const inGroup = group ? FORCES_EQUIPMENT_CATEGORIES.filter((c) => EQUIPMENT_GROUP_OF[c] === group) : undefined;
  return category ? (inGroup ? inGroup.filter((c) => c === category) : [category]) : inGroup;
}

/**
 * Equipment the actor may read, by unit, category or group, condition or holder. Reading a record classified above
 * PUBLICO (weapons by serial, radios with their talkgroups) is audited in the same transaction, as for personnel.
 */
export async function listEquipment({ ctx, actor, group, category, ...filter }: EquipmentListOptions): Promise<{ items: TEquipment[]; total: number }> {
  const categories = categoriesOf(group, category);
  const labels = readableLabels(actor, 'equipment:read');
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const page = await listEquipmentRows(tx, { labels, categories, ...filter });
    for (const e of page.items) if (AUDITED_READ.has(e.classification)) audit.record('read', 'equipment', e.id);
    return page;
  });
  return value;
}
