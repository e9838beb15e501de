import type { TAgreement } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { assertAgreementVisible } from './agreement-access.ts';
import { findAgreement } from './sharing.repository.ts';

/** One agreement, for its owner, its recipient and oversight. */
export async function getAgreement({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<TAgreement> {
  const agreement = await findAgreement(ctx.db, id);
  if (!agreement) throw notFound();
  assertAgreementVisible(actor, agreement);
  return agreement;
}
