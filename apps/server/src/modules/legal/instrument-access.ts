import { authorize } from '@enlace/access';
import type { ResourceLabel } from '@enlace/access';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';

/**
 * Refuses an operation on an instrument the actor may not see or change, by the same rules as units: an existing
 * instrument the actor may not read is reported as not found, so its existence does not leak; a new one is refused
 * with the reason.
 */
export function assertInstrumentAccess(
  actor: Actor,
  permission: 'legal:read' | 'legal:write',
  label: ResourceLabel,
  { existing = true }: { existing?: boolean } = {},
): void {
  const decision = authorize(actor, permission, label);
  if (decision.allow) return;
  if (existing && (permission === 'legal:read' || !authorize(actor, 'legal:read', label).allow)) throw new AppError('NOT_FOUND');
  if (decision.reason === 'CLEARANCE_TOO_LOW') throw new AppError('CLASSIFICATION_ABOVE_CLEARANCE', { clearance: actor.clearance });
  throw new AppError('FORBIDDEN', {}, { reason: decision.reason });
}

/** Classifications at or above this are audited when read (Ley 27806 exceptions). */
export const AUDITED_READ = new Set(['CONFIDENCIAL', 'RESERVADO', 'SECRETO']);
