import { OVERSIGHT_AGENCIES, readableLabels } from '@enlace/access';
import type { TSharingRead } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { agreementIdsFor, listReads } from './sharing.repository.ts';

/**
 * Who saw what through sharing agreements, newest first: for oversight (Defensoría, Ministerio Público: every
 * agreement) and for the owner's legal officers and administrators (their agency's agreements).
 */
export async function listSharingReads({
  ctx,
  actor,
  agreementId,
  incidentId,
  limit,
  offset,
}: {
  ctx: AppContext;
  actor: Actor;
  agreementId?: string | undefined;
  incidentId?: string | undefined;
  limit: number;
  offset: number;
}): Promise<{ items: TSharingRead[]; total: number }> {
  let ids: string[] | null = null;
  if (!(actor.role === 'oversight' && OVERSIGHT_AGENCIES.includes(actor.agency))) {
    ids = await agreementIdsFor(ctx.db, readableLabels(actor, 'sharing:oversee'));
  }
  if (agreementId) ids = ids === null || ids.includes(agreementId) ? [agreementId] : [];
  return listReads(ctx.db, { agreementIds: ids, incidentId, limit, offset });
}
