import { readableLabels } from '@enlace/access';
import type { TProtocolInForce } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { protocolsInForce } from './protocols.repository.ts';

/** The protocol versions in force the actor may read with `legal:evaluate`: what the tasking evaluator applies. */
export async function listProtocolsInForce(db: Queryable, actor: Actor): Promise<TProtocolInForce[]> {
  return protocolsInForce(db, readableLabels(actor, 'legal:evaluate'));
}
