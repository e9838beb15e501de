import { readableLabels } from '@enlace/access';
import type { TEquipment } from '@enlace/contracts';
import { categoriesOf } from './list-equipment.ts';
import type { EquipmentListOptions } from './list-equipment.ts';
import { listEquipmentRows } from './forces.repository.ts';

/**
 * The same list as `listEquipment`, unaudited: for in-process services that keep equipment facts in memory and
 * filter them per receiver themselves (e.g. the drone video directory of the picture). A person's read goes through
 * `listEquipment`, which audits classified records.
 */
export async function listEquipmentRecords({ ctx, actor, group, category, ...filter }: EquipmentListOptions): Promise<{ items: TEquipment[]; total: number }> {
  return listEquipmentRows(ctx.db, { labels: readableLabels(actor, 'equipment:read'), categories: categoriesOf(group, category), ...filter });
}
