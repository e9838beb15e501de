import { authorize } from '@enlace/access';
import type { TAlert } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { copRuntime } from './cop-runtime.ts';
import { raiseAlert } from './raise-alert.ts';
import type { CopActor } from './track-access.ts';

/**
 * A patrol's emergency (panic button) or its cancellation, for a track the actor reports: the API counterpart of
 * TAK's `b-a-o-tbl` / `b-a-o-can`. Raised to the command posts of both forces at the track's last position.
 */
export async function raiseEmergency(
  ctx: AppContext,
  actor: CopActor,
  e: { trackUid: string; cancel: boolean; text?: string | undefined },
): Promise<TAlert> {
  const rt = copRuntime(ctx);
  await rt.loaded();
  const t = rt.tracks.get(e.trackUid);
  if (!t || !authorize(actor, 'track:write', t).allow) throw notFound();
  const who = `${t.callsign}${t.force ? ` (${t.force})` : ''}`;
  const note = e.text ? `: ${e.text}` : '';
  return raiseAlert(ctx, {
    kind: e.cancel ? 'emergency_cancel' : 'emergency',
    trackUid: t.uid,
    callsign: t.callsign,
    ...(t.unitId ? { unitId: t.unitId } : {}),
    ...(t.force ? { force: t.force } : {}),
    lat: t.lat,
    lon: t.lon,
    message: e.cancel
      ? { es: `${who} canceló su emergencia${note}.`, en: `${who} cancelled its emergency${note}.` }
      : { es: `EMERGENCIA de ${who}${note}.`, en: `EMERGENCY from ${who}${note}.` },
    agency: t.agency,
    classification: t.classification,
  });
}
