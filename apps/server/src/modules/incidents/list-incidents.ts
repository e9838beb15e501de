import { readableLabels } from '@enlace/access';
import type { TIncident, TIncidentFilter } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AUDITED_READ } from './incident-access.ts';
import { listIncidents as listIncidentRows } from './incidents.repository.ts';

export interface ListIncidentsOptions {
  ctx: AppContext;
  actor: Actor;
  filter: TIncidentFilter;
  limit: number;
  offset: number;
}

/** The incidents the actor may read matching the filters, newest first; reading classified ones is audited. */
export async function listIncidents({ ctx, actor, filter, limit, offset }: ListIncidentsOptions): Promise<{ items: TIncident[]; total: number }> {
  const labels = readableLabels(actor, 'incident:read');
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const page = await listIncidentRows(tx, { labels, ...filter }, { limit, offset });
    for (const i of page.items) if (AUDITED_READ.has(i.classification)) audit.record('read', 'incident', i.id);
    return page;
  });
  return value;
}
