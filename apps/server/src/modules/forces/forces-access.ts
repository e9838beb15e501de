import { authorize } from '@enlace/access';
import type { Permission, ResourceLabel } from '@enlace/access';
import { classificationRank } from '@enlace/contracts';
import type { TClassification, TPerson } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { PersonRecord } from './forces.repository.ts';

/** Classifications at or above this are audited when read (Ley 27806 exceptions), as for units. */
export const AUDITED_READ: ReadonlySet<TClassification> = new Set(['CONFIDENCIAL', 'RESERVADO', 'SECRETO']);

/** Today in Lima (UTC-5 all year, no daylight saving): the day certificates and secondments are judged on. */
export function limaToday(now: Date = new Date()): string {
  return new Date(now.getTime() - 5 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Refuses an operation on a record the actor may not see or change. An existing record the actor may not read is
 * reported as not found (its existence does not leak); otherwise the reason is given.
 */
export function assertRecordAccess(
  actor: Actor,
  permission: Permission,
  label: ResourceLabel,
  { existing = true, readPermission }: { existing?: boolean; readPermission?: Permission } = {},
): void {
  const decision = authorize(actor, permission, label);
  if (decision.allow) return;
  const read = readPermission ?? permission;
  if (existing && (permission === read || !authorize(actor, read, label).allow)) throw new AppError('NOT_FOUND');
  if (decision.reason === 'CLEARANCE_TOO_LOW') throw new AppError('CLASSIFICATION_ABOVE_CLEARANCE', { clearance: actor.clearance });
  throw new AppError('FORBIDDEN', {}, { reason: decision.reason });
}

/** True when the actor may read a record (for filtering rows fetched by id). */
export const canRead = (actor: Actor, permission: Permission, label: ResourceLabel): boolean => authorize(actor, permission, label).allow;

/**
 * Personal data (Ley 29733) is treated as at least CONFIDENCIAL whatever the record says, and shown only to roles
 * holding `personnel:read-personal` within their reach.
 */
export function personalVisible(actor: Actor, person: ResourceLabel): boolean {
  const classification: TClassification =
    classificationRank(person.classification) < classificationRank('CONFIDENCIAL') ? 'CONFIDENCIAL' : person.classification;
  return authorize(actor, 'personnel:read-personal', { agency: person.agency, classification }).allow;
}

/** A member as this actor may see them: without personal data unless allowed. */
export function presentPerson(actor: Actor, p: PersonRecord): TPerson {
  return { ...p, personal: personalVisible(actor, p) ? p.personal : null };
}
