import type { TAnalysisScope } from '@enlace/contracts';
import { readableLabels } from '@enlace/access';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { IncidentSqlFilter } from '../incidents/incident-filter-sql.ts';
import { converter } from '../incidents/projection.ts';
import type { PointColumns } from './analysis.repository.ts';
import { incidentChangeVersion, incidentPages, loadPoints } from './analysis.repository.ts';

/** The SQL filter of an analysis scope, limited to what the actor may read. */
export function scopeFilter(actor: Actor, scope: Omit<TAnalysisScope, 'from' | 'to'> & { from?: string; to?: string }): IncidentSqlFilter {
  if (scope.from && scope.to && Date.parse(scope.to) <= Date.parse(scope.from)) {
    throw new AppError('ANALYSIS_BAD_PERIOD', { reason: `${scope.to} <= ${scope.from}` });
  }
  return { labels: readableLabels(actor, 'incident:read'), ...scope, exercise: scope.exercise ?? false };
}

/** Most points kept in memory per database (16 bytes each, 24 with times: at most about 100 MB). */
export const MAX_CACHED_POINTS = 4_000_000;

/** Below this many pages of the incident table (about 100,000 incidents) one scan is quicker than two. */
const PAGES_PER_SCAN = 2_000;

interface CachedScope {
  version: number;
  labels: IncidentSqlFilter['labels'];
  points: PointColumns;
}

interface PointsCache {
  entries: Map<string, CachedScope>;
  size: number;
  hits: number;
  misses: number;
}

const caches = new WeakMap<Db, PointsCache>();

function cacheOf(db: Db): PointsCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { entries: new Map(), size: 0, hits: 0, misses: 0 }));
  return c;
}

/** Everything the loaded points depend on: the readable labels and every filter, exactly as given. */
function scopeKey(f: IncidentSqlFilter, withTime: boolean): string {
  const labels = f.labels.map((l) => `${l.agency}:${l.classification}`).sort();
  return JSON.stringify([withTime, labels, f.ubigeo ?? null, f.bbox ?? null, f.from ?? null, f.to ?? null, f.types ?? null, f.source ?? null, f.agency ?? null, f.exercise ?? null]);
}

/** Hits and misses of the points cache of a database (for tests and metrics). */
export function pointsCacheStats(db: Db): { hits: number; misses: number; scopes: number; points: number } {
  const c = cacheOf(db);
  return { hits: c.hits, misses: c.misses, scopes: c.entries.size, points: c.size };
}

/**
 * Points of the scope in metres (one UTM zone: points stored in another zone are reprojected into it).
 *
 * The last scopes read are kept in memory (least recently used first out, {@link MAX_CACHED_POINTS} in all) with
 * the change version of the labels they cover, read in the same statement as the points (migration 0013). A
 * repeated analysis of a scope (another method, cell size or radius) then costs one small query instead of a scan:
 * the copy is used only while that version is unchanged, i.e. while no transaction that wrote, imported or deleted
 * incidents under those labels has committed, and the key holds the reader's labels, so it never serves points a
 * reader may not see. The returned columns are shared: callers must not modify them. A miss on PostgreSQL reads a
 * large table in two page ranges at once (see loadPoints).
 */
export async function scopePoints(db: Db, filter: IncidentSqlFilter, withTime = false): Promise<PointColumns> {
  const cache = cacheOf(db);
  const key = scopeKey(filter, withTime);
  const kept = cache.entries.get(key);
  if (kept) {
    cache.entries.delete(key);
    if ((await incidentChangeVersion(db, kept.labels)) === kept.version) {
      cache.entries.set(key, kept); // most recently used last
      cache.hits++;
      return kept.points;
    }
    cache.size -= kept.points.n;
  }
  cache.misses++;
  // On PostgreSQL a large table is scanned in two page ranges at once (two backends, two cores).
  const pages = db.kind === 'postgres' ? await incidentPages(db) : 0;
  const split = pages >= PAGES_PER_SCAN ? 2 : 1;
  const { version, ...points } = await loadPoints(db, filter, { withTime, split, pages });
  for (const o of points.others) {
    const to = converter(o.epsg, points.epsg);
    for (let i = o.from; i < o.to; i++) {
      const [x, y] = to.forward([points.x[i]!, points.y[i]!]);
      points.x[i] = x!;
      points.y[i] = y!;
    }
  }
  if (version !== null && points.n <= MAX_CACHED_POINTS) {
    const stale = cache.entries.get(key); // a concurrent request may have stored it meanwhile
    if (stale) cache.size -= stale.points.n;
    cache.entries.delete(key);
    cache.entries.set(key, { version, labels: filter.labels, points });
    cache.size += points.n;
    for (const [k, e] of cache.entries) {
      if (cache.size <= MAX_CACHED_POINTS) break;
      cache.entries.delete(k);
      cache.size -= e.points.n;
    }
  }
  return points;
}
