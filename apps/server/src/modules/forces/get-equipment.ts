import type { TEquipment } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { AUDITED_READ, assertRecordAccess } from './forces-access.ts';
import { findEquipment } from './forces.repository.ts';

/** One equipment record, if the actor may read it; reading a classified one (above PUBLICO) is audited. */
export async function getEquipment({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<TEquipment> {
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const item = await findEquipment(tx, id);
    if (!item) throw notFound();
    assertRecordAccess(actor, 'equipment:read', item);
    if (AUDITED_READ.has(item.classification)) audit.record('read', 'equipment', item.id);
    return item;
  });
  return value;
}
