import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { AUDITED_READ, assertInstrumentAccess } from './instrument-access.ts';
import { findInstrument } from './legal.repository.ts';
import type { TInstrumentRecord } from './legal.schemas.ts';

/** One instrument, if the actor may read it; a classified read is audited. */
export async function getInstrument({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<TInstrumentRecord> {
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const instrument = await findInstrument(tx, id);
    if (!instrument) throw notFound();
    assertInstrumentAccess(actor, 'legal:read', instrument);
    if (AUDITED_READ.has(instrument.classification)) audit.record('read', 'legal_instrument', instrument.id);
    return instrument;
  });
  return value;
}
