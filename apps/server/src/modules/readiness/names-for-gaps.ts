import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { canRead } from '../forces/forces-access.ts';
import type { StoredResultRow } from './readiness.repository.ts';
import { memberNames } from './readiness.repository.ts';

/** Names of the members a gap list names, for those the actor may read. */
export async function namesForGaps(db: Queryable, actor: Actor, row: StoredResultRow): Promise<Map<string, string>> {
  const ids = [...new Set(((row.details?.items ?? []) as { memberId?: string }[]).flatMap((g) => (g.memberId ? [g.memberId] : [])))];
  const found = await memberNames(db, ids);
  return new Map([...found].filter(([, p]) => canRead(actor, 'personnel:read', p)).map(([id, p]) => [id, p.name]));
}
