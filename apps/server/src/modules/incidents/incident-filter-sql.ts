import type { ResourceLabel } from '@enlace/access';

/** The filters shared by incident lists, exports and analyses. */
export interface IncidentSqlFilter {
  labels: readonly ResourceLabel[];
  /** District, province or department codes (prefix match on the incident's district). */
  ubigeo?: readonly string[] | undefined;
  /** [minLon, minLat, maxLon, maxLat]. */
  bbox?: readonly [number, number, number, number] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  types?: readonly string[] | undefined;
  source?: string | undefined;
  agency?: string | undefined;
  /** Exercise (training) incidents only, or real ones only; undefined: both (the incident list shows the flag). */
  exercise?: boolean | undefined;
}

/**
 * The readable labels as one comparison per agency, `(agency = $a AND classification = ANY($c))`: the same set as
 * platform/db/label-filter's `agency || ':' || classification = ANY(...)`, but without building a string per row,
 * which matters when an analysis scans a million incidents.
 */
function labelsSql(labels: readonly ResourceLabel[], params: unknown[], alias: string): string {
  const byAgency = new Map<string, string[]>();
  for (const l of labels) byAgency.set(l.agency, [...(byAgency.get(l.agency) ?? []), l.classification]);
  if (byAgency.size === 0) return 'false';
  const terms = [...byAgency].map(([agency, classes]) => `(${alias}agency = $${params.push(agency)} AND ${alias}classification = ANY($${params.push(classes)}::text[]))`);
  return `(${terms.join(' OR ')})`;
}

/**
 * The WHERE clause (with `alias.` columns) and its parameters for a filter. Readable labels always come
 * first, so that no query can forget them. `to` is exclusive.
 */
export function incidentWhere(f: IncidentSqlFilter, params: unknown[], alias = 'i.'): string {
  const where = [labelsSql(f.labels, params, alias)];
  if (f.ubigeo?.length) {
    where.push(`EXISTS (SELECT 1 FROM unnest($${params.push(f.ubigeo)}::text[]) AS u(code) WHERE ${alias}ubigeo LIKE u.code || '%')`);
  }
  if (f.bbox) {
    const [a, b, c, d] = f.bbox;
    where.push(
      `${alias}location && ST_MakeEnvelope($${params.push(a)}::float8, $${params.push(b)}::float8, $${params.push(c)}::float8, $${params.push(d)}::float8, 4326)`,
    );
  }
  if (f.from) where.push(`${alias}occurred_at >= $${params.push(f.from)}::timestamptz`);
  if (f.to) where.push(`${alias}occurred_at < $${params.push(f.to)}::timestamptz`);
  if (f.types?.length) where.push(`${alias}crime_type = ANY($${params.push(f.types)}::text[])`);
  if (f.source) where.push(`${alias}source = $${params.push(f.source)}`);
  if (f.agency) where.push(`${alias}agency = $${params.push(f.agency)}`);
  if (f.exercise !== undefined) where.push(`${alias}exercise = $${params.push(f.exercise)}`);
  return where.join(' AND ');
}
