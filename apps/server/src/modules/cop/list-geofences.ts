import { readableLabels } from '@enlace/access';
import type { TGeofence } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { findGeofence, listGeofenceRows } from './cop.repository.ts';
import { assertGeofenceAccess } from './geofence-access.ts';
import type { CopActor } from './track-access.ts';

/** The geofences the actor may read. */
export async function listGeofences(ctx: AppContext, actor: CopActor): Promise<TGeofence[]> {
  return listGeofenceRows(ctx.db, { labels: readableLabels(actor, 'geofence:read') });
}

/** One geofence, if the actor may read it. */
export async function getGeofence(ctx: AppContext, actor: CopActor, id: string): Promise<TGeofence> {
  const g = await findGeofence(ctx.db, id);
  if (!g) throw notFound();
  assertGeofenceAccess(actor, 'geofence:read', g);
  return g;
}
