import { COP_SUBJECTS } from '@enlace/contracts';
import type { TTrackBusEvent } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { copRuntime } from './cop-runtime.ts';
import { deleteCurrentBefore, pruneHistory } from './cop.repository.ts';

/**
 * Retention (ENLACE_TRACK_HISTORY_HOURS): deletes history older than the retention and takes off the picture the
 * tracks whose stale time passed longer ago than that (a phone that left months ago is not a current track).
 */
export async function forgetOldTracks(ctx: AppContext, now = Date.now()): Promise<{ history: number; tracks: number }> {
  const before = new Date(now - ctx.config.trackHistoryHours * 3600_000);
  const history = await pruneHistory(ctx.db, before);
  await copRuntime(ctx).writer.flushCurrent(); // the newest states are written once a second: write them before deciding
  const gone = await deleteCurrentBefore(ctx.db, before);
  if (gone.length > 0) {
    const rt = copRuntime(ctx);
    for (const g of gone) rt.tracks.remove(g.uid);
    const event: TTrackBusEvent = { tracks: [], removed: gone };
    await ctx.bus.publish(COP_SUBJECTS.track, event);
  }
  return { history, tracks: gone.length };
}
