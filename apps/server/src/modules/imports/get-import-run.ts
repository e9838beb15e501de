import type { TImportRun } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { assertRunReadable } from './import-access.ts';
import { progressBoardOf } from './import-progress.ts';
import { findRun } from './imports.repository.ts';
import { presentRun } from './present-run.ts';

/** One run with its live progress while the server works on it (polled by the web during large imports). */
export async function getImportRun({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<TImportRun> {
  const run = await findRun(ctx.db, id);
  assertRunReadable(actor, run);
  return presentRun(run, progressBoardOf(ctx.db).get(id));
}
