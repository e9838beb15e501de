import { authorizeShared } from '@enlace/access';
import type { TCopDrawing } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { loadTaskAreas } from './load-task-areas.ts';
import type { CopActor } from './track-access.ts';

/**
 * The lawful task areas in force that the actor may see (geofence:read on each evaluation's agency and
 * classification, or through the joint command posts it is shared with), as the same drawings TAK clients receive.
 */
export async function listTaskAreas(ctx: AppContext, actor: CopActor, now = Date.now()): Promise<TCopDrawing[]> {
  const areas = await loadTaskAreas(ctx, now);
  return areas.filter((d) => authorizeShared(actor, 'geofence:read', d, d.audience).allow);
}
