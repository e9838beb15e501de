import type { TSuspect, ZSuspectCreate } from '@enlace/contracts';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { assertIncidentAccess } from './incident-access.ts';
import { findIncident, insertSuspect } from './incidents.repository.ts';

/**
 * Adds a suspect to an incident. Personal data (Ley 29733): needs incident:person:write on the incident's agency and
 * classification; the audit entry names the record and hashes its state, it never stores the content.
 */
export async function addSuspect(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  incidentId: string,
  data: z.infer<typeof ZSuspectCreate>,
): Promise<TSuspect> {
  const incident = await findIncident(tx, incidentId);
  if (!incident) throw notFound();
  assertIncidentAccess(actor, 'incident:person:write', incident);
  const saved = await insertSuspect(tx, incidentId, data);
  audit.record('create', 'incident_suspect', saved.id, saved);
  return saved;
}
