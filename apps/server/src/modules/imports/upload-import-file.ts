import { Readable } from 'node:stream';
import type { TImportRun } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { assertRunWritable } from './import-access.ts';
import { MAX_IMPORT_BYTES, receiveImportFile } from './import-files.ts';
import { progressBoardOf } from './import-progress.ts';
import { claimRun, findRun, saveReceivedFile, setRunStatus } from './imports.repository.ts';
import { presentRun } from './present-run.ts';
import { REVALIDATABLE, validateStoredFile } from './validate-import-run.ts';

export interface UploadInput {
  ctx: AppContext;
  actor: Actor;
  id: string;
  /** The raw request body, streamed (never buffered whole); anything else was sent with the wrong content type. */
  body: unknown;
  /** The declared Content-Length, when sent: shown as the total while receiving, and refused early if too big. */
  declaredBytes: number | null;
  maxBytes?: number;
}

/**
 * Step 2 of an import: receives the CSV file as a stream (to disk, hashing as it goes), then validates the whole
 * file at once. Progress (bytes received, then rows and bytes read) is visible through `GET /imports/:id`
 * meanwhile. Uploading again replaces the file and validates it again.
 */
export async function uploadImportFile({ ctx, actor, id, body, declaredBytes, maxBytes = MAX_IMPORT_BYTES }: UploadInput): Promise<TImportRun> {
  const run = await findRun(ctx.db, id);
  assertRunWritable(actor, run);
  if (!(body instanceof Readable)) throw new AppError('IMPORT_CONTENT_TYPE');
  if (run.status === 'applied') throw new AppError('IMPORT_ALREADY_APPLIED');
  if (declaredBytes !== null && declaredBytes > maxBytes) throw new AppError('IMPORT_FILE_TOO_LARGE', { limit: maxBytes });
  const board = progressBoardOf(ctx.db);
  if (board.isActive(id)) throw new AppError('IMPORT_RUN_BUSY', { status: run.status });
  board.start(id, 'receiving', declaredBytes ?? 0);
  try {
    if (!(await claimRun(ctx.db, id, ['created', ...REVALIDATABLE], 'receiving'))) throw new AppError('IMPORT_RUN_BUSY', { status: run.status });
    try {
      const file = await receiveImportFile(body, ctx.config.dataDir, id, {
        limit: maxBytes,
        onBytes: (n) => board.update(id, { bytesRead: n }),
      });
      await saveReceivedFile(ctx.db, id, file);
      await setRunStatus(ctx.db, id, 'validating');
      const received = (await findRun(ctx.db, id))!;
      return presentRun(await validateStoredFile(ctx, actor, received), null);
    } catch (err) {
      await setRunStatus(ctx.db, id, run.sha256 === null ? 'created' : 'invalid').catch(() => undefined);
      throw err;
    }
  } finally {
    board.finish(id);
  }
}
