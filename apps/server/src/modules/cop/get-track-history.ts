import { readableLabels } from '@enlace/access';
import type { TTrackHistory } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { selectHistory } from './cop.repository.ts';
import type { CopActor } from './track-access.ts';

/**
 * The stored positions of one track between `from` (default: 6 hours ago) and `to` (default: now), for the replay
 * timeline; only positions whose labels the actor may read. A track with none readable is not found.
 */
export async function getTrackHistory(
  ctx: AppContext,
  actor: CopActor,
  q: { uid: string; from?: string | undefined; to?: string | undefined; limit: number },
): Promise<TTrackHistory> {
  const to = q.to ? new Date(q.to).toISOString() : new Date().toISOString();
  const from = q.from ? new Date(q.from).toISOString() : new Date(Date.parse(to) - 6 * 3600_000).toISOString();
  const points = await selectHistory(ctx.db, { uid: q.uid, from, to, limit: q.limit + 1, labels: readableLabels(actor, 'track:read') });
  if (points.length === 0) {
    const any = await selectHistory(ctx.db, { uid: q.uid, from: '1970-01-01T00:00:00Z', to: '9999-01-01T00:00:00Z', limit: 1, labels: readableLabels(actor, 'track:read') });
    if (any.length === 0) throw notFound();
  }
  return { uid: q.uid, points: points.slice(0, q.limit), truncated: points.length > q.limit };
}
