import { readableLabels } from '@enlace/access';
import type { TAlert } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { listAlertRows } from './cop.repository.ts';
import type { CopActor } from './track-access.ts';

/** The alerts the actor's command post may see (owner or audience, up to its clearance), newest first. */
export async function listAlerts(
  ctx: AppContext,
  actor: CopActor,
  q: { state?: TAlert['state'] | undefined; kind?: TAlert['kind'] | undefined; limit: number },
): Promise<TAlert[]> {
  return listAlertRows(ctx.db, { labels: readableLabels(actor, 'alert:read'), ...q });
}
