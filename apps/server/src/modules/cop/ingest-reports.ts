import { authorize } from '@enlace/access';
import { ZTrackReport } from '@enlace/contracts';
import type { TPositionBatchResult, TPositionReport, TTrack, TTrackReport, TTrackSource } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { copRuntime } from './cop-runtime.ts';
import type { CopActor } from './track-access.ts';
import type { TrackRow } from './cop.repository.ts';
import { watchGeofences } from './watch-geofences.ts';

/** A client's report (API, device WebSocket) as a {@link TTrackReport}: source set, agency defaulting to the reporter's. */
export function reportFrom(actor: CopActor, source: TTrackSource, r: TPositionReport): TTrackReport {
  return { ...r, source, agency: r.agency ?? actor.agency };
}

/**
 * A time as `toISOString()` writes it. Devices and the CoT gateway nearly always send that form already
 * (`YYYY-MM-DDThh:mm:ss.sssZ`): it is kept as it is when every field is in range, so the round trip could not change
 * it, saving a parse and a format per report.
 */
function iso(value: string | number): string {
  return typeof value === 'string' && isCanonicalIso(value) ? value : new Date(value).toISOString();
}

function isCanonicalIso(s: string): boolean {
  if (s.length !== 24 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':' || s[19] !== '.' || s[23] !== 'Z') return false;
  for (const i of DIGITS) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  const n = (i: number): number => (s.charCodeAt(i) - 0x30) * 10 + s.charCodeAt(i + 1) - 0x30;
  const year = n(0) * 100 + n(2);
  const month = n(5);
  const day = n(8);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= days && n(11) <= 23 && n(14) <= 59 && n(17) <= 59;
}
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

/** Reports waiting for their commit beyond which new ones are refused. */
const MAX_BACKLOG_ROWS = 100_000;

/**
 * The held state's value when the report repeats it. A track's state is kept until the device's next report (about
 * a second), long enough for the garbage collector to move it to the old generation; reusing the strings the held
 * state already has keeps the report's copies young, and a string parsed out of a CoT message (a slice of the
 * whole message) from holding that message in memory.
 */
const kept = <T>(held: T | undefined, value: T): T => (held === value ? (held as T) : value);

/**
 * Takes position reports from any source (API batch, device WebSocket, CoT gateway, simulator):
 * 1. validates each one and checks the reporter may write a track of that agency and classification, and, when
 *    the uid is already a track of someone else, that it may write that one too (no hijacking of another
 *    force's track by reusing its uid); the decision is taken once per label in a batch;
 * 2. a report newer than the track's current state updates the in-memory picture at once and is published on
 *    `cop.track` (all instances, browsers, TAK) in the next batch of the {@link TrackPublisher}; geofences are
 *    checked for the tracks that moved. The live picture never waits for the database;
 * 3. every report is written to the history and the current state by the group commit (idempotent by uid and
 *    time). Resolves after that commit: an accepted report is durable when the caller hears so.
 * A report older than the current state is kept in the history but does not move the track back; one with the
 * same time as the current state is a duplicate (a retry) and is neither published nor stored again.
 */
export function ingestReports(
  ctx: AppContext,
  actor: CopActor,
  /** Typed by the CoT gateway and the API; validated here anyway, so anything is accepted and checked. */
  reports: readonly unknown[],
): Promise<TPositionBatchResult> {
  // Not an async function: the reports are let go once accepted (steps 1 and 2), not kept until their commit (an
  // async function keeps its arguments until it returns, and at thousands of reports a second they then outlive
  // the young generation).
  return copRuntime(ctx).loaded().then(() => {
    const { result, rows } = acceptReports(ctx, actor, reports);
    return rows.length === 0 ? result : storeAccepted(ctx, result, rows);
  });
}

/** Steps 1 and 2 of {@link ingestReports}: validation, permissions, the in-memory picture and its publication. */
function acceptReports(ctx: AppContext, actor: CopActor, reports: readonly unknown[]): { result: TPositionBatchResult; rows: TrackRow[] } {
  const rt = copRuntime(ctx);
  // Back-pressure: when the database falls this far behind, refuse (503, retry later) rather than queue without bound.
  if (reports.length > 0 && rt.writer.backlog > MAX_BACKLOG_ROWS) {
    throw new AppError('SERVICE_UNAVAILABLE', { reason: 'position ingest is saturated, retry shortly' });
  }
  const result: TPositionBatchResult = { accepted: 0, duplicates: 0, rejected: [] };
  const now = Date.now();
  const receivedAt = iso(now);
  const reportedBy = isUuid(actor.userId) ? actor.userId : null;
  const seen = new Set<string>();
  const rows: TrackRow[] = [];
  const callsigns = new Map<string, string>();
  // A batch comes from one reporter, nearly always with one or two labels: decide each label once.
  const mayWriteLabel = new Map<string, boolean>();
  const mayWrite = (label: { agency: TTrack['agency']; classification: TTrack['classification'] }): boolean => {
    const key = `${label.agency}/${label.classification}`;
    let allow = mayWriteLabel.get(key);
    if (allow === undefined) {
      allow = authorize(actor, 'track:write', label).allow;
      mayWriteLabel.set(key, allow);
    }
    return allow;
  };
  const changed: { track: TTrack; previous: TTrack | undefined }[] = [];
  reports.forEach((raw, index) => {
    const parsed = ZTrackReport.safeParse(raw);
    const uid = typeof (raw as { uid?: unknown } | null)?.uid === 'string' ? String((raw as { uid: string }).uid).slice(0, 200) : '';
    if (!parsed.success) {
      result.rejected.push({ index, uid, reason: 'invalid' });
      return;
    }
    const r = parsed.data;
    const held = rt.tracks.get(r.uid);
    if (!mayWrite(r) || (held !== undefined && !mayWrite(held))) {
      result.rejected.push({ index, uid: r.uid, reason: 'forbidden' });
      return;
    }
    const time = iso(r.time);
    const key = `${r.uid}|${time}`;
    if (seen.has(key) || held?.time === time) {
      result.duplicates++; // the same report twice in a batch, or a retry of the current state
      return;
    }
    seen.add(key);
    const track: TTrack = {
      uid: held?.uid ?? r.uid,
      callsign: kept(held?.callsign, r.callsign ?? callsigns.get(r.uid) ?? held?.callsign ?? r.uid),
      type: kept(held?.type, r.type),
      lat: r.lat,
      lon: r.lon,
      hae: r.hae ?? null,
      ce: r.ce ?? null,
      le: r.le ?? null,
      course: r.course ?? null,
      speed: r.speed ?? null,
      battery: r.battery ?? null,
      status: kept(held?.status, r.status ?? null),
      time,
      stale: r.stale ? iso(r.stale) : iso(Date.parse(time) + ctx.config.trackDefaultStaleSeconds * 1000),
      how: kept(held?.how, r.how ?? null),
      source: r.source,
      force: r.force ?? null,
      unitId: kept(held?.unitId, r.unitId ?? null),
      agency: r.agency,
      classification: r.classification,
      receivedAt,
    };
    if (r.detail !== undefined) track.detail = kept(held?.detail, r.detail);
    callsigns.set(r.uid, track.callsign);
    rows.push({ track, reportedBy });
    const previous = rt.tracks.get(r.uid);
    if (rt.tracks.apply(track)) changed.push({ track, previous });
  });
  if (changed.length > 0) {
    rt.publisher.publish(changed.map((c) => c.track));
    watchGeofences(ctx, changed).catch((err: unknown) => ctx.log.error({ err }, 'geofence check failed'));
  }
  return { result, rows };
}

/** Step 3 of {@link ingestReports}: the group commit; counts what it inserted and what it already held. */
async function storeAccepted(ctx: AppContext, result: TPositionBatchResult, rows: readonly TrackRow[]): Promise<TPositionBatchResult> {
  const inserted = await copRuntime(ctx).writer.write(rows);
  for (const row of rows) {
    if (inserted.has(`${row.track.uid}|${row.track.time}`)) result.accepted++;
    else result.duplicates++;
  }
  return result;
}

const isUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
