import { authorize } from '@enlace/access';
import type { TUnitReadiness } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { namesForGaps } from './names-for-gaps.ts';
import { presentResult, withGaps } from './readiness-results.ts';
import { findResult, withdrawOverride } from './readiness.repository.ts';
import { unitAndResult } from './unit-and-result.ts';

/** Withdraws the commander's override: the computed level applies again. Audited. */
export async function withdrawReadinessOverride(tx: Queryable, audit: AuditTrail, actor: Actor, unitId: string): Promise<TUnitReadiness> {
  await unitAndResult(tx, actor, unitId);
  if (!authorize(actor, 'readiness:write').allow) throw new AppError('FORBIDDEN', {}, { reason: 'ROLE_NOT_PERMITTED' });
  const id = await withdrawOverride(tx, unitId, actor.username);
  if (!id) throw notFound();
  audit.record('withdraw-override', 'readiness', unitId, { overrideId: id });
  const after = await withGaps(tx, (await findResult(tx, unitId))!);
  return presentResult(after, await namesForGaps(tx, actor, after));
}
