import type { ResourceLabel } from '@enlace/access';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys, labelPredicate } from '../../platform/db/label-filter.ts';
import type { IncidentSqlFilter } from '../incidents/incident-filter-sql.ts';
import { incidentWhere } from '../incidents/incident-filter-sql.ts';

/** Incident points in metres, as columns (no object per point). */
export interface PointColumns {
  n: number;
  /** The UTM zone of the points (the most common one when the data spans several). */
  epsg: number;
  x: Float64Array;
  y: Float64Array;
  /** Days since 1970-01-01 (only when asked for). */
  t: Float64Array | null;
  /** Points stored in other UTM zones: their zone and the range of positions they fill, for the caller to reproject. */
  others: { epsg: number; from: number; to: number }[];
}

/** Big-endian float8 values packed by PostgreSQL's float8send, `columns` per point, into columns. */
function unpack(bytes: Buffer, columns: number, into: Float64Array[], offset: number): number {
  const n = bytes.byteLength / (8 * columns);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let c = 0; c < columns; c++) {
    const col = into[c]!;
    for (let i = 0; i < n; i++) col[offset + i] = view.getFloat64((i * columns + c) * 8);
  }
  return n;
}

/**
 * SQL (parameter `$n`: label keys): how many incident-writing transactions touched those labels or truncated the
 * table (migration 0013). One primary-key lookup per label, so the growing log is never scanned whole.
 */
const changeCount = (n: number): string =>
  `((SELECT count(*)::int FROM incident_change c WHERE c.agency = '*')
    + (SELECT count(*)::int FROM unnest($${n}::text[]) AS k(key)
       JOIN incident_change c ON c.agency = split_part(k.key, ':', 1) AND c.classification = split_part(k.key, ':', 2)))`;

/**
 * The change version of the incidents under some labels: it differs from an earlier one exactly when a transaction
 * that wrote incidents under any of them (or truncated the table) has committed since.
 */
export async function incidentChangeVersion(db: Queryable, labels: readonly ResourceLabel[]): Promise<number> {
  const r = await db.query<{ v: number }>(`SELECT ${changeCount(1)} AS v`, [labelKeys(labels)]);
  return r.rows[0]!.v;
}

/** The incident table's size in pages, to split a scan into block ranges. */
export async function incidentPages(db: Queryable): Promise<number> {
  const r = await db.query<{ pages: number }>(`SELECT (pg_relation_size('incident') / current_setting('block_size')::int)::int AS pages`);
  return r.rows[0]?.pages ?? 0;
}

interface ZoneRow {
  utm_epsg: number | null;
  n: number;
  xy: string | null;
  version: number;
}

/** One packed scan: all of the table, or the rows stored in pages [fromPage, toPage) (toPage null: to the end). */
async function packedScan(db: Queryable, f: IncidentSqlFilter, withTime: boolean, pages: [number, number | null] | null): Promise<ZoneRow[]> {
  const params: unknown[] = [];
  const where = [incidentWhere(f, params)];
  if (pages) {
    where.push(`i.ctid >= $${params.push(`(${pages[0]},0)`)}::tid`);
    if (pages[1] !== null) where.push(`i.ctid < $${params.push(`(${pages[1]},0)`)}::tid`);
  }
  const timeCol = withTime ? ` || float8send(extract(epoch FROM i.occurred_at)::float8 / 86400)` : '';
  const version = changeCount(params.push(labelKeys(f.labels)));
  // At least one row, so that the version comes back even when nothing matches (utm_epsg then null).
  const r = await db.query<ZoneRow>(
    `SELECT z.utm_epsg, z.n, z.xy, ${version} AS version
     FROM (SELECT 1) AS one LEFT JOIN (
       SELECT i.utm_epsg, count(*)::int AS n, encode(string_agg(float8send(i.x) || float8send(i.y)${timeCol}, ''::bytea), 'base64') AS xy
       FROM incident i WHERE ${where.join(' AND ')} GROUP BY i.utm_epsg
     ) AS z ON true`,
    params,
  );
  return r.rows;
}

/**
 * Loads the points of every incident matching a filter, returned packed per UTM zone as base64 of big-endian
 * float8 (16 or 24 bytes per incident): no row per incident, no number parsing, the same on PGlite and PostgreSQL.
 * The statement (hence its snapshot) also reads the change version of the filter's labels, so a copy kept under
 * that version is exactly what a new read would give until it changes. Zones are ordered here, not in SQL: sorting
 * rows that carry megabytes would spill to disk.
 *
 * With `split` > 1 (PostgreSQL, several connections) the table is scanned in that many page ranges at once, each
 * by its own statement. They form one consistent read when they report the same change version: no transaction
 * that wrote incidents under the reader's labels committed between their snapshots, so each saw the same rows.
 * Otherwise the whole scan is done again as one statement.
 */
export async function loadPoints(
  db: Queryable,
  f: IncidentSqlFilter,
  { withTime = false, split = 1, pages = 0 }: { withTime?: boolean; split?: number; pages?: number } = {},
): Promise<PointColumns & { version: number | null }> {
  let rows: ZoneRow[];
  if (split > 1 && pages >= split) {
    const step = Math.ceil(pages / split);
    const parts = await Promise.all(
      Array.from({ length: split }, (_, k) => packedScan(db, f, withTime, [k * step, k === split - 1 ? null : (k + 1) * step])),
    );
    rows = parts.flat();
    if (new Set(rows.map((z) => z.version)).size > 1) rows = await packedScan(db, f, withTime, null);
  } else rows = await packedScan(db, f, withTime, null);
  // Zones: the most common first (the points' zone), each zone's parts kept together.
  const byZone = new Map<number, ZoneRow[]>();
  for (const z of rows) if (z.utm_epsg !== null) byZone.set(z.utm_epsg, [...(byZone.get(z.utm_epsg) ?? []), z]);
  const zones = [...byZone].map(([epsg, parts]) => ({ epsg, n: parts.reduce((s, z) => s + z.n, 0), parts }));
  zones.sort((a, b) => b.n - a.n || a.epsg - b.epsg);
  const total = zones.reduce((s, z) => s + z.n, 0);
  const columns = withTime ? 3 : 2;
  const cols = Array.from({ length: columns }, () => new Float64Array(total));
  const others: PointColumns['others'] = [];
  let at = 0;
  for (const [k, zone] of zones.entries()) {
    const from = at;
    for (const part of zone.parts) at += unpack(Buffer.from(part.xy ?? '', 'base64'), columns, cols, at);
    if (k > 0) others.push({ epsg: zone.epsg, from, to: at });
  }
  return {
    n: total,
    epsg: zones[0]?.epsg ?? 32718,
    x: cols[0]!,
    y: cols[1]!,
    t: withTime ? cols[2]! : null,
    others,
    version: rows[0]?.version ?? null,
  };
}

/** Monthly counts (America/Lima months) by district and type, from incident points. */
export async function monthlyPointCounts(
  db: Queryable,
  f: IncidentSqlFilter,
): Promise<{ month: string; ubigeo: string | null; crime_type: string; n: number }[]> {
  const params: unknown[] = [];
  const where = incidentWhere(f, params);
  const r = await db.query<{ month: string; ubigeo: string | null; crime_type: string; n: number }>(
    `SELECT to_char(date_trunc('month', i.occurred_at AT TIME ZONE 'America/Lima'), 'YYYY-MM') AS month, i.ubigeo, i.crime_type, count(*)::int AS n
     FROM incident i WHERE ${where} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    params,
  );
  return r.rows;
}

/** Monthly counts by district and type from the district-by-month aggregates (SIDPOL). */
export async function monthlyAggregateCounts(
  db: Queryable,
  f: { labels: readonly ResourceLabel[]; ubigeo?: readonly string[] | undefined; types?: readonly string[] | undefined; fromMonth: string; toMonth: string },
): Promise<{ month: string; ubigeo: string; crime_type: string; n: number }[]> {
  const params: unknown[] = [labelKeys(f.labels), f.fromMonth, f.toMonth];
  const where = [labelPredicate(1, 'a.'), 'a.month >= $2::date', 'a.month <= $3::date'];
  if (f.ubigeo?.length) where.push(`EXISTS (SELECT 1 FROM unnest($${params.push(f.ubigeo)}::text[]) AS u(code) WHERE a.ubigeo LIKE u.code || '%')`);
  if (f.types?.length) where.push(`a.crime_type = ANY($${params.push(f.types)}::text[])`);
  const r = await db.query<{ month: string; ubigeo: string; crime_type: string; n: number }>(
    `SELECT to_char(a.month, 'YYYY-MM') AS month, a.ubigeo, a.crime_type, sum(a.count)::int AS n
     FROM incident_district_month a WHERE ${where.join(' AND ')} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    params,
  );
  return r.rows;
}

/**
 * The outline of every district under some UBIGEO codes (districts, provinces or departments, matched as the
 * incident filter matches them: by prefix), projected by PostGIS into a UTM zone (`epsg`, e.g. 32718) to the
 * centimetre: GeoJSON MultiPolygon coordinates, one entry per district that has a boundary. The IGN boundaries of
 * Lima and Callao win over the INEI 2007 ones, as when incidents are located.
 */
export async function districtOutlines(db: Queryable, codes: readonly string[], epsg: number): Promise<{ ubigeo: string; coordinates: [number, number][][][] }[]> {
  const r = await db.query<{ ubigeo: string; geojson: string }>(
    `SELECT d.ubigeo, ST_AsGeoJSON(ST_Transform(coalesce(lc.geom, d.geom), $2::int), 2, 0) AS geojson
     FROM ref_district d LEFT JOIN ref_lima_callao_district lc ON lc.ubigeo = d.ubigeo
     WHERE coalesce(lc.geom, d.geom) IS NOT NULL AND EXISTS (SELECT 1 FROM unnest($1::text[]) AS u(code) WHERE d.ubigeo LIKE u.code || '%')
     ORDER BY d.ubigeo`,
    [codes, epsg],
  );
  return r.rows.map((row) => ({ ubigeo: row.ubigeo, coordinates: (JSON.parse(row.geojson) as { coordinates: [number, number][][][] }).coordinates }));
}

/** Districts sharing a border with any of the given ones (IGN boundaries in Lima/Callao, INEI elsewhere). */
export async function neighbourDistricts(db: Queryable, ubigeos: readonly string[]): Promise<string[]> {
  const r = await db.query<{ ubigeo: string }>(
    `WITH g AS (
       SELECT d.ubigeo, coalesce(lc.geom, d.geom) AS geom FROM ref_district d LEFT JOIN ref_lima_callao_district lc ON lc.ubigeo = d.ubigeo
       WHERE coalesce(lc.geom, d.geom) IS NOT NULL
     )
     SELECT DISTINCT n.ubigeo FROM g t JOIN g n ON n.ubigeo <> t.ubigeo AND ST_Intersects(n.geom, t.geom)
     WHERE t.ubigeo = ANY($1::text[]) AND NOT n.ubigeo = ANY($1::text[]) ORDER BY 1`,
    [ubigeos],
  );
  return r.rows.map((x) => x.ubigeo);
}

/** The other districts of the given districts' provinces, for a default comparison group. */
export async function provinceDistricts(db: Queryable, ubigeos: readonly string[]): Promise<string[]> {
  const r = await db.query<{ ubigeo: string }>(
    'SELECT ubigeo FROM ref_district WHERE province_ubigeo = ANY($1::text[]) AND NOT ubigeo = ANY($2::text[]) ORDER BY 1',
    [[...new Set(ubigeos.map((u) => u.slice(0, 4)))], ubigeos],
  );
  return r.rows.map((x) => x.ubigeo);
}

/** Incidents in a set of districts in a period (labels applied). */
/**
 * The incidents in the districts over a period: their total, and their counts per whole week from `from` (a final
 * partial week counts in the total only), for before/after counts and their dispersion. One query.
 */
export async function countsIn(
  db: Queryable,
  f: IncidentSqlFilter & { districts: readonly string[]; from: string; to: string },
): Promise<{ total: number; weeks: number[] }> {
  const weeks = new Array<number>(Math.floor((Date.parse(f.to) - Date.parse(f.from)) / 604_800_000)).fill(0);
  if (f.districts.length === 0) return { total: 0, weeks };
  const params: unknown[] = [];
  const where = incidentWhere({ ...f, ubigeo: undefined }, params);
  const r = await db.query<{ w: number; n: number }>(
    `SELECT floor(extract(epoch FROM i.occurred_at - $${params.push(f.from)}::timestamptz) / 604800)::int AS w, count(*)::int AS n
       FROM incident i WHERE ${where} AND i.ubigeo = ANY($${params.push(f.districts)}::text[]) GROUP BY 1`,
    params,
  );
  let total = 0;
  for (const row of r.rows) {
    total += row.n;
    if (row.w >= 0 && row.w < weeks.length) weeks[row.w] = row.n;
  }
  return { total, weeks };
}
