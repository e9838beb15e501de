import type { TUnit } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { AUDITED_READ, assertUnitAccess } from './unit-access.ts';
import { findUnit } from './units.repository.ts';

/** One unit, if the actor may read it; a classified read is audited. */
export async function getUnit({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<TUnit> {
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const unit = await findUnit(tx, id);
    if (!unit) throw notFound();
    assertUnitAccess(actor, 'unit:read', unit);
    if (AUDITED_READ.has(unit.classification)) audit.record('read', 'unit', unit.id);
    return unit;
  });
  return value;
}
