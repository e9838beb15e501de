import { authorize } from '@enlace/access';
import { validateOverride } from '@enlace/rules';
import type { TReadinessOverrideCreate, TUnitReadiness } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess } from '../forces/forces-access.ts';
import { namesForGaps } from './get-unit-readiness.ts';
import { presentResult, withGaps } from './readiness-results.ts';
import { findResult, insertOverride, unitForReadiness, withdrawOverride } from './readiness.repository.ts';

async function unitAndResult(tx: Queryable, actor: Actor, unitId: string) {
  const unit = await unitForReadiness(tx, unitId);
  if (!unit) throw notFound();
  assertRecordAccess(actor, 'readiness:write', unit, { readPermission: 'readiness:read' });
  const row = await findResult(tx, unitId);
  if (!row) throw new AppError('READINESS_NOT_COMPUTED');
  return { unit, row };
}

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
