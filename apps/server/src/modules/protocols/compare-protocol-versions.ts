import { compareProtocols } from '@enlace/rules';
import type { TProtocolComparison } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { getProtocol } from './get-protocol.ts';
import type { TProtocolRecord } from './protocols.schemas.ts';

/**
 * The side-by-side comparison of two protocol versions the actor may read (typically the PNP and FF.AA. versions
 * of one procedure, or two versions of one): step by step, by the pure compareProtocols of the rules package.
 */
export async function compareProtocolVersions({ db, actor, left, right }: {
  db: Queryable;
  actor: Actor;
  left: string;
  right: string;
}): Promise<TProtocolComparison & { left: TProtocolRecord; right: TProtocolRecord }> {
  const a = await getProtocol({ db, actor, id: left });
  const b = await getProtocol({ db, actor, id: right });
  return { ...compareProtocols(a, b), left: a, right: b };
}
