import { authorize } from '@enlace/access';
import type { ResourceLabel } from '@enlace/access';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';

/**
 * Refuses an operation on a protocol version the actor may not see or act on: an existing version the actor may not
 * read is reported as not found (its existence does not leak); otherwise the reason is given.
 */
export function assertProtocolAccess(
  actor: Actor,
  permission: 'legal:read' | 'legal:write' | 'protocol:approve',
  label: ResourceLabel,
  { existing = true }: { existing?: boolean } = {},
): void {
  const decision = authorize(actor, permission, label);
  if (decision.allow) return;
  if (existing && !authorize(actor, 'legal:read', label).allow) throw new AppError('NOT_FOUND');
  if (decision.reason === 'CLEARANCE_TOO_LOW') throw new AppError('CLASSIFICATION_ABOVE_CLEARANCE', { clearance: actor.clearance });
  throw new AppError('FORBIDDEN', {}, { reason: decision.reason });
}
