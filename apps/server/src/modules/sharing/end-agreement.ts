import type { TAgreement } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertIncidentAccess } from '../incidents/incident-access.ts';
import { assertAgreementVisible } from './agreement-access.ts';
import { findAgreement, markEnded } from './sharing.repository.ts';

/**
 * Ends an agreement at once: the next read through it is refused (reads check the agreement in their own
 * transaction). Only the data owner's staff with sharing:write may end it; the reason is kept and audited.
 */
export async function endAgreement(tx: Queryable, audit: AuditTrail, actor: Actor, id: string, reason: string): Promise<TAgreement> {
  const agreement = await findAgreement(tx, id, { lock: true });
  if (!agreement) throw notFound();
  assertAgreementVisible(actor, agreement);
  assertIncidentAccess(actor, 'sharing:write', agreement);
  if (agreement.endedAt) throw new AppError('SHARING_ALREADY_ENDED');
  const ended = await markEnded(tx, id, actor.username, reason);
  if (!ended) throw notFound();
  audit.record('end', 'sharing_agreement', id, ended);
  return ended;
}
