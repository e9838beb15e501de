import { readableLabels } from '@enlace/access';
import type { TProtocolInForce } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys } from '../../platform/db/label-filter.ts';
import { VersionedCache } from '../../platform/db/versioned-cache.ts';
import { protocolsInForce } from './protocols.repository.ts';

/** Per set of readable labels, kept while the protocols' change version stays the same. */
const cache = new VersionedCache<string, readonly TProtocolInForce[]>(100);

/**
 * The protocol versions in force the actor may read with `legal:evaluate`: what the tasking evaluator applies. With
 * `version` (row `protocols` of `change_version`, moved by every write of `protocol_version`) the list comes from an
 * in-memory copy per set of readable labels.
 */
export async function listProtocolsInForce(db: Queryable, actor: Actor, version?: string): Promise<readonly TProtocolInForce[]> {
  const labels = readableLabels(actor, 'legal:evaluate');
  if (version === undefined) return protocolsInForce(db, labels);
  return cache.get(db, version, [...labelKeys(labels)].sort().join(','), () => protocolsInForce(db, labels));
}
