import { readableLabels } from '@enlace/access';
import type { ResourceLabel } from '@enlace/access';
import { C_LEVELS } from '@enlace/contracts';
import type { TCLevel, TReadinessRecomputeSummary } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { limaToday } from '../forces/forces-access.ts';
import { cLevel, computeAndStore } from './readiness-results.ts';

/**
 * Recomputes the readiness of every unit the actor may compute (the whole country for a national user), in one
 * transaction: set-based loading, the pure computation, one statement storing every result. One audit entry. Gap
 * lists are computed when a unit is looked at.
 */
export async function recomputeNationalReadiness(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  asOf: string = limaToday(),
): Promise<TReadinessRecomputeSummary> {
  return recomputeReadiness(tx, audit, readableLabels(actor, 'readiness:compute'), asOf);
}

/** Recomputes every unit of the given labels (the daily job: all of them); one audit entry. */
export async function recomputeReadiness(
  tx: Queryable,
  audit: AuditTrail,
  labels: readonly ResourceLabel[],
  asOf: string,
): Promise<TReadinessRecomputeSummary> {
  const started = performance.now();
  const { computations, members, standardVersion } = await computeAndStore(tx, { labels }, asOf, { gaps: false });
  const byLevel = Object.fromEntries(C_LEVELS.map((l) => [l, 0])) as Record<TCLevel, number>;
  for (const c of computations) byLevel[cLevel(c.level)] += 1;
  const summary = { asOf, units: computations.length, members, byLevel, millis: Math.round(performance.now() - started), standardVersion };
  audit.record('recompute', 'readiness', null, { asOf, units: summary.units, byLevel, standard: standardVersion });
  return summary;
}
