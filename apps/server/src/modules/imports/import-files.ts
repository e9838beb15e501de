import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../platform/errors/app-error.ts';

/** Largest file accepted for one import run (200 MiB: about two million short rows). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** Where a run's file is kept until it is applied: `$ENLACE_DATA_DIR/imports/<run id>.csv`. */
export function importFilePath(dataDir: string, runId: string): string {
  return join(dataDir, 'imports', `${runId}.csv`);
}

/** Counts and hashes the bytes going through, refusing more than `limit`. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  constructor(
    private readonly limit: number,
    private readonly onBytes: (n: number) => void,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.limit) {
      done(new AppError('IMPORT_FILE_TOO_LARGE', { limit: this.limit }));
      return;
    }
    this.hash.update(chunk);
    this.onBytes(this.size);
    done(null, chunk);
  }
}

/**
 * Streams an upload to the run's file (written beside it first, then renamed, so that a broken upload never
 * leaves a half file in place) and returns its SHA-256 and size. Never holds the file in memory.
 */
export async function receiveImportFile(
  body: Readable,
  dataDir: string,
  runId: string,
  { limit, onBytes }: { limit: number; onBytes: (n: number) => void },
): Promise<{ sha256: string; size: number; path: string }> {
  const path = importFilePath(dataDir, runId);
  await mkdir(join(dataDir, 'imports'), { recursive: true, mode: 0o700 });
  const partial = `${path}.part`;
  const meter = new Meter(limit, onBytes);
  try {
    await pipeline(body, meter, createWriteStream(partial, { mode: 0o600 }));
  } catch (err) {
    await rm(partial, { force: true });
    if (err instanceof AppError) throw err;
    throw new AppError('IMPORT_UPLOAD_INTERRUPTED');
  }
  await rename(partial, path);
  return { sha256: meter.hash.digest('hex'), size: meter.size, path };
}

/** Size of a run's stored file, or null when there is none. */
export async function storedFileSize(dataDir: string, runId: string): Promise<number | null> {
  try {
    return (await stat(importFilePath(dataDir, runId))).size;
  } catch {
    return null;
  }
}

/** Removes a run's stored file (after it was applied: the SHA-256 stays in the run). */
export async function removeImportFile(dataDir: string, runId: string): Promise<void> {
  await rm(importFilePath(dataDir, runId), { force: true });
}
