import type { TForce, TTrack, TTrackList } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { copRuntime } from './cop-runtime.ts';
import { LabelSet } from './track-access.ts';
import type { CopActor } from './track-access.ts';

export interface ListTracksQuery {
  bbox?: readonly [number, number, number, number] | undefined;
  forces?: readonly TForce[] | undefined;
  maxAgeSeconds?: number | undefined;
  excludeStale?: boolean | undefined;
  limit: number;
}

/** A track as listed: without the raw TAK detail (relay only). */
export function presentTrack(t: TTrack): TTrack {
  if (t.detail === undefined) return t;
  const { detail: _detail, ...rest } = t;
  return rest;
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
  return { items: items.map(presentTrack), total, truncated: total > items.length };
}
