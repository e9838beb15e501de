import type { TSecondment, TSecondmentCreate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, canRead, limaToday } from './forces-access.ts';
import { findPerson, findUnitLabel, insertSecondment, secondmentOverlaps } from './forces.repository.ts';

/**
 * Asks to lend a member to another unit for a period. The lending side owns the request (the member's agency and
 * classification) and a commander of that agency approves it; until then the member stays on the home roster.
 */
export async function requestSecondment(tx: Queryable, audit: AuditTrail, actor: Actor, draft: TSecondmentCreate): Promise<TSecondment> {
  const person = await findPerson(tx, draft.personId, limaToday());
  if (!person) throw notFound();
  assertRecordAccess(actor, 'personnel:write', person, { readPermission: 'personnel:read' });
  const to = await findUnitLabel(tx, draft.toUnitId);
  if (!to || !canRead(actor, 'unit:read', to)) throw new AppError('REFERENCE_NOT_FOUND', { field: 'toUnitId' });
  if (to.id === person.unitId) throw new AppError('SECONDMENT_SAME_UNIT');
  if (await secondmentOverlaps(tx, person.id, draft.startsOn, draft.endsOn)) throw new AppError('SECONDMENT_OVERLAP');
  const secondment = await insertSecondment(tx, {
    personId: person.id,
    fromUnitId: person.unitId,
    toUnitId: to.id,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    reason: draft.reason,
    requestedBy: actor.username,
    agency: person.agency,
    classification: person.classification,
    exercise: person.exercise || to.exercise,
  });
  audit.record('request', 'secondment', secondment.id, secondment);
  return secondment;
}
