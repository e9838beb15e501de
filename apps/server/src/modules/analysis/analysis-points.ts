import type { TAnalysisScope } from '@enlace/contracts';
import { readableLabels } from '@enlace/access';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { IncidentSqlFilter } from '../incidents/incident-filter-sql.ts';
import { converter } from '../incidents/projection.ts';
import type { PointColumns } from './analysis.repository.ts';
import { loadPoints } from './analysis.repository.ts';

/** The SQL filter of an analysis scope, limited to what the actor may read. */
export function scopeFilter(actor: Actor, scope: Omit<TAnalysisScope, 'from' | 'to'> & { from?: string; to?: string }): IncidentSqlFilter {
  if (scope.from && scope.to && Date.parse(scope.to) <= Date.parse(scope.from)) {
    throw new AppError('ANALYSIS_BAD_PERIOD', { reason: `${scope.to} <= ${scope.from}` });
  }
  return { labels: readableLabels(actor, 'incident:read'), ...scope };
}

/** Points of the scope in metres (one UTM zone: points stored in another zone are reprojected into it). */
export async function scopePoints(db: Queryable, filter: IncidentSqlFilter, withTime = false): Promise<PointColumns> {
  const points = await loadPoints(db, filter, { withTime });
  for (const o of points.others) {
    const to = converter(o.epsg, points.epsg);
    for (let i = o.from; i < o.to; i++) {
      const [x, y] = to.forward([points.x[i]!, points.y[i]!]);
      points.x[i] = x!;
      points.y[i] = y!;
    }
  }
  return points;
}
