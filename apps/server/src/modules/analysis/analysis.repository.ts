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
  for (let i = 0; i < n; i++) for (let c = 0; c < columns; c++) into[c]![offset + i] = bytes.readDoubleBE((i * columns + c) * 8);
  return n;
}

/**
 * Loads the points of every incident matching a filter with ONE scan that returns them packed, per UTM zone, as
 * base64 of big-endian float8 (16 or 24 bytes per incident): no row per incident, no number parsing, the same on
 * PGlite and PostgreSQL.
 */
export async function loadPoints(db: Queryable, f: IncidentSqlFilter, { withTime = false }: { withTime?: boolean } = {}): Promise<PointColumns> {
  const params: unknown[] = [];
  const where = incidentWhere(f, params);
  const timeCol = withTime ? ` || float8send(extract(epoch FROM i.occurred_at)::float8 / 86400)` : '';
  const r = await db.query<{ utm_epsg: number; n: number; xy: string | null }>(
    `SELECT i.utm_epsg, count(*)::int AS n, encode(string_agg(float8send(i.x) || float8send(i.y)${timeCol}, ''::bytea), 'base64') AS xy
     FROM incident i WHERE ${where} GROUP BY i.utm_epsg ORDER BY n DESC, i.utm_epsg`,
    params,
  );
  const total = r.rows.reduce((s, z) => s + z.n, 0);
  const columns = withTime ? 3 : 2;
  const cols = Array.from({ length: columns }, () => new Float64Array(total));
  const others: PointColumns['others'] = [];
  let at = 0;
  for (const [k, zone] of r.rows.entries()) {
    const m = unpack(Buffer.from(zone.xy ?? '', 'base64'), columns, cols, at);
    if (k > 0) others.push({ epsg: zone.utm_epsg, from: at, to: at + m });
    at += m;
  }
  return { n: total, epsg: r.rows[0]?.utm_epsg ?? 32718, x: cols[0]!, y: cols[1]!, t: withTime ? cols[2]! : null, others };
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
export async function countIn(db: Queryable, f: IncidentSqlFilter & { districts: readonly string[] }): Promise<number> {
  if (f.districts.length === 0) return 0;
  const params: unknown[] = [];
  const where = incidentWhere({ ...f, ubigeo: undefined }, params);
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM incident i WHERE ${where} AND i.ubigeo = ANY($${params.push(f.districts)}::text[])`,
    params,
  );
  return r.rows[0]?.n ?? 0;
}
