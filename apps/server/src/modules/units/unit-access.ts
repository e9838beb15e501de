import { authorize } from '@enlace/access';
import type { Permission } from '@enlace/access';
import type { TUnit } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';

/**
 * Refuses an operation on a unit the actor may not see or change. An existing record the actor may not
 * read is reported as not found, so its existence does not leak; a new one is refused with the reason.
 */
export function assertUnitAccess(
  actor: Actor,
  permission: Permission,
  unit: Pick<TUnit, 'agency' | 'classification'>,
  { existing = true }: { existing?: boolean } = {},
): void {
  const decision = authorize(actor, permission, unit);
  if (decision.allow) return;
  if (existing && (permission === 'unit:read' || !authorize(actor, 'unit:read', unit).allow)) throw new AppError('NOT_FOUND');
  if (decision.reason === 'CLEARANCE_TOO_LOW') throw new AppError('CLASSIFICATION_ABOVE_CLEARANCE', { clearance: actor.clearance });
  throw new AppError('FORBIDDEN', {}, { reason: decision.reason });
}

/** Classifications at or above this are audited when read (Ley 27806 exceptions). */
export const AUDITED_READ = new Set(['CONFIDENCIAL', 'RESERVADO', 'SECRETO']);
