import { readableLabels } from '@enlace/access';
import type { TImportRun } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { mayReadRun } from './import-access.ts';
import { IMPORT_KINDS } from './import-kinds.ts';
import { listRuns } from './imports.repository.ts';
import { progressBoardOf } from './import-progress.ts';
import { presentRun } from './present-run.ts';

/**
 * Past and current runs the actor may see, newest first: its agency's runs of the kinds it may import, and
 * any agency's runs whose audit trail it may read (oversight).
 */
export async function listImportRuns({
  ctx,
  actor,
  kind,
  limit,
  offset,
}: {
  ctx: AppContext;
  actor: Actor;
  kind?: string | undefined;
  limit: number;
  offset: number;
}): Promise<{ items: TImportRun[]; total: number }> {
  // The union of what any importable kind's permission or audit:read lets the actor read; each run is then
  // checked exactly (its own kind's permission) by the same function as a single read.
  const labels = new Map<string, { agency: Actor['agency']; classification: Actor['clearance'] }>();
  for (const permission of ['audit:read' as const, ...IMPORT_KINDS.map((k) => k.permission)]) {
    for (const l of readableLabels(actor, permission)) labels.set(`${l.agency}:${l.classification}`, l);
  }
  const page = await listRuns(ctx.db, { labels: [...labels.values()], kind, limit, offset });
  const board = progressBoardOf(ctx.db);
  const items = page.items.filter((r) => mayReadRun(actor, r));
  return { items: items.map((r) => presentRun(r, board.get(r.id))), total: page.total - (page.items.length - items.length) };
}
