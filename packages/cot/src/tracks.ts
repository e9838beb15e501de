import type { CotEvent, CotPoint } from './types.ts';
import { UNKNOWN_ERROR } from './types.ts';

/** A position report as the common operational picture stores it. */
export interface CotTrack {
  uid: string;
  /** `contact callsign`, or the uid when the device sent none. */
  callsign: string;
  type: string;
  lat: number;
  lon: number;
  /** Metres above the ellipsoid; null when unknown (9999999). */
  hae: number | null;
  /** Circular error in metres; null when unknown. */
  ce: number | null;
  /** Degrees from true north; null when not reported. */
  course: number | null;
  /** Metres per second; null when not reported. */
  speed: number | null;
  /** Report time and stale time, ms since epoch. */
  time: number;
  stale: number;
  battery?: number;
  group?: { name?: string; role?: string };
}

/**
 * Whether the event reports the position of something: any `a-*` type with a point, whatever its affiliation,
 * dimension or position (0,0 included: a device may legitimately be there, and dropping it hides a unit).
 */
export function isTrackEvent(event: CotEvent): event is CotEvent & { point: CotPoint } {
  return event.type.startsWith('a-') && event.point !== undefined;
}

function known(value: number): number | null {
  return value >= UNKNOWN_ERROR ? null : value;
}

/** Converts a track event to a {@link CotTrack}; undefined when {@link isTrackEvent} is false. */
export function toTrack(event: CotEvent): CotTrack | undefined {
  if (!isTrackEvent(event)) return undefined;
  const { detail, point } = event;
  const track: CotTrack = {
    uid: event.uid,
    callsign: detail.contact?.callsign || event.uid,
    type: event.type,
    lat: point.lat,
    lon: point.lon,
    hae: known(point.hae),
    ce: known(point.ce),
    course: detail.track?.course ?? null,
    speed: detail.track?.speed ?? null,
    time: event.time,
    stale: event.stale,
  };
  if (detail.status?.battery !== undefined) track.battery = detail.status.battery;
  if (detail.group) {
    const group: CotTrack['group'] = {};
    if (detail.group.name !== undefined) group.name = detail.group.name;
    if (detail.group.role !== undefined) group.role = detail.group.role;
    track.group = group;
  }
  return track;
}
