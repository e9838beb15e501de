import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { assertProtocolAccess } from './protocol-access.ts';
import { findProtocol } from './protocols.repository.ts';
import type { TProtocolRecord } from './protocols.schemas.ts';

/** One protocol version with its approvals, if the actor may read it (otherwise not found). */
export async function getProtocol({ db, actor, id }: { db: Queryable; actor: Actor; id: string }): Promise<TProtocolRecord> {
  const protocol = await findProtocol(db, id);
  if (!protocol) throw notFound();
  assertProtocolAccess(actor, 'legal:read', protocol);
  return protocol;
}
