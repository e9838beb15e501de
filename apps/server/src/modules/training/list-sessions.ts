import { readableLabels } from '@enlace/access';
import type { TTrainingSession } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { listSessionRows } from './training.repository.ts';

/** Sessions the actor may read (the training calendar), by unit, course, dates or status. */
export async function listSessions({ ctx, actor, ...filter }: {
  ctx: AppContext;
  actor: Actor;
  unitId?: string | undefined;
  courseCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: string | undefined;
  limit: number;
  offset: number;
}): Promise<TTrainingSession[]> {
  return listSessionRows(ctx.db, { labels: readableLabels(actor, 'training:read'), ...filter });
}
