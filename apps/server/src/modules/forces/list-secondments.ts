import { readableLabels } from '@enlace/access';
import type { TSecondment } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { listSecondmentRows } from './forces.repository.ts';

/** Secondments the actor may read, newest period first; by unit (lent or received), member or status. */
export async function listSecondments({ ctx, actor, ...filter }: {
  ctx: AppContext;
  actor: Actor;
  unitId?: string | undefined;
  personId?: string | undefined;
  status?: string | undefined;
  limit: number;
  offset: number;
}): Promise<TSecondment[]> {
  return listSecondmentRows(ctx.db, { labels: readableLabels(actor, 'personnel:read'), ...filter });
}
