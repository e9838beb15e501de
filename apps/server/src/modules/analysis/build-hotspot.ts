import type { THotspotRequest, THotspotResult } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { scopeFilter, scopePoints } from './analysis-points.ts';
import { hotspotMap } from './hotspot-map.ts';
import { studyArea } from './study-area.ts';

/** Default radius: a policing distance (analytics.md: 250-500 m). */
export const defaultRadius = (method: 'kde' | 'gi'): number => (method === 'kde' ? 400 : 250);

/**
 * A hotspot map of the incidents the actor may read in the scope: loaded with one query, computed in memory with
 * @enlace/analytics. The analysis (its scope and how many incidents it used) is audited. When the scope names
 * districts, provinces or departments, Gi* compares only the cells inside their boundaries and KDE shows only those
 * (boundaries read once, projected into the points' UTM zone, and kept in memory with their masks: see studyArea).
 */
export async function buildHotspot({ ctx, actor, request }: { ctx: AppContext; actor: Actor; request: THotspotRequest }): Promise<THotspotResult> {
  const started = performance.now();
  const filter = scopeFilter(actor, request.scope);
  const points = await scopePoints(ctx.db, filter);
  const codes = request.scope.ubigeo ?? [];
  const area = codes.length > 0 && points.n > 0 ? await studyArea(ctx.db, codes, points.epsg) : undefined;
  const loaded = performance.now();
  const result = hotspotMap({
    epsg: points.epsg,
    x: points.x,
    y: points.y,
    method: request.method,
    cellSize: request.cellSize,
    radius: request.radius ?? defaultRadius(request.method),
    fdr: request.fdr,
    maxCells: request.maxCells,
    period: { from: request.scope.from, to: request.scope.to },
    area,
  });
  const computed = performance.now();
  await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (_tx, audit) => {
    audit.record('analyze', 'incident', null, { kind: 'hotspot', scope: request.scope, method: request.method, incidents: points.n });
  });
  return { ...result, timings: { loadMs: Math.round(loaded - started), computeMs: Math.round(computed - loaded) } };
}
