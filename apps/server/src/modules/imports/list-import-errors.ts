import type { TImportRowError } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { rowErrorMessages } from '../../platform/import/import-engine.ts';
import { assertRunReadable } from './import-access.ts';
import { findRun, listRunErrors } from './imports.repository.ts';

/**
 * The run's error report, in file order, each with its message in Spanish and English. Reading it is audited: the
 * report quotes values of the file (document numbers, names), which are personal data.
 */
export async function listImportErrors({
  ctx,
  actor,
  id,
  limit,
  offset,
}: {
  ctx: AppContext;
  actor: Actor;
  id: string;
  limit: number;
  offset: number;
}): Promise<{ items: TImportRowError[]; total: number }> {
  const { value: page } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const run = await findRun(tx, id);
    assertRunReadable(actor, run);
    const found = await listRunErrors(tx, id, { limit, offset });
    if (found.items.length > 0) audit.record('read', 'import_run', id);
    return found;
  });
  return {
    items: page.items.map((e) => ({ line: e.line, column: e.column, field: e.field, code: e.code, message: rowErrorMessages(e) })),
    total: page.total,
  };
}
