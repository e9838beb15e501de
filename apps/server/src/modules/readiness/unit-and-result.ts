import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess } from '../forces/forces-access.ts';
import { findResult, unitForReadiness } from './readiness.repository.ts';

/**
 * The unit and its stored result for a change of its readiness (the override): the actor must be allowed to write
 * readiness of the unit, and a result must exist.
 */
export async function unitAndResult(tx: Queryable, actor: Actor, unitId: string) {
  const unit = await unitForReadiness(tx, unitId);
  if (!unit) throw notFound();
  assertRecordAccess(actor, 'readiness:write', unit, { readPermission: 'readiness:read' });
  const row = await findResult(tx, unitId);
  if (!row) throw new AppError('READINESS_NOT_COMPUTED');
  return { unit, row };
}
