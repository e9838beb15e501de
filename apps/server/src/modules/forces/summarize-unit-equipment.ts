import { readableLabels } from '@enlace/access';
import { EQUIPMENT_GROUP_OF } from '@enlace/contracts';
import type { TEquipmentSummaryRow } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { equipmentSummaryRows } from './forces.repository.ts';

/**
 * Per category, the quantities of a unit's readable equipment serviceable, in repair and unserviceable. The
 * classified records (above PUBLICO) behind the figures are read too: each is audited, as in the list.
 */
export async function summarizeUnitEquipment({ ctx, actor, unitId }: { ctx: AppContext; actor: Actor; unitId: string }): Promise<TEquipmentSummaryRow[]> {
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const rows = await equipmentSummaryRows(tx, readableLabels(actor, 'equipment:read'), unitId);
    const out = new Map<string, TEquipmentSummaryRow>();
    for (const r of rows) {
      for (const id of r.classified ?? []) audit.record('read', 'equipment', id);
      const row = out.get(r.category) ?? { category: r.category, group: EQUIPMENT_GROUP_OF[r.category], serviceable: 0, inRepair: 0, unserviceable: 0 };
      if (r.condition === 'serviceable') row.serviceable += r.quantity;
      else if (r.condition === 'in_repair') row.inRepair += r.quantity;
      else row.unserviceable += r.quantity;
      out.set(r.category, row);
    }
    return [...out.values()];
  });
  return value;
}
