import { readableLabels } from '@enlace/access';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AUDITED_READ } from './instrument-access.ts';
import { listInstruments as listInstrumentRows } from './legal.repository.ts';
import type { TInstrumentRecord } from './legal.schemas.ts';

export interface ListInstrumentsOptions {
  ctx: AppContext;
  actor: Actor;
  kind?: string | undefined;
  limit: number;
  offset: number;
}

/** The instruments the actor may read, newest first; reading classified ones is audited in the same transaction. */
export async function listInstruments({ ctx, actor, ...filter }: ListInstrumentsOptions): Promise<{ items: TInstrumentRecord[]; total: number }> {
  const labels = readableLabels(actor, 'legal:read');
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const page = await listInstrumentRows(tx, { labels, ...filter });
    for (const i of page.items) if (AUDITED_READ.has(i.classification)) audit.record('read', 'legal_instrument', i.id);
    return page;
  });
  return value;
}
