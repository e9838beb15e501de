import { authorize } from '@enlace/access';
import type { Permission } from '@enlace/access';
import type { TGeofence } from '@enlace/contracts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { CopActor } from './track-access.ts';

/** Refuses an operation on a geofence; an existing one the actor may not read is not found (existence does not leak). */
export function assertGeofenceAccess(
  actor: CopActor,
  permission: Permission,
  g: Pick<TGeofence, 'agency' | 'classification'>,
  { existing = true }: { existing?: boolean } = {},
): void {
  const decision = authorize(actor, permission, g);
  if (decision.allow) return;
  if (existing && !authorize(actor, 'geofence:read', g).allow) throw new AppError('NOT_FOUND');
  if (decision.reason === 'CLEARANCE_TOO_LOW') throw new AppError('CLASSIFICATION_ABOVE_CLEARANCE', { clearance: actor.clearance });
  throw new AppError('FORBIDDEN', {}, { reason: decision.reason });
}
