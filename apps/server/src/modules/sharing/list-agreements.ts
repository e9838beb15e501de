import { readableLabels } from '@enlace/access';
import type { TAgreement } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { listAgreements as listAgreementRows } from './sharing.repository.ts';

/** The agreements the actor's agency owns (as far as the actor may read) or receives data through. */
export async function listAgreements({ ctx, actor, limit, offset }: { ctx: AppContext; actor: Actor; limit: number; offset: number }): Promise<{ items: TAgreement[]; total: number }> {
  return listAgreementRows(ctx.db, { labels: readableLabels(actor, 'sharing:read'), recipientAgency: actor.agency, limit, offset });
}
