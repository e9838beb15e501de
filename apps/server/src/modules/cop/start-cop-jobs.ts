import type { AppContext } from '../../platform/context.ts';
import { copRuntime } from './cop-runtime.ts';
import { forgetOldTracks } from './forget-old-tracks.ts';
import { startTrackSimulator } from './simulate-tracks.ts';
import { sweepStaleTracks } from './sweep-stale-tracks.ts';

/** How often stale tracks are looked for. */
const STALE_SWEEP_MS = 5_000;
/** How often history past its retention is deleted. */
const PRUNE_MS = 3600_000;

/**
 * Background work of the operational picture, once migrations are done: stale-track alerts, history retention
 * (ENLACE_TRACK_HISTORY_HOURS) and, in demo mode only, the simulated tracks. Returns a stop function.
 */
export function startCopJobs(ctx: AppContext): () => void {
  const rt = copRuntime(ctx);
  const onError = (what: string) => (err: unknown) => ctx.log.error({ err }, what);
  rt.every(STALE_SWEEP_MS, async () => {
    if (ctx.ready()) await sweepStaleTracks(ctx);
  }, onError('stale sweep failed'));
  rt.every(PRUNE_MS, async () => {
    if (ctx.ready()) await forgetOldTracks(ctx);
  }, onError('history retention failed'));
  let stopSim: (() => void) | null = null;
  if (ctx.config.trackSimulator) {
    const wait = setInterval(() => {
      if (!ctx.ready()) return;
      clearInterval(wait);
      stopSim = startTrackSimulator(ctx);
    }, 200);
    wait.unref();
    return () => {
      clearInterval(wait);
      stopSim?.();
    };
  }
  return () => undefined;
}
