import type { TForce, TTrack } from '@enlace/contracts';
import type { LabelSet } from './track-access.ts';

/** A filter on current tracks: box `[minLon, minLat, maxLon, maxLat]`, forces, freshness, readable labels. */
export interface TrackFilter {
  bbox?: readonly [number, number, number, number] | undefined;
  forces?: readonly TForce[] | undefined;
  /** Only tracks whose report time is within this many seconds of `now`. */
  maxAgeSeconds?: number | undefined;
  /** Leave out tracks past their stale time. */
  excludeStale?: boolean | undefined;
  labels: LabelSet;
}

/** Whether a track passes a filter (labels included) at `now` (ms). */
export function trackMatches(track: TTrack, f: TrackFilter, now: number): boolean {
  if (!f.labels.has(track)) return false;
  if (f.bbox) {
    const [minLon, minLat, maxLon, maxLat] = f.bbox;
    if (track.lat < minLat || track.lat > maxLat) return false;
    // A box crossing the antimeridian has minLon > maxLon.
    const inLon = minLon <= maxLon ? track.lon >= minLon && track.lon <= maxLon : track.lon >= minLon || track.lon <= maxLon;
    if (!inLon) return false;
  }
  if (f.forces && f.forces.length > 0 && (track.force === null || !f.forces.includes(track.force))) return false;
  if (f.maxAgeSeconds !== undefined && Date.parse(track.time) < now - f.maxAgeSeconds * 1000) return false;
  if (f.excludeStale && Date.parse(track.stale) < now) return false;
  return true;
}

/** Orders two ISO times; the canonical 24-character form (`toISOString`) compares as text, without parsing. */
function compareTimes(a: string, b: string): number {
  if (a.length === 24 && b.length === 24 && a.endsWith('Z') && b.endsWith('Z')) return a < b ? -1 : a > b ? 1 : 0;
  return Date.parse(a) - Date.parse(b);
}

/**
 * The current state of every track, in memory: reads (`GET /tracks`, live snapshots, TAK relay) are served from
 * here. Kept in step across instances through the bus (`cop.track`); loaded from `cop_track` at start.
 * A report replaces the state only when it is at least as recent as the one held.
 */
export class TrackStore {
  private readonly tracks = new Map<string, TTrack>();

  get size(): number {
    return this.tracks.size;
  }

  get(uid: string): TTrack | undefined {
    return this.tracks.get(uid);
  }

  /** Applies a track if it is not older than the one held; returns true when the state changed. */
  apply(track: TTrack): boolean {
    const held = this.tracks.get(track.uid);
    if (held === track) return false; // this instance's own change coming back from the bus
    if (held) {
      const order = compareTimes(held.time, track.time);
      if (order > 0 || (order === 0 && compareTimes(held.receivedAt, track.receivedAt) >= 0)) return false;
    }
    this.tracks.set(track.uid, track);
    return true;
  }

  remove(uid: string): TTrack | undefined {
    const held = this.tracks.get(uid);
    this.tracks.delete(uid);
    return held;
  }

  /** Tracks passing the filter, most recent first, at most `limit`; `total` counts all that pass. */
  list(f: TrackFilter, limit: number, now = Date.now()): { items: TTrack[]; total: number } {
    const items: TTrack[] = [];
    for (const t of this.tracks.values()) if (trackMatches(t, f, now)) items.push(t);
    items.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : a.uid.localeCompare(b.uid)));
    return { items: items.slice(0, limit), total: items.length };
  }

  values(): IterableIterator<TTrack> {
    return this.tracks.values();
  }
}
