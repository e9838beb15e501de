import { readableLabels } from '@enlace/access';
import type { TUnitReadiness } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { presentResult } from './readiness-results.ts';
import { listResults } from './readiness.repository.ts';

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
