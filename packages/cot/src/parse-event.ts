import { readDetail } from './detail-parse.ts';
import { parseCotTime } from './time.ts';
import type { CotAuth, CotError, CotEvent, CotPoint, ParseEventResult } from './types.ts';
import { UNKNOWN_ERROR } from './types.ts';
import { parseXml } from './xml-parse.ts';
import type { XmlElement } from './xml-parse.ts';

/**
 * Parses one CoT `<event>` from XML text. Liberal in what it accepts from real devices: any `version`, `how`
 * optional, attributes in any order, `<point>` before or after `<detail>`, an `<?xml?>` declaration, `start`
 * defaulting to `time`, missing `hae`/`ce`/`le` read as unknown. Refuses DOCTYPE and entity declarations
 * (`DOCTYPE_FORBIDDEN`) without expanding anything.
 */
export function parseEvent(xml: string): ParseEventResult {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  return eventFromXml(parsed.root, xml);
}

/** Result of {@link parseMessage}: what can arrive on a CoT stream. */
export type ParseMessageResult =
  | { ok: true; kind: 'event'; event: CotEvent }
  | { ok: true; kind: 'auth'; auth: CotAuth }
  | { ok: false; error: CotError };

/** Parses an `<event>` or an `<auth>` message. */
export function parseMessage(xml: string): ParseMessageResult {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  if (parsed.root.name === 'auth') {
    const auth = authFromXml(parsed.root);
    return auth.ok ? { ok: true, kind: 'auth', auth: auth.auth } : auth;
  }
  const event = eventFromXml(parsed.root, xml);
  return event.ok ? { ok: true, kind: 'event', event: event.event } : event;
}

/** Parses `<auth><cot username=".." password=".." uid=".." callsign=".."/></auth>`. */
export function parseAuth(xml: string): { ok: true; auth: CotAuth } | { ok: false; error: CotError } {
  const parsed = parseXml(xml);
  return parsed.ok ? authFromXml(parsed.root) : parsed;
}

function fail(code: CotError['code'], message: string): { ok: false; error: CotError } {
  return { ok: false, error: { code, message } };
}

function authFromXml(root: XmlElement): { ok: true; auth: CotAuth } | { ok: false; error: CotError } {
  const cot = root.children.find((c) => c.name === 'cot');
  if (root.name !== 'auth' || cot === undefined) return fail('NOT_AN_EVENT', 'expected <auth><cot .../></auth>');
  const username = cot.attrs.get('username');
  const password = cot.attrs.get('password');
  if (username === undefined || password === undefined) {
    return fail('MISSING_ATTRIBUTE', '<auth><cot> needs username and password');
  }
  const auth: CotAuth = { username, password };
  const uid = cot.attrs.get('uid');
  const callsign = cot.attrs.get('callsign');
  if (uid) auth.uid = uid;
  if (callsign) auth.callsign = callsign;
  return { ok: true, auth };
}

function number(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Reads `<point>`; lat/lon must be numbers in range (0,0 is a valid position). */
function readPoint(element: XmlElement): CotPoint | CotError {
  const lat = number(element.attrs.get('lat'));
  const lon = number(element.attrs.get('lon'));
  if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return { code: 'BAD_POINT', message: `point lat="${element.attrs.get('lat')}" lon="${element.attrs.get('lon')}"` };
  }
  return {
    lat,
    lon,
    hae: number(element.attrs.get('hae')) ?? UNKNOWN_ERROR,
    ce: number(element.attrs.get('ce')) ?? UNKNOWN_ERROR,
    le: number(element.attrs.get('le')) ?? UNKNOWN_ERROR,
  };
}

/** Builds the event model from a parsed `<event>` element; `source` is the text it was parsed from. */
export function eventFromXml(root: XmlElement, source: string): ParseEventResult {
  if (root.name !== 'event') return fail('NOT_AN_EVENT', `root element is <${root.name}>, not <event>`);
  const a = root.attrs;
  const uid = a.get('uid');
  const type = a.get('type');
  if (!uid) return fail('MISSING_ATTRIBUTE', 'event has no uid');
  if (!type) return fail('MISSING_ATTRIBUTE', 'event has no type');
  const time = parseCotTime(a.get('time') ?? '');
  const startText = a.get('start');
  const start = startText === undefined ? time : parseCotTime(startText);
  const stale = parseCotTime(a.get('stale') ?? '');
  if (time === undefined || start === undefined || stale === undefined) {
    return fail('BAD_TIME', `event ${uid}: time/start/stale missing or not ISO-8601`);
  }
  const event: CotEvent = { uid, type, time, start, stale, detail: { unknown: [] } };
  for (const name of ['how', 'access', 'qos', 'opex'] as const) {
    const value = a.get(name);
    if (value !== undefined && value !== '') event[name] = value;
  }
  let detail: XmlElement | undefined;
  for (const child of root.children) {
    if (child.name === 'point' && event.point === undefined) {
      const point = readPoint(child);
      if ('code' in point) return { ok: false, error: point };
      event.point = point;
    } else if (child.name === 'detail') {
      detail ??= child;
    }
  }
  if (detail) event.detail = readDetail(detail.children, source);
  return { ok: true, event };
}
