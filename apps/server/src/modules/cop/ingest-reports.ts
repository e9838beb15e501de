import { authorize } from '@enlace/access';
import { COP_SUBJECTS, ZTrackReport } from '@enlace/contracts';
import type { TPositionBatchResult, TPositionReport, TTrack, TTrackBusEvent, TTrackReport, TTrackSource } from '@enlace/contracts';
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

const iso = (value: string | number): string => new Date(value).toISOString();

/** Reports waiting for their commit beyond which new ones are refused. */
const MAX_BACKLOG_ROWS = 100_000;

/**
 * Takes position reports from any source (API batch, device WebSocket, CoT gateway, simulator):
 * 1. validates each one and checks the reporter may write a track of that agency and classification, and, when
 *    the uid is already a track of someone else, that it may write that one too (no hijacking of another
 *    force's track by reusing its uid);
 * 2. writes them to the history and the current state in one group commit (idempotent by uid and time);
 * 3. updates the in-memory picture and publishes the changed tracks on `cop.track` (all instances, browsers, TAK);
 * 4. checks geofences for the tracks that moved.
 * Resolves after the commit: an accepted report is durable. A report older than the current state is kept in
 * the history but does not move the track back.
 */
export async function ingestReports(
  ctx: AppContext,
  actor: CopActor,
  /** Typed by the CoT gateway and the API; validated here anyway, so anything is accepted and checked. */
  reports: readonly unknown[],
): Promise<TPositionBatchResult> {
  const rt = copRuntime(ctx);
  await rt.loaded();
  const result: TPositionBatchResult = { accepted: 0, duplicates: 0, rejected: [] };
  const now = Date.now();
  const receivedAt = iso(now);
  const seen = new Set<string>();
  const rows: TrackRow[] = [];
  const callsigns = new Map<string, string>();
  reports.forEach((raw, index) => {
    const parsed = ZTrackReport.safeParse(raw);
    const uid = typeof (raw as { uid?: unknown } | null)?.uid === 'string' ? String((raw as { uid: string }).uid).slice(0, 200) : '';
    if (!parsed.success) {
      result.rejected.push({ index, uid, reason: 'invalid' });
      return;
    }
    const r = parsed.data;
    const label = { agency: r.agency, classification: r.classification };
    const held = rt.tracks.get(r.uid);
    const mayWrite = authorize(actor, 'track:write', label).allow && (!held || authorize(actor, 'track:write', held).allow);
    if (!mayWrite) {
      result.rejected.push({ index, uid: r.uid, reason: 'forbidden' });
      return;
    }
    const time = iso(r.time);
    const key = `${r.uid}|${time}`;
    if (seen.has(key)) {
      result.duplicates++;
      return;
    }
    seen.add(key);
    const track: TTrack = {
      uid: r.uid,
      callsign: r.callsign ?? callsigns.get(r.uid) ?? held?.callsign ?? r.uid,
      type: r.type,
      lat: r.lat,
      lon: r.lon,
      hae: r.hae ?? null,
      ce: r.ce ?? null,
      le: r.le ?? null,
      course: r.course ?? null,
      speed: r.speed ?? null,
      battery: r.battery ?? null,
      status: r.status ?? null,
      time,
      stale: r.stale ? iso(r.stale) : iso(Date.parse(time) + ctx.config.trackDefaultStaleSeconds * 1000),
      how: r.how ?? null,
      source: r.source,
      force: r.force ?? null,
      unitId: r.unitId ?? null,
      agency: r.agency,
      classification: r.classification,
      receivedAt,
    };
    if (r.detail !== undefined) track.detail = r.detail;
    callsigns.set(r.uid, track.callsign);
    const row = { track, reportedBy: isUuid(actor.userId) ? actor.userId : null };
    rows.push(row);
  });
  if (rows.length === 0) return result;
  // Back-pressure: when the database falls this far behind, refuse (503, retry later) rather than queue without bound.
  if (rt.writer.backlog > MAX_BACKLOG_ROWS) throw new AppError('SERVICE_UNAVAILABLE', { reason: 'position ingest is saturated, retry shortly' });

  const inserted = await rt.writer.write(rows);
  const changed: { track: TTrack; previous: TTrack | undefined }[] = [];
  for (const row of rows) {
    if (!inserted.has(`${row.track.uid}|${row.track.time}`)) {
      result.duplicates++;
      continue;
    }
    result.accepted++;
    const previous = rt.tracks.get(row.track.uid);
    if (rt.tracks.apply(row.track)) changed.push({ track: row.track, previous });
  }
  if (changed.length > 0) {
    const event: TTrackBusEvent = { tracks: changed.map((c) => c.track), removed: [] };
    await ctx.bus.publish(COP_SUBJECTS.track, event);
    watchGeofences(ctx, changed).catch((err: unknown) => ctx.log.error({ err }, 'geofence check failed'));
  }
  return result;
}

const isUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
