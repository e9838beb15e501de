import { readableLabels } from '@enlace/access';
import { TRACKS_HISTORY_MAX_HOURS } from '@enlace/contracts';
import type { TForce, TTrackHistorySeries, TTracksHistory } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { copRuntime } from './cop-runtime.ts';
import { selectHistoryWindow } from './cop.repository.ts';
import { LabelSet } from './track-access.ts';
import type { CopActor } from './track-access.ts';

export interface TracksHistoryQuery {
  since?: string | undefined;
  until?: string | undefined;
  bbox?: readonly [number, number, number, number] | undefined;
  forces?: readonly TForce[] | undefined;
  limit: number;
}

/** Window used when the caller names no start. */
const DEFAULT_HOURS = 3;

/**
 * The replay of the last hours in one request: every position of every track in the window (default the last 3
 * hours, at most TRACKS_HISTORY_MAX_HOURS) and box that the actor may read (each position by its own labels), grouped
 * per track, oldest first, at most `limit` positions (`truncated` says more were there). Callsign, type and force
 * come from the track's current state when the actor may see it; otherwise the uid stands in for them.
 */
export async function getTracksHistory(ctx: AppContext, actor: CopActor, q: TracksHistoryQuery): Promise<TTracksHistory> {
  const until = q.until ? Date.parse(q.until) : Date.now();
  const since = q.since ? Date.parse(q.since) : until - DEFAULT_HOURS * 3600_000;
  if (since > until || until - since > TRACKS_HISTORY_MAX_HOURS * 3600_000) {
    throw new AppError('TRACK_HISTORY_WINDOW', { hours: TRACKS_HISTORY_MAX_HOURS });
  }
  const rt = copRuntime(ctx);
  await rt.loaded();
  const rows = await selectHistoryWindow(ctx.db, {
    from: new Date(since).toISOString(),
    to: new Date(until).toISOString(),
    limit: q.limit + 1,
    labels: readableLabels(actor, 'track:read'),
    bbox: q.bbox,
  });
  const truncated = rows.length > q.limit;
  const current = new LabelSet(actor, 'track:read');
  const series = new Map<string, TTrackHistorySeries | null>();
  let points = 0;
  for (const r of rows.slice(0, q.limit)) {
    let s = series.get(r.uid);
    if (s === undefined) {
      const t = rt.tracks.get(r.uid);
      const known = t && current.has(t) ? t : undefined;
      const force = known?.force ?? null;
      s = q.forces?.length && (force === null || !q.forces.includes(force))
        ? null
        : { uid: r.uid, callsign: known?.callsign ?? r.uid, type: known?.type ?? 'a-u-G', force, source: known?.source ?? null, points: [] };
      series.set(r.uid, s);
    }
    if (s === null) continue;
    s.points.push({ time: r.time.toISOString(), lat: r.lat, lon: r.lon, hae: r.hae, course: r.course, speed: r.speed, status: r.status });
    points++;
  }
  const tracks = [...series.values()].filter((s): s is TTrackHistorySeries => s !== null);
  return { since: new Date(since).toISOString(), until: new Date(until).toISOString(), tracks, points, truncated };
}
