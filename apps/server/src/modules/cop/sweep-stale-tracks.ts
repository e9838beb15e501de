import type { AppContext } from '../../platform/context.ts';
import { copRuntime } from './cop-runtime.ts';
import { raiseAlert } from './raise-alert.ts';

/** Tracks stale for longer than this when first seen are not alerted on (an instance starting after a long stop). */
const STALE_WINDOW_MS = 3600_000;

/**
 * Raises a `stale` alert once for each track of the forces (with a force or a unit; simulated tracks excepted)
 * that stopped reporting: its stale time passed. One alert per stale episode on all instances together (the
 * dedupe key names the stale time).
 */
export async function sweepStaleTracks(ctx: AppContext, now = Date.now()): Promise<number> {
  const rt = copRuntime(ctx);
  await rt.loaded();
  let raised = 0;
  for (const t of [...rt.tracks.values()]) {
    if (t.source === 'sim' || (t.force === null && t.unitId === null)) continue;
    const stale = Date.parse(t.stale);
    if (stale > now || stale < now - STALE_WINDOW_MS) continue;
    const key = `stale:${t.uid}:${t.stale}`;
    if (rt.raised.has(key)) continue;
    rt.raised.add(key);
    const who = `${t.callsign}${t.force ? ` (${t.force})` : ''}`;
    await raiseAlert(ctx, {
      kind: 'stale',
      trackUid: t.uid,
      callsign: t.callsign,
      ...(t.unitId ? { unitId: t.unitId } : {}),
      ...(t.force ? { force: t.force } : {}),
      lat: t.lat,
      lon: t.lon,
      message: {
        es: `${who} dejó de reportar su posición (última: ${t.time}).`,
        en: `${who} stopped reporting its position (last: ${t.time}).`,
      },
      agency: t.agency,
      classification: t.classification,
      dedupeKey: key,
    });
    raised++;
  }
  if (rt.raised.size > 100_000) rt.raised.clear();
  return raised;
}
