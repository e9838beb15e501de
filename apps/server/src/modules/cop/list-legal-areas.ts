import { authorize } from '@enlace/access';
import type { TCopDrawing } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { loadLegalAreas } from './load-legal-areas.ts';
import type { CopActor } from './track-access.ts';

/**
 * The areas of the legal bases in force today that the actor may read (legal:read on each instrument's labels), as
 * the same drawings TAK clients receive: one request gives the web map every outline, label and colour.
 */
export async function listLegalAreas(ctx: AppContext, actor: CopActor, now = Date.now()): Promise<TCopDrawing[]> {
  const areas = await loadLegalAreas(ctx, now);
  return areas.filter((d) => authorize(actor, 'legal:read', d).allow);
}
