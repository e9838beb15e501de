import type { TUnitReadiness } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, limaToday } from '../forces/forces-access.ts';
import { computeAndStore } from './readiness-results.ts';
import { findResult, unitForReadiness } from './readiness.repository.ts';
import { namesForGaps } from './names-for-gaps.ts';
import { presentResult } from './readiness-results.ts';

/** Computes a unit's readiness now (or on `asOf`), stores it, and returns it with its gap list; audited. */
export async function computeUnitReadiness(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  unitId: string,
  asOf: string = limaToday(),
): Promise<TUnitReadiness> {
  const unit = await unitForReadiness(tx, unitId);
  if (!unit) throw notFound();
  assertRecordAccess(actor, 'readiness:compute', unit, { readPermission: 'readiness:read' });
  await computeAndStore(tx, { labels: [unit], unitIds: [unit.id] }, asOf);
  const row = (await findResult(tx, unit.id))!;
  audit.record('compute', 'readiness', unit.id, { computed: row.computed, asOf: row.as_of, standard: row.standard_version });
  return presentResult(row, await namesForGaps(tx, actor, row));
}
