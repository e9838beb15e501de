import type { TCopDrawing } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { copRuntime } from './cop-runtime.ts';
import { loadLawfulAreas } from './lawful-areas.ts';
import { taskAreaDrawing } from './picture-drawings.ts';

/**
 * The lawful task areas in force now (`from` <= now <= `to`): where units are tasked according to the stored
 * evaluations that allowed them and that no newer evaluation of the same unit and task superseded, as drawings
 * labelled with each evaluation's agency and classification. Read through the instance's copy that the geofence
 * watcher also uses (reading evaluations is audited), which a stored evaluation clears on every instance.
 */
export async function loadTaskAreas(ctx: AppContext, now = Date.now()): Promise<TCopDrawing[]> {
  const areas = await copRuntime(ctx).lawfulAreas(() => loadLawfulAreas(ctx));
  return areas.filter((a) => a.from <= now && now <= a.to).map((a) => taskAreaDrawing(a, now));
}
