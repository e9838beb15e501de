import type { TIncident } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { AUDITED_READ, assertIncidentAccess } from './incident-access.ts';
import { findIncident } from './incidents.repository.ts';

/** One incident (without victims and suspects), if the actor may read it; a classified read is audited. */
export async function getIncident({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<TIncident> {
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const incident = await findIncident(tx, id);
    if (!incident) throw notFound();
    assertIncidentAccess(actor, 'incident:read', incident);
    if (AUDITED_READ.has(incident.classification)) audit.record('read', 'incident', incident.id);
    return incident;
  });
  return value;
}
