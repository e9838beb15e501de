import type { TCertificate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, limaToday } from '../forces/forces-access.ts';
import { findCertificate } from './training.repository.ts';

/** One certificate, if the actor may read it. */
export async function getCertificate({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<TCertificate> {
  const certificate = await findCertificate(ctx.db, id, limaToday());
  if (!certificate) throw notFound();
  assertRecordAccess(actor, 'training:read', certificate);
  return certificate;
}
