import type { CotDetail, CotEvent, CotPoint } from './types.ts';
import { UNKNOWN_ERROR } from './types.ts';
import { parseXml } from './xml-parse.ts';
import type { XmlElement } from './xml-parse.ts';

/** The point control messages carry: 0,0 with unknown errors. */
export const NULL_POINT: Readonly<CotPoint> = Object.freeze({ lat: 0, lon: 0, hae: 0, ce: UNKNOWN_ERROR, le: UNKNOWN_ERROR });

/** Fields for {@link buildEvent}. */
export interface BuildEventOptions {
  uid: string;
  type: string;
  how?: string;
  /** Generation time, ms since epoch (default: now). `start` equals it. */
  now?: number;
  /** How long the event stays valid (default 60 s). */
  staleAfterMs?: number;
  point?: CotPoint;
  detail?: Partial<CotDetail>;
}

/** Builds an event with consistent time/start/stale; the point defaults to {@link NULL_POINT}. */
export function buildEvent(options: BuildEventOptions): CotEvent {
  const now = options.now ?? Date.now();
  const event: CotEvent = {
    uid: options.uid,
    type: options.type,
    time: now,
    start: now,
    stale: now + (options.staleAfterMs ?? 60_000),
    point: { ...(options.point ?? NULL_POINT) },
    detail: { unknown: [], ...options.detail },
  };
  if (options.how !== undefined) event.how = options.how;
  return event;
}

function isBoundary(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3e || c === 0x2f || Number.isNaN(c);
}

/**
 * Finds the first element named `name` among the detail elements the model does not type (e.g. `__video`,
 * `__geofence`, `marti`, `TakControl`) and parses it.
 */
export function findDetailElement(detail: CotDetail, name: string): XmlElement | undefined {
  for (const raw of detail.unknown) {
    if (!raw.startsWith(`<${name}`) || !isBoundary(raw.charCodeAt(name.length + 1))) continue;
    const parsed = parseXml(raw);
    if (parsed.ok) return parsed.root;
  }
  return undefined;
}
