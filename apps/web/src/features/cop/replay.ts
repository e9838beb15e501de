/**
 * Timeline replay of the last hours: every position in view over the window, read in one request
 * (`GET /tracks/history?since&until&bbox`), replayed on the map at any instant of the window, with trails.
 */
import type { TForce, TTrack, TTrackPoint, TTracksHistory } from '@enlace/contracts';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { LiveFeatureSet, type PointFeature } from '../../app/map/live-features.ts';
import { sidcForTrack } from '../../app/map/sidc.ts';
import { tracksHistory } from './cop-api.ts';
import { baseStatusOf } from './status-types.ts';
import { indexAt } from './track-model.ts';

/** Most positions one replay loads (the server's bound is higher; this keeps the browser quick). */
export const REPLAY_MAX_POINTS = 100_000;
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

/** Filters of a replay: the box in view and the forces shown. */
export interface ReplayScope {
  bbox?: [number, number, number, number] | undefined;
  /** Forces to keep (`none`: tracks without a force); all when absent. */
  forces?: ReadonlySet<TForce | 'none'> | undefined;
}

/** The tracks of one bulk history answer as replay tracks, filtered by force, positions in time order. */
export function replayTracksOf(history: TTracksHistory, forces?: ReadonlySet<TForce | 'none'>): ReplayTrack[] {
  const out: ReplayTrack[] = [];
  for (const series of history.tracks) {
    if (forces && !forces.has(series.force ?? 'none')) continue;
    if (series.points.length === 0) continue;
    const points = [...series.points].sort((a, b) => a.time.localeCompare(b.time));
    out.push({
      uid: series.uid,
      callsign: series.callsign,
      type: series.type,
      force: series.force,
      source: series.source ?? 'api',
      times: points.map((p) => Date.parse(p.time)),
      points,
    });
  }
  return out;
}

/**
 * Loads the last `hours` of every track in the box the user may see, in one request (`GET /tracks/history`,
 * at most REPLAY_MAX_POINTS positions; `truncated` says the window held more).
 */
export async function loadReplay(scope: ReplayScope, hours: number, signal?: AbortSignal): Promise<{ replay: Replay; truncated: boolean }> {
  const to = Date.now();
  const from = to - hours * 3600_000;
  const history = await tracksHistory({ since: new Date(from).toISOString(), until: new Date(to).toISOString(), bbox: scope.bbox, limit: REPLAY_MAX_POINTS }, signal);
  const replay = new Replay(replayTracksOf(history, scope.forces), from, to);
  replay.seek(from);
  return { replay, truncated: history.truncated };
}
