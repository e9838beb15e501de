import type { TSuspect, TVictim } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { assertIncidentAccess } from './incident-access.ts';
import { findIncident, listPersons as listPersonRows } from './incidents.repository.ts';

/**
 * Victims and suspects of an incident: only with incident:person:read on the incident's agency and classification
 * (stricter than reading the incident). Every read of personal data is audited.
 */
export async function listPersons({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<{ victims: TVictim[]; suspects: TSuspect[] }> {
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const incident = await findIncident(tx, id);
    if (!incident) throw notFound();
    assertIncidentAccess(actor, 'incident:read', incident);
    assertIncidentAccess(actor, 'incident:person:read', incident);
    audit.record('read_persons', 'incident', incident.id);
    return listPersonRows(tx, id);
  });
  return value;
}
