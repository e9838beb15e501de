import type { ResourceLabel } from '@enlace/access';
import type { TAlert, TGeofence, TTrack, TTrackPoint } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys, labelPredicate } from '../../platform/db/label-filter.ts';

/** A track state with who reported it, as written by one flush. */
export interface TrackRow {
  track: TTrack;
  reportedBy: string | null;
}

interface CurrentRow {
  uid: string;
  callsign: string;
  type: string;
  lon: number;
  lat: number;
  hae: number | null;
  ce: number | null;
  le: number | null;
  course: number | null;
  speed: number | null;
  battery: number | null;
  status: string | null;
  time: Date;
  stale: Date;
  how: string | null;
  source: TTrack['source'];
  force: TTrack['force'];
  unit_id: string | null;
  detail: string | null;
  received_at: Date;
  agency: TTrack['agency'];
  classification: TTrack['classification'];
}

const toTrack = (r: CurrentRow): TTrack => {
  const t: TTrack = {
    uid: r.uid,
    callsign: r.callsign,
    type: r.type,
    lat: r.lat,
    lon: r.lon,
    hae: r.hae,
    ce: r.ce,
    le: r.le,
    course: r.course,
    speed: r.speed,
    battery: r.battery,
    status: r.status,
    time: r.time.toISOString(),
    stale: r.stale.toISOString(),
    how: r.how,
    source: r.source,
    force: r.force,
    unitId: r.unit_id,
    agency: r.agency,
    classification: r.classification,
    receivedAt: r.received_at.toISOString(),
  };
  if (r.detail !== null) t.detail = r.detail;
  return t;
};

/** Every current track (a starting instance loads them into memory). */
export async function loadCurrentTracks(db: Queryable): Promise<TTrack[]> {
  const r = await db.query<CurrentRow>(
    `SELECT uid, callsign, type, ST_X(geom) AS lon, ST_Y(geom) AS lat, hae, ce, le, course, speed, battery, status,
            time, stale, how, source, force, unit_id, detail, received_at, agency, classification
       FROM cop_track`,
  );
  return r.rows.map(toTrack);
}

/**
 * One JSON parameter per batch (far cheaper to bind than one array per column: PGlite parses each element), one
 * object per report with only the history's columns, `i` its index in the batch.
 */
const historyJson = (rows: readonly TrackRow[]): string =>
  JSON.stringify(
    rows.map((r, i) => {
      const t = r.track;
      return {
        i, uid: t.uid, lon: t.lon, lat: t.lat, hae: t.hae, course: t.course, speed: t.speed, status: t.status, time: t.time,
        source: t.source, reported_by: r.reportedBy, received_at: t.receivedAt, agency: t.agency, classification: t.classification,
      };
    }),
  );

/**
 * Appends one group commit's positions to the history in one statement, skipping those already stored (same uid
 * and time). Returns the indexes in `rows` of the reports actually inserted, so a retried batch is recognised.
 * Rows go in in (uid, time) order, so two transactions inserting the same retried reports wait for each other
 * instead of deadlocking.
 */
export async function insertHistory(tx: Queryable, rows: readonly TrackRow[]): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const r = await tx.query<{ i: number }>(
    `WITH u AS (
       SELECT * FROM json_to_recordset($1::json) AS u(i int, uid text, lon float8, lat float8, hae float8, course float8,
              speed float8, status text, time timestamptz, source text, reported_by uuid, received_at timestamptz,
              agency text, classification text)
     ), ins AS (
       INSERT INTO cop_track_history (uid, time, geom, hae, course, speed, status, source, reported_by, received_at, agency, classification)
       SELECT uid, time, ST_SetSRID(ST_MakePoint(lon, lat), 4326), hae, course, speed, status, source, reported_by,
              received_at, agency, classification
         FROM u
        ORDER BY uid, time
       ON CONFLICT (uid, time) DO NOTHING
       RETURNING uid, time
     )
     SELECT u.i FROM u JOIN ins ON ins.uid = u.uid AND ins.time = u.time`,
    [historyJson(rows)],
  );
  return new Set(r.rows.map((x) => x.i));
}

/**
 * Writes the newest state of tracks (at most one row per uid), unless a newer one is stored: a late or concurrent
 * write never moves a track back. Rows are locked in uid order (no deadlock between two writers).
 */
export async function upsertCurrent(db: Queryable, rows: readonly TrackRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => {
      const t = r.track;
      return {
        uid: t.uid, callsign: t.callsign, type: t.type, lon: t.lon, lat: t.lat, hae: t.hae, ce: t.ce, le: t.le, course: t.course,
        speed: t.speed, battery: t.battery, status: t.status, time: t.time, stale: t.stale, how: t.how, source: t.source,
        force: t.force, unit_id: t.unitId, detail: t.detail ?? null, reported_by: r.reportedBy, received_at: t.receivedAt,
        agency: t.agency, classification: t.classification,
      };
    }),
  );
  await db.query(
    `INSERT INTO cop_track (uid, callsign, type, geom, hae, ce, le, course, speed, battery, status, time, stale, how, source,
                            force, unit_id, detail, reported_by, received_at, agency, classification)
     SELECT DISTINCT ON (uid) uid, callsign, type, ST_SetSRID(ST_MakePoint(lon, lat), 4326), hae, ce, le, course, speed,
            battery, status, time, stale, how, source, force, unit_id, detail, reported_by, received_at, agency, classification
       FROM json_to_recordset($1::json) AS u(uid text, callsign text, type text, lon float8, lat float8, hae float8, ce float8,
            le float8, course float8, speed float8, battery float8, status text, time timestamptz, stale timestamptz, how text,
            source text, force text, unit_id uuid, detail text, reported_by uuid, received_at timestamptz, agency text,
            classification text)
      ORDER BY uid, time DESC
     ON CONFLICT (uid) DO UPDATE SET
       callsign = EXCLUDED.callsign, type = EXCLUDED.type, geom = EXCLUDED.geom, hae = EXCLUDED.hae, ce = EXCLUDED.ce,
       le = EXCLUDED.le, course = EXCLUDED.course, speed = EXCLUDED.speed, battery = EXCLUDED.battery,
       status = EXCLUDED.status, time = EXCLUDED.time, stale = EXCLUDED.stale, how = EXCLUDED.how,
       source = EXCLUDED.source, force = EXCLUDED.force, unit_id = EXCLUDED.unit_id, detail = EXCLUDED.detail,
       reported_by = EXCLUDED.reported_by, received_at = EXCLUDED.received_at, agency = EXCLUDED.agency,
       classification = EXCLUDED.classification
     WHERE cop_track.time < EXCLUDED.time`,
    [json],
  );
}

/** Removes a track from the current picture (its history stays). */
export async function deleteCurrent(tx: Queryable, uid: string): Promise<void> {
  await tx.query('DELETE FROM cop_track WHERE uid = $1', [uid]);
}

/** The stored positions of a track between two times that the reader's labels allow, oldest first. */
export async function selectHistory(
  db: Queryable,
  q: { uid: string; from: string; to: string; limit: number; labels: readonly ResourceLabel[] },
): Promise<TTrackPoint[]> {
  const r = await db.query<{ time: Date; lon: number; lat: number; hae: number | null; course: number | null; speed: number | null; status: string | null }>(
    `SELECT time, ST_X(geom) AS lon, ST_Y(geom) AS lat, hae, course, speed, status
       FROM cop_track_history WHERE uid = $1 AND time >= $2 AND time <= $3 AND ${labelPredicate(5)}
      ORDER BY time LIMIT $4`,
    [q.uid, q.from, q.to, q.limit, labelKeys(q.labels)],
  );
  return r.rows.map((x) => ({ time: x.time.toISOString(), lat: x.lat, lon: x.lon, hae: x.hae, course: x.course, speed: x.speed, status: x.status }));
}

/** One stored position of any track, for the bulk replay window. */
export interface HistoryRow {
  uid: string;
  time: Date;
  lon: number;
  lat: number;
  hae: number | null;
  course: number | null;
  speed: number | null;
  status: string | null;
}

/**
 * Every stored position between two times that the reader's labels allow, optionally inside a box
 * `[minLon, minLat, maxLon, maxLat]`, oldest first, at most `limit` (one indexed range scan on time).
 */
export async function selectHistoryWindow(
  db: Queryable,
  q: { from: string; to: string; limit: number; labels: readonly ResourceLabel[]; bbox?: readonly [number, number, number, number] | undefined },
): Promise<HistoryRow[]> {
  const params: unknown[] = [q.from, q.to, q.limit, labelKeys(q.labels)];
  const box = q.bbox
    ? `AND geom && ST_MakeEnvelope($${params.push(q.bbox[0])}::float8, $${params.push(q.bbox[1])}::float8, $${params.push(q.bbox[2])}::float8, $${params.push(q.bbox[3])}::float8, 4326)`
    : '';
  const r = await db.query<HistoryRow>(
    `SELECT uid, time, ST_X(geom) AS lon, ST_Y(geom) AS lat, hae, course, speed, status
       FROM cop_track_history WHERE time >= $1 AND time <= $2 AND ${labelPredicate(4)} ${box}
      ORDER BY time, uid LIMIT $3`,
    params,
  );
  return r.rows;
}

/** Deletes history older than `before`; returns how many rows went. */
export async function pruneHistory(db: Queryable, before: Date): Promise<number> {
  const r = await db.query('DELETE FROM cop_track_history WHERE time < $1', [before.toISOString()]);
  return r.rowCount;
}

// ---------------------------------------------------------------------------------------------------------------
// Alerts

interface AlertRow {
  id: string;
  kind: TAlert['kind'];
  severity: TAlert['severity'];
  state: TAlert['state'];
  track_uid: string | null;
  callsign: string | null;
  unit_id: string | null;
  force: TAlert['force'];
  geofence_id: string | null;
  lat: number | null;
  lon: number | null;
  message_es: string;
  message_en: string;
  audience: TAlert['audience'];
  raised_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledgement_note: string | null;
  agency: TAlert['agency'];
  classification: TAlert['classification'];
  exercise: boolean;
}

const toAlert = (r: AlertRow): TAlert => ({
  id: r.id,
  kind: r.kind,
  severity: r.severity,
  state: r.state,
  trackUid: r.track_uid,
  callsign: r.callsign,
  unitId: r.unit_id,
  force: r.force,
  geofenceId: r.geofence_id,
  lat: r.lat,
  lon: r.lon,
  message: { es: r.message_es, en: r.message_en },
  audience: r.audience,
  raisedAt: r.raised_at.toISOString(),
  acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
  acknowledgedBy: r.acknowledged_by,
  acknowledgementNote: r.acknowledgement_note,
  agency: r.agency,
  classification: r.classification,
  exercise: r.exercise,
});

const ALERT_COLUMNS = `id, kind, severity, state, track_uid, callsign, unit_id, force, geofence_id, lat, lon, message_es,
  message_en, audience, raised_at, acknowledged_at, acknowledged_by, acknowledgement_note, agency, classification, exercise`;

export type AlertValues = Omit<TAlert, 'id' | 'raisedAt' | 'acknowledgedAt' | 'acknowledgedBy' | 'acknowledgementNote'> & {
  dedupeKey: string | null;
};

/** Stores an alert; null when one with the same dedupe key already exists. */
export async function insertAlert(db: Queryable, a: AlertValues): Promise<TAlert | null> {
  const r = await db.query<AlertRow>(
    `INSERT INTO cop_alert (kind, severity, state, track_uid, callsign, unit_id, force, geofence_id, lat, lon, message_es,
                            message_en, audience, dedupe_key, agency, classification, exercise)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text[], $14, $15, $16, $17)
     ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
     RETURNING ${ALERT_COLUMNS}`,
    [
      a.kind, a.severity, a.state, a.trackUid, a.callsign, a.unitId, a.force, a.geofenceId, a.lat, a.lon, a.message.es,
      a.message.en, a.audience, a.dedupeKey, a.agency, a.classification, a.exercise,
    ],
  );
  return r.rows[0] ? toAlert(r.rows[0]) : null;
}

export async function findAlert(db: Queryable, id: string): Promise<TAlert | null> {
  const r = await db.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM cop_alert WHERE id = $1`, [id]);
  return r.rows[0] ? toAlert(r.rows[0]) : null;
}

export async function findAlertByDedupeKey(db: Queryable, key: string): Promise<TAlert | null> {
  const r = await db.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM cop_alert WHERE dedupe_key = $1`, [key]);
  return r.rows[0] ? toAlert(r.rows[0]) : null;
}

/** Marks an open alert acknowledged; null when it was not open (someone else was first). */
export async function markAlertAcknowledged(
  db: Queryable,
  id: string,
  by: { userId: string | null; name: string; note: string | null },
): Promise<TAlert | null> {
  const r = await db.query<AlertRow>(
    `UPDATE cop_alert SET state = 'acknowledged', acknowledged_at = now(), acknowledged_by = $2, acknowledged_by_id = $3,
            acknowledgement_note = $4
      WHERE id = $1 AND state = 'open' RETURNING ${ALERT_COLUMNS}`,
    [id, by.name, by.userId, by.note],
  );
  return r.rows[0] ? toAlert(r.rows[0]) : null;
}

/** Closes the open emergencies of a track (the device cancelled); returns them. */
export async function closeOpenEmergencies(db: Queryable, trackUid: string): Promise<TAlert[]> {
  const r = await db.query<AlertRow>(
    `UPDATE cop_alert SET state = 'closed' WHERE track_uid = $1 AND kind = 'emergency' AND state <> 'closed'
     RETURNING ${ALERT_COLUMNS}`,
    [trackUid],
  );
  return r.rows.map(toAlert);
}

/**
 * Alerts readable with these labels through their owner or any agency of their audience (an alert is raised to
 * the command posts of both forces), newest first.
 */
export async function listAlertRows(
  db: Queryable,
  f: { labels: readonly ResourceLabel[]; state?: TAlert['state'] | undefined; kind?: TAlert['kind'] | undefined; limit: number },
): Promise<TAlert[]> {
  const params: unknown[] = [labelKeys(f.labels)];
  const where = [`EXISTS (SELECT 1 FROM unnest(audience || agency) AS a(code) WHERE a.code || ':' || classification = ANY($1::text[]))`];
  if (f.state) where.push(`state = $${params.push(f.state)}`);
  if (f.kind) where.push(`kind = $${params.push(f.kind)}`);
  const r = await db.query<AlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM cop_alert WHERE ${where.join(' AND ')} ORDER BY raised_at DESC LIMIT $${params.push(f.limit)}`,
    params,
  );
  return r.rows.map(toAlert);
}

// ---------------------------------------------------------------------------------------------------------------
// Geofences

interface GeofenceRow {
  id: string;
  name: string;
  description: string | null;
  geometry: string;
  trigger: TGeofence['trigger'];
  forces: TGeofence['forces'];
  unit_ids: string[];
  instrument_id: string | null;
  active: boolean;
  agency: TGeofence['agency'];
  classification: TGeofence['classification'];
  exercise: boolean;
  created_at: Date;
  updated_at: Date;
}

const toGeofence = (r: GeofenceRow): TGeofence => ({
  id: r.id,
  name: r.name,
  description: r.description,
  geometry: JSON.parse(r.geometry) as TGeofence['geometry'],
  trigger: r.trigger,
  forces: r.forces,
  unitIds: r.unit_ids,
  instrumentId: r.instrument_id,
  active: r.active,
  agency: r.agency,
  classification: r.classification,
  exercise: r.exercise,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const GEOFENCE_COLUMNS = `id, name, description, ST_AsGeoJSON(geom, 7) AS geometry, trigger, forces, unit_ids, instrument_id, active, agency,
  classification, exercise, created_at, updated_at`;

export type GeofenceValues = Omit<TGeofence, 'id' | 'createdAt' | 'updatedAt'>;

/** The area as a valid MultiPolygon (self-intersections repaired). */
const GEOM_SQL = (n: number): string =>
  `ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($${n}), 4326)), 3))`;

function geofenceParams(g: GeofenceValues): unknown[] {
  return [g.name, g.description, JSON.stringify(g.geometry), g.trigger, g.forces, g.unitIds, g.active, g.agency, g.classification, g.exercise, g.instrumentId];
}

export async function insertGeofence(db: Queryable, g: GeofenceValues): Promise<TGeofence> {
  const r = await db.query<GeofenceRow>(
    `INSERT INTO cop_geofence (name, description, geom, trigger, forces, unit_ids, active, agency, classification, exercise, instrument_id)
     VALUES ($1, $2, ${GEOM_SQL(3)}, $4, $5::text[], $6::uuid[], $7, $8, $9, $10, $11) RETURNING ${GEOFENCE_COLUMNS}`,
    geofenceParams(g),
  );
  return toGeofence(r.rows[0]!);
}

export async function updateGeofenceRow(db: Queryable, id: string, g: GeofenceValues): Promise<TGeofence | null> {
  const r = await db.query<GeofenceRow>(
    `UPDATE cop_geofence SET name = $2, description = $3, geom = ${GEOM_SQL(4)}, trigger = $5, forces = $6::text[],
            unit_ids = $7::uuid[], active = $8, agency = $9, classification = $10, exercise = $11, instrument_id = $12,
            updated_at = now()
      WHERE id = $1 AND NOT deleted RETURNING ${GEOFENCE_COLUMNS}`,
    [id, ...geofenceParams(g)],
  );
  return r.rows[0] ? toGeofence(r.rows[0]) : null;
}

export async function markGeofenceDeleted(db: Queryable, id: string): Promise<boolean> {
  const r = await db.query('UPDATE cop_geofence SET deleted = true, active = false, updated_at = now() WHERE id = $1 AND NOT deleted', [id]);
  return r.rowCount > 0;
}

export async function findGeofence(db: Queryable, id: string): Promise<TGeofence | null> {
  const r = await db.query<GeofenceRow>(`SELECT ${GEOFENCE_COLUMNS} FROM cop_geofence WHERE id = $1 AND NOT deleted`, [id]);
  return r.rows[0] ? toGeofence(r.rows[0]) : null;
}

/** Geofences readable with these labels (or all, without labels: the watcher checks every active one). */
export async function listGeofenceRows(db: Queryable, f: { labels?: readonly ResourceLabel[]; activeOnly?: boolean }): Promise<TGeofence[]> {
  const params: unknown[] = [];
  const where = ['NOT deleted'];
  if (f.labels) {
    params.push(labelKeys(f.labels));
    where.push(labelPredicate(1));
  }
  if (f.activeOnly) where.push('active');
  const r = await db.query<GeofenceRow>(`SELECT ${GEOFENCE_COLUMNS} FROM cop_geofence WHERE ${where.join(' AND ')} ORDER BY name`, params);
  return r.rows.map(toGeofence);
}

/** Whether the area is a usable polygon once repaired (not empty). */
export async function areaIsUsable(db: Queryable, geometry: TGeofence['geometry']): Promise<boolean> {
  const r = await db.query<{ ok: boolean }>(`SELECT NOT ST_IsEmpty(${GEOM_SQL(1)}) AS ok`, [JSON.stringify(geometry)]);
  return r.rows[0]?.ok === true;
}

/** Removes current tracks stale since before `before`; returns their labels (to tell the clients). */
export async function deleteCurrentBefore(db: Queryable, before: Date): Promise<TTrackBusEventRemoved[]> {
  const r = await db.query<TTrackBusEventRemoved>(
    'DELETE FROM cop_track WHERE stale < $1 RETURNING uid, agency, classification',
    [before.toISOString()],
  );
  return r.rows;
}

type TTrackBusEventRemoved = { uid: string; agency: TTrack['agency']; classification: TTrack['classification'] };
