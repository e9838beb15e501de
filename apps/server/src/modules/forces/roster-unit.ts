import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { canRead } from './forces-access.ts';
import type { PersonRecord, UnitLabel } from './forces.repository.ts';
import { findUnitLabel } from './forces.repository.ts';

/** The unit a member belongs to: it must exist and be readable, else the reference is unknown. */
export async function rosterUnit(tx: Queryable, actor: Actor, unitId: string): Promise<UnitLabel> {
  const unit = await findUnitLabel(tx, unitId);
  if (!unit || !canRead(actor, 'unit:read', unit)) throw new AppError('REFERENCE_NOT_FOUND', { field: 'unitId' });
  return unit;
}

/** The audited state of a member: never the personal data itself (only its hash goes to the chain). */
export const personAuditState = (p: PersonRecord): unknown => p;
