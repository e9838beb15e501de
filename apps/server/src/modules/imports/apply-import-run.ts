import type { TImportRun } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import type { AuditedOptions } from '../../platform/audit/run-audited.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { scanImportFile } from '../../platform/import/import-engine.ts';
import type { ScanResult } from '../../platform/import/import-engine.ts';
import type { ImportContext } from '../../platform/import/import-kind.ts';
import { assertRunWritable, kindNamed } from './import-access.ts';
import { importFilePath, removeImportFile, storedFileSize } from './import-files.ts';
import { progressBoardOf } from './import-progress.ts';
import { claimRun, findRun, saveApplied, saveValidation, setRunStatus } from './imports.repository.ts';
import { presentRun } from './present-run.ts';

/** Thrown inside the apply transaction to roll it back when the file no longer passes its checks. */
class Rejected extends Error {
  constructor(readonly result: ScanResult) {
    super('import rejected');
  }
}

/**
 * Step 3 of an import: writes every row of a validated file in ONE transaction, together with the audit
 * entries and the run's new status. The file is read again and every row checked again inside the
 * transaction (the database may have changed since validation); if any row fails, nothing is written, the run
 * becomes `failed` with the new error report, and the call answers IMPORT_REJECTED. Re-importing the same file
 * later upserts by natural key, so it creates no duplicates.
 */
export async function applyImportRun({
  ctx,
  actor,
  id,
  audited,
}: {
  ctx: AppContext;
  actor: Actor;
  id: string;
  /** The request's audited options (Idempotency-Key); defaults to the actor without one. */
  audited?: AuditedOptions;
}): Promise<TImportRun> {
  const run = await findRun(ctx.db, id);
  assertRunWritable(actor, run);
  if (run.status === 'applied') throw new AppError('IMPORT_ALREADY_APPLIED');
  if (run.status !== 'valid') throw new AppError('IMPORT_NOT_VALID', { status: run.status });
  const kind = kindNamed(run.kind);
  const size = await storedFileSize(ctx.config.dataDir, id);
  if (size === null) throw new AppError('IMPORT_FILE_MISSING');
  const board = progressBoardOf(ctx.db);
  if (board.isActive(id)) throw new AppError('IMPORT_RUN_BUSY', { status: run.status });
  board.start(id, 'applying', size);
  try {
    if (!(await claimRun(ctx.db, id, ['valid'], 'applying'))) throw new AppError('IMPORT_RUN_BUSY', { status: run.status });
    const importCtx: ImportContext = { runId: id, actor, options: run.options, fileName: run.fileName, sha256: run.sha256 ?? '' };
    const options = audited ?? { db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit };
    try {
      const { value } = await runAudited(options, async (tx, audit) => {
        const result = await scanImportFile({
          db: tx,
          kind,
          file: { path: importFilePath(ctx.config.dataDir, id), encoding: run.encoding, delimiter: run.delimiter },
          mapping: run.mapping,
          ctx: importCtx,
          onProgress: (p) => board.update(id, p),
          onBatch: (rows) => kind.apply(tx, audit, rows, importCtx),
        });
        if (result.errorCount > 0) throw new Rejected(result);
        const counts = { rows: result.rows, ...result.counts };
        const applied = await saveApplied(tx, id, counts);
        audit.record('apply', 'import_run', id, { kind: run.kind, sha256: run.sha256, fileName: run.fileName, counts });
        return presentRun(applied, null);
      });
      await removeImportFile(ctx.config.dataDir, id);
      await analyseAfterImport(ctx, kind.tables, value.counts?.rows ?? 0);
      return value;
    } catch (err) {
      if (!(err instanceof Rejected)) {
        await setRunStatus(ctx.db, id, 'valid').catch(() => undefined);
        throw err;
      }
      const r = err.result;
      await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
        await saveValidation(tx, id, { status: 'failed', headers: r.headers, mapping: r.mapping, rows: r.rows, errorCount: r.errorCount, errors: r.errors });
        audit.record('apply-rejected', 'import_run', id, { sha256: run.sha256, errors: r.errorCount });
      });
      throw new AppError('IMPORT_REJECTED', { errors: r.errorCount });
    }
  } finally {
    board.finish(id);
  }
}

/** Rows from which an applied import refreshes the statistics of the tables it wrote. */
const ANALYSE_FROM_ROWS = 500;
const TABLE_NAME = /^[a-z_]+$/;

/**
 * Refreshes the planner's statistics of the tables a large import wrote (see `ImportKind.tables`). The import is
 * committed already: a failure here is logged, not returned.
 */
async function analyseAfterImport(ctx: AppContext, tables: readonly string[], rows: number): Promise<void> {
  if (rows < ANALYSE_FROM_ROWS) return;
  for (const table of tables) {
    if (!TABLE_NAME.test(table)) continue;
    await ctx.db.query(`ANALYZE ${table}`).catch((err: unknown) => ctx.log.warn({ err: String(err), table }, 'statistics not refreshed after import'));
  }
}
