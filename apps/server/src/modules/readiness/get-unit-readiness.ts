import { readableLabels } from '@enlace/access';
import type { TUnitReadiness } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, canRead } from '../forces/forces-access.ts';
import { presentResult, withGaps } from './readiness-results.ts';
import type { StoredResultRow } from './readiness.repository.ts';
import { findResult, listResults, memberNames, unitForReadiness } from './readiness.repository.ts';

/** Names of the members a gap list names, for those the actor may read. */
export async function namesForGaps(db: Queryable, actor: Actor, row: StoredResultRow): Promise<Map<string, string>> {
  const ids = [...new Set(((row.details?.items ?? []) as { memberId?: string }[]).flatMap((g) => (g.memberId ? [g.memberId] : [])))];
  const found = await memberNames(db, ids);
  return new Map([...found].filter(([, p]) => canRead(actor, 'personnel:read', p)).map(([id, p]) => [id, p.name]));
}

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

/** Stored readiness of the units the actor may read (the table of the national view), without member names. */
export async function listUnitReadiness({ ctx, actor, ...filter }: {
  ctx: AppContext;
  actor: Actor;
  department?: string | undefined;
  force?: string | undefined;
  limit: number;
  offset: number;
}): Promise<TUnitReadiness[]> {
  const rows = await listResults(ctx.db, { labels: readableLabels(actor, 'readiness:read'), ...filter });
  return rows.map((r) => presentResult(r));
}
