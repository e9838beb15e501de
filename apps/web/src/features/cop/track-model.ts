/**
 * Live tracks as map features (pure: no DOM, no map). Each track becomes one point feature with the properties the
 * symbol layer and the filters read: SIDC, callsign, force, base status, freshness and whether it has video.
 */
import type { TForce, TTrack } from '@enlace/contracts';
import type { PointFeature } from '../../app/map/live-features.ts';
import { kindFromCotType, sidcForTrack, type TrackKind } from '../../app/map/sidc.ts';
import { baseStatusOf, type BaseStatus } from './status-types.ts';

/** Freshness of a track: `live` reported within the last minute, `recent` not yet stale, `stale` past its stale time. */
export type Freshness = 'live' | 'recent' | 'stale';

export const LIVE_WINDOW_MS = 60_000;

export function freshnessOf(track: Pick<TTrack, 'time' | 'stale'>, now: number): Freshness {
  if (Date.parse(track.stale) <= now) return 'stale';
  return now - Date.parse(track.time) <= LIVE_WINDOW_MS ? 'live' : 'recent';
}

/** Freshness filter of the picture. */
export type FreshnessFilter = 'all' | 'current' | 'live';

export interface TrackFilter {
  forces: ReadonlySet<TForce | 'none'>;
  freshness: FreshnessFilter;
}

export function passesFilter(props: { force: string; freshness: Freshness }, filter: TrackFilter): boolean {
  if (!filter.forces.has(props.force as TForce | 'none')) return false;
  if (filter.freshness === 'current' && props.freshness === 'stale') return false;
  if (filter.freshness === 'live' && props.freshness !== 'live') return false;
  return true;
}

const VIDEO_URL = /<__video\b[^>]*\burl\s*=\s*"([^"]{1,2000})"/i;
const SAFE_VIDEO = /^(https?|rtsp|rtmp|srt):\/\//i;

/**
 * A drone's video URL from its CoT `<__video url="...">` detail, if it is a network URL (no `javascript:` or
 * `data:`); `&amp;` is decoded. The link is shown, never embedded.
 */
export function videoUrlOf(track: Pick<TTrack, 'detail'> & { videoUrl?: unknown }): string | null {
  if (typeof track.videoUrl === 'string' && SAFE_VIDEO.test(track.videoUrl)) return track.videoUrl;
  const match = track.detail ? VIDEO_URL.exec(track.detail) : null;
  const url = match?.[1]?.replace(/&amp;/g, '&');
  return url && SAFE_VIDEO.test(url) ? url : null;
}

/** The properties a track feature carries. */
export interface TrackProps {
  uid: string;
  callsign: string;
  sidc: string;
  kind: TrackKind;
  force: TForce | 'none';
  status: string;
  base: BaseStatus;
  freshness: Freshness;
  /** 1 when the track has a video link (drones). */
  video: 0 | 1;
  source: TTrack['source'];
  /** Sort key: emergencies and engaged units drawn on top. */
  rank: number;
  [key: string]: unknown;
}

const RANK: Record<BaseStatus, number> = {
  emergency: 6,
  engaged: 5,
  en_route: 4,
  patrolling: 3,
  available: 2,
  out_of_service: 1,
  unknown: 0,
};

export function trackFeature(
  track: TTrack,
  now: number,
  overrides: Readonly<Record<string, BaseStatus>> = {},
  videoUrl: string | null = videoUrlOf(track),
): PointFeature {
  const base = baseStatusOf(track.status, overrides);
  const properties: TrackProps = {
    uid: track.uid,
    callsign: track.callsign,
    sidc: sidcForTrack(track, { exercise: track.source === 'sim' }),
    kind: kindFromCotType(track.type),
    force: track.force ?? 'none',
    status: track.status ?? '',
    base,
    freshness: freshnessOf(track, now),
    video: videoUrl ? 1 : 0,
    source: track.source,
    rank: RANK[base],
  };
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [track.lon, track.lat] } };
}

/**
 * A position along a history at time `t` (the last point at or before `t`; null before the first). `times` is
 * sorted ascending (epoch ms). Binary search: a 6-hour replay of 100 tracks stays instant when scrubbing.
 */
export function indexAt(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  if (hi < 0 || (times[0] ?? Infinity) > t) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((times[mid] ?? Infinity) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
