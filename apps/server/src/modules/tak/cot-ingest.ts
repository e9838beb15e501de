import { CLASSIFICATIONS, FORCES, classificationRank } from '@enlace/contracts';
import type { TClassification, TForce, TTrackReport } from '@enlace/contracts';
import { UNKNOWN_ERROR, formatCotTime, isTrackEvent, readEmergency, serializeDetailContent, toTrack } from '@enlace/cot';
import type { CotEvent } from '@enlace/cot';
import type { CotSubject } from './cot-subject.ts';

/** Largest raw `<detail>` kept for relay (the track contract's bound). */
const MAX_DETAIL = 16_384;

const finite = (v: number | null | undefined, min: number, max: number): number | undefined =>
  v === null || v === undefined || !Number.isFinite(v) || v < min || v > max ? undefined : v;

/** The classification of what a subject reports over CoT: the configured one, never above its clearance. */
export function reportClassification(subject: CotSubject, configured: TClassification): TClassification {
  return classificationRank(configured) <= classificationRank(subject.clearance) ? configured : subject.clearance;
}

/** Whether a configured classification string is one Enlace knows. */
export function isClassification(value: string): value is TClassification {
  return (CLASSIFICATIONS as readonly string[]).includes(value);
}

/**
 * The detail children to relay: everything but what the track fields already carry (contact, track, status),
 * byte for byte as received; undefined when there is nothing or it is over the bound.
 */
export function relayDetail(event: CotEvent): string | undefined {
  const { contact: _c, track: _t, status: _s, ...rest } = event.detail;
  const xml = serializeDetailContent(rest);
  return xml === '' || xml.length > MAX_DETAIL ? undefined : xml;
}

/**
 * Converts a CoT position (any `a-*` event with a point) into a track report attributed to the connection's
 * subject. Values outside what the track contract accepts (a negative course, a 9999999 error) are left out rather
 * than refusing the whole position; the position itself is always kept. Undefined for other events.
 */
export function trackReportFrom(event: CotEvent, subject: CotSubject, classification: TClassification): TTrackReport | undefined {
  if (!isTrackEvent(event)) return undefined;
  const t = toTrack(event);
  if (!t) return undefined;
  const report: TTrackReport = {
    uid: t.uid,
    type: t.type,
    lat: t.lat,
    lon: t.lon,
    time: formatCotTime(t.time),
    stale: formatCotTime(Math.max(t.stale, t.time)),
    source: 'cot',
    agency: subject.agency,
    classification,
  };
  const callsign = t.callsign.trim().slice(0, 120);
  if (callsign !== '') report.callsign = callsign;
  const hae = finite(t.hae, -20_000, 1_000_000);
  const ce = finite(t.ce, 0, UNKNOWN_ERROR - 1);
  const le = finite(event.point.le, 0, UNKNOWN_ERROR - 1);
  const course = finite(t.course, 0, 360);
  const speed = finite(t.speed, 0, 2_000);
  const battery = finite(t.battery, 0, 100);
  if (hae !== undefined) report.hae = hae;
  if (ce !== undefined) report.ce = ce;
  if (le !== undefined) report.le = le;
  if (course !== undefined) report.course = course;
  if (speed !== undefined) report.speed = speed;
  if (battery !== undefined) report.battery = battery;
  if (event.how !== undefined && event.how.length <= 20) report.how = event.how;
  if ((FORCES as readonly string[]).includes(subject.agency)) report.force = subject.agency as TForce;
  const detail = relayDetail(event);
  if (detail !== undefined) report.detail = detail;
  return report;
}

/** An emergency or its cancellation as the alert the command posts receive. */
export function alertFrom(event: CotEvent, subject: CotSubject, classification: TClassification) {
  const e = readEmergency(event);
  if (!e) return undefined;
  const where = e.point ? ` (${e.point.lat.toFixed(5)}, ${e.point.lon.toFixed(5)})` : '';
  const alert = {
    kind: e.kind === 'cancel' ? ('emergency_cancel' as const) : ('emergency' as const),
    trackUid: e.senderUid.slice(0, 200),
    callsign: e.callsign.slice(0, 120),
    message:
      e.kind === 'cancel'
        ? { es: `${e.callsign} canceló su emergencia${where}.`, en: `${e.callsign} cancelled the emergency${where}.` }
        : { es: `Emergencia de ${e.callsign} (${e.alertType}) desde TAK${where}.`, en: `Emergency from ${e.callsign} (${e.alertType}) over TAK${where}.` },
    agency: subject.agency,
    classification,
    dedupeKey: `cot-emergency:${e.uid}:${e.kind}:${e.time}`.slice(0, 300),
    ...(e.point ? { lat: e.point.lat, lon: e.point.lon } : {}),
    ...((FORCES as readonly string[]).includes(subject.agency) ? { force: subject.agency as TForce } : {}),
  };
  return alert;
}
