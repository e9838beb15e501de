import { readableLabels } from '@enlace/access';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { listProtocols as listRows } from './protocols.repository.ts';
import type { TProtocolRecord } from './protocols.schemas.ts';

/** The protocol versions the actor may read, by procedure, force and newest version first. */
export async function listProtocols({ db, actor, ...filter }: {
  db: Queryable;
  actor: Actor;
  procedure?: string | undefined;
  force?: string | undefined;
  status?: string | undefined;
  limit: number;
}): Promise<TProtocolRecord[]> {
  return listRows(db, { labels: readableLabels(actor, 'legal:read'), ...filter });
}
