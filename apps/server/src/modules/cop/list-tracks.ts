import type { TForce, TTrack, TTrackList } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { copRuntime } from './cop-runtime.ts';
import { droneVideos, trackVideoUrl } from './drone-videos.ts';
import type { DroneVideoDirectory } from './drone-videos.ts';
import { LabelSet } from './track-access.ts';
import type { CopActor } from './track-access.ts';

export interface ListTracksQuery {
  bbox?: readonly [number, number, number, number] | undefined;
  forces?: readonly TForce[] | undefined;
  maxAgeSeconds?: number | undefined;
  excludeStale?: boolean | undefined;
  limit: number;
}

/** A track as listed: without the raw TAK detail (relay only), with the drone's video link when it has one. */
export function presentTrack(t: TTrack, videos?: DroneVideoDirectory): TTrack {
  const videoUrl = trackVideoUrl(t, videos);
  if (t.detail === undefined && videoUrl === undefined) return t;
  const { detail: _detail, ...rest } = t;
  return videoUrl === undefined ? rest : { ...rest, videoUrl };
}

/**
 * The current tracks the actor may see (agency and classification through authorize()), filtered by box, force
 * and freshness, most recent first. Served from the instance's memory, which every instance keeps in step
 * through the bus: a report accepted anywhere is listed here within the bus delay.
 */
export async function listTracks(ctx: AppContext, actor: CopActor, q: ListTracksQuery): Promise<TTrackList> {
  const rt = copRuntime(ctx);
  await rt.loaded();
  const { items, total } = rt.tracks.list(
    { bbox: q.bbox, forces: q.forces, maxAgeSeconds: q.maxAgeSeconds, excludeStale: q.excludeStale, labels: new LabelSet(actor, 'track:read') },
    q.limit,
  );
  const videos = droneVideos(ctx);
  return { items: items.map((t) => presentTrack(t, videos)), total, truncated: total > items.length };
}
