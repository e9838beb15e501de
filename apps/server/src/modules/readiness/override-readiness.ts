import { validateOverride } from '@enlace/rules';
import type { TReadinessOverrideCreate, TUnitReadiness } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { namesForGaps } from './names-for-gaps.ts';
import { presentResult, withGaps } from './readiness-results.ts';
import { findResult, insertOverride } from './readiness.repository.ts';
import { unitAndResult } from './unit-and-result.ts';

/**
 * The commander's override of the computed level: only with a written remark (refused otherwise), audited together
 * with the computed level it replaces. It stands until withdrawn or replaced; recomputation does not remove it.
 */
export async function overrideReadiness(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  unitId: string,
  body: TReadinessOverrideCreate,
): Promise<TUnitReadiness> {
  const { row } = await unitAndResult(tx, actor, unitId);
  const computed = Number(row.computed.slice(1));
  const check = validateOverride(computed as 1 | 2 | 3 | 4 | 5, { level: Number(body.level.slice(1)), remark: body.remark });
  if (!check.ok) throw new AppError('READINESS_OVERRIDE_NEEDS_REMARK', {}, { rule: check.code, message: check.message });
  const saved = await insertOverride(tx, { unitId, level: body.level, remark: check.remark, actorId: actor.userId, actor: actor.username });
  audit.record('override', 'readiness', unitId, { overrideId: saved.id, computed: row.computed, level: body.level, remark: check.remark });
  const after = await withGaps(tx, (await findResult(tx, unitId))!);
  return presentResult(after, await namesForGaps(tx, actor, after));
}
