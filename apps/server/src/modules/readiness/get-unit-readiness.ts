import type { TUnitReadiness } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess } from '../forces/forces-access.ts';
import { presentResult, withGaps } from './readiness-results.ts';
import { findResult, unitForReadiness } from './readiness.repository.ts';
import { namesForGaps } from './names-for-gaps.ts';

/** The unit's stored readiness with its gap list (who must take which course, what to procure or repair). */
export async function getUnitReadiness({ ctx, actor, unitId }: { ctx: AppContext; actor: Actor; unitId: string }): Promise<TUnitReadiness> {
  const unit = await unitForReadiness(ctx.db, unitId);
  if (!unit) throw notFound();
  assertRecordAccess(actor, 'readiness:read', unit);
  const stored = await findResult(ctx.db, unitId);
  if (!stored) throw new AppError('READINESS_NOT_COMPUTED');
  const row = await withGaps(ctx.db, stored);
  return presentResult(row, await namesForGaps(ctx.db, actor, row));
}
