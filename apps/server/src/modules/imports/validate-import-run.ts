import type { TImportRevalidate, TImportRun } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { scanImportFile } from '../../platform/import/import-engine.ts';
import type { ImportContext } from '../../platform/import/import-kind.ts';
import { assertMappingFields, parseKindOptions } from './create-import-run.ts';
import { assertRunWritable, kindNamed } from './import-access.ts';
import { importFilePath, storedFileSize } from './import-files.ts';
import { progressBoardOf } from './import-progress.ts';
import { claimRun, findRun, saveValidation, setRunStatus, updateReadSettings } from './imports.repository.ts';
import type { StoredRun } from './imports.repository.ts';
import { presentRun } from './present-run.ts';

/**
 * Statuses from which a run's stored file may be read again. A busy status is included because the caller first
 * checks that this server is not working on the run: one left busy by a server that stopped can be taken up.
 */
export const REVALIDATABLE = ['valid', 'invalid', 'failed', 'receiving', 'validating', 'applying'] as const;

/**
 * Reads the whole stored file through the kind (schema, duplicates, database checks) without writing any
 * record, then stores the outcome: `valid` (can be applied) or `invalid` with the per-row error report. The
 * caller has claimed the run (status `validating`) and started its progress on the board.
 */
export async function validateStoredFile(ctx: AppContext, actor: Actor, run: StoredRun): Promise<StoredRun> {
  const board = progressBoardOf(ctx.db);
  const kind = kindNamed(run.kind);
  const size = (await storedFileSize(ctx.config.dataDir, run.id)) ?? 0;
  board.update(run.id, { phase: 'validating', rowsRead: 0, bytesRead: 0, totalBytes: size, errors: 0 });
  const importCtx: ImportContext = { runId: run.id, actor, options: run.options, fileName: run.fileName, sha256: run.sha256 ?? '' };
  const result = await scanImportFile({
    db: ctx.db,
    kind,
    file: { path: importFilePath(ctx.config.dataDir, run.id), encoding: run.encoding, delimiter: run.delimiter },
    mapping: run.mapping,
    ctx: importCtx,
    onProgress: (p) => board.update(run.id, p),
  });
  const status = result.errorCount === 0 ? 'valid' : 'invalid';
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const saved = await saveValidation(tx, run.id, { status, headers: result.headers, mapping: result.mapping, rows: result.rows, errorCount: result.errorCount, errors: result.errors });
    audit.record('validate', 'import_run', run.id, { sha256: run.sha256, status, rows: result.rows, errors: result.errorCount, mapping: result.mapping });
    return saved;
  });
  return value;
}

/** Validates a stored file again, e.g. after the user corrected the column mapping or the encoding. */
export async function revalidateImportRun({
  ctx,
  actor,
  id,
  changes,
}: {
  ctx: AppContext;
  actor: Actor;
  id: string;
  changes: TImportRevalidate;
}): Promise<TImportRun> {
  const run = await findRun(ctx.db, id);
  assertRunWritable(actor, run);
  if (run.status === 'applied') throw new AppError('IMPORT_ALREADY_APPLIED');
  const kind = kindNamed(run.kind);
  assertMappingFields(kind, changes.mapping);
  const options = changes.options === undefined ? undefined : parseKindOptions(kind, changes.options);
  if ((await storedFileSize(ctx.config.dataDir, id)) === null) throw new AppError('IMPORT_FILE_MISSING');
  const board = progressBoardOf(ctx.db);
  if (board.isActive(id)) throw new AppError('IMPORT_RUN_BUSY', { status: run.status });
  board.start(id, 'validating', 0);
  try {
    if (!(await claimRun(ctx.db, id, REVALIDATABLE, 'validating'))) throw new AppError('IMPORT_RUN_BUSY', { status: run.status });
    try {
      await updateReadSettings(ctx.db, id, { ...changes, options });
      const fresh = (await findRun(ctx.db, id))!;
      return presentRun(await validateStoredFile(ctx, actor, fresh), null);
    } catch (err) {
      await setRunStatus(ctx.db, id, 'invalid').catch(() => undefined);
      throw err;
    }
  } finally {
    board.finish(id);
  }
}
