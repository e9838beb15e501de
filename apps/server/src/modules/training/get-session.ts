import type { TTrainingRecord, TTrainingSession } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess } from '../forces/forces-access.ts';
import { findSession, listRecordRows } from './training.repository.ts';

/** A session with its attendance and results (members the actor may not read are left out). */
export async function getSession({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<{
  session: TTrainingSession;
  records: TTrainingRecord[];
}> {
  const session = await findSession(ctx.db, id);
  if (!session) throw notFound();
  assertRecordAccess(actor, 'training:read', session);
  return { session, records: await listRecordRows(ctx.db, id) };
}
