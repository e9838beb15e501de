/**
 * Timeline replay of the last hours: the histories of the tracks in view (`GET /tracks/:uid/history`, at most
 * REPLAY_MAX_TRACKS, six requests at a time) replayed on the map at any instant of the window, with trails.
 */
import type { TForce, TTrack, TTrackPoint } from '@enlace/contracts';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { LiveFeatureSet, type PointFeature } from '../../app/map/live-features.ts';
import { sidcForTrack } from '../../app/map/sidc.ts';
import { trackHistory } from './cop-api.ts';
import { baseStatusOf } from './status-types.ts';
import { indexAt } from './track-model.ts';

/** More than this many histories would make the replay slow to load and unreadable on the map. */
export const REPLAY_MAX_TRACKS = 150;
/** A replayed position older than this at the cursor is drawn faded (the track had stopped reporting). */
const REPLAY_STALE_MS = 5 * 60_000;

export interface ReplayTrack {
  uid: string;
  callsign: string;
  type: string;
  force: TForce | null;
  source: TTrack['source'];
  times: number[];
  points: TTrackPoint[];
}

export class Replay {
  readonly features = new LiveFeatureSet();
  private cursor: number;

  constructor(
    readonly tracks: readonly ReplayTrack[],
    readonly from: number,
    readonly to: number,
  ) {
    this.cursor = from;
  }

  get time(): number {
    return this.cursor;
  }

  /** Moves the cursor and redraws every replayed track at its position at that instant. */
  seek(t: number): void {
    this.cursor = Math.min(this.to, Math.max(this.from, t));
    const entries: [string, PointFeature][] = [];
    const gone: string[] = [];
    for (const track of this.tracks) {
      const i = indexAt(track.times, this.cursor);
      const point = track.points[i];
      if (i < 0 || !point) {
        gone.push(track.uid);
        continue;
      }
      const age = this.cursor - (track.times[i] ?? 0);
      const base = baseStatusOf(point.status);
      entries.push([
        track.uid,
        {
          type: 'Feature',
          properties: {
            uid: track.uid,
            callsign: track.callsign,
            sidc: sidcForTrack(track, { exercise: track.source === 'sim' }),
            force: track.force ?? 'none',
            status: point.status ?? '',
            base,
            freshness: age > REPLAY_STALE_MS ? 'stale' : 'live',
            rank: 0,
          },
          geometry: { type: 'Point', coordinates: [point.lon, point.lat] },
        },
      ]);
    }
    this.features.remove(gone);
    this.features.upsertMany(entries);
  }

  /** Where each track went from the start of the window to the cursor. */
  trails(): FeatureCollection<LineString> {
    const features: Feature<LineString>[] = [];
    for (const track of this.tracks) {
      const last = indexAt(track.times, this.cursor);
      if (last < 1) continue;
      const coordinates = track.points.slice(0, last + 1).map((p) => [p.lon, p.lat]);
      features.push({ type: 'Feature', properties: { uid: track.uid, force: track.force ?? 'none' }, geometry: { type: 'LineString', coordinates } });
    }
    return { type: 'FeatureCollection', features };
  }
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Loads the histories of `tracks` (the first REPLAY_MAX_TRACKS) over the last `hours`. */
export async function loadReplay(tracks: readonly TTrack[], hours: number, signal?: AbortSignal): Promise<Replay> {
  const to = Date.now();
  const from = to - hours * 3600_000;
  const chosen = tracks.slice(0, REPLAY_MAX_TRACKS);
  const histories = await mapLimited(chosen, 6, async (track) => {
    try {
      return await trackHistory(track.uid, new Date(from).toISOString(), new Date(to).toISOString(), signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      return null; // A track the user may no longer see, or removed: left out of the replay.
    }
  });
  const replayTracks: ReplayTrack[] = [];
  chosen.forEach((track, i) => {
    const history = histories[i];
    if (!history || history.points.length === 0) return;
    const points = [...history.points].sort((a, b) => a.time.localeCompare(b.time));
    replayTracks.push({
      uid: track.uid,
      callsign: track.callsign,
      type: track.type,
      force: track.force,
      source: track.source,
      times: points.map((p) => Date.parse(p.time)),
      points,
    });
  });
  const replay = new Replay(replayTracks, from, to);
  replay.seek(from);
  return replay;
}
