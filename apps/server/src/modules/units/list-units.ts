import { readableLabels } from '@enlace/access';
import type { TUnit } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AUDITED_READ } from './unit-access.ts';
import { listUnits as listUnitRows } from './units.repository.ts';

export interface ListUnitsOptions {
  ctx: AppContext;
  actor: Actor;
  force?: string | undefined;
  agency?: string | undefined;
  exercise?: boolean | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** The units the actor may read; reading classified ones is audited in the same transaction. */
export async function listUnits({ ctx, actor, ...filter }: ListUnitsOptions): Promise<{ items: TUnit[]; total: number }> {
  const labels = readableLabels(actor, 'unit:read');
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const page = await listUnitRows(tx, { labels, ...filter });
    for (const u of page.items) if (AUDITED_READ.has(u.classification)) audit.record('read', 'unit', u.id);
    return page;
  });
  return value;
}
