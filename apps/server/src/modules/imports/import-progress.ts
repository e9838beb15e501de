import type { TImportProgress } from '@enlace/contracts';
import type { Db } from '../../platform/db/db.ts';

/**
 * Progress of the runs this server is working on (receiving, validating, applying), kept in memory and read by
 * `GET /imports/:id` while the work goes on. The database records the outcome; this only says how far along it is.
 */
export class ImportProgressBoard {
  private readonly active = new Map<string, TImportProgress>();

  start(runId: string, phase: TImportProgress['phase'], totalBytes: number): void {
    this.active.set(runId, { phase, rowsRead: 0, bytesRead: 0, totalBytes, errors: 0 });
  }

  update(runId: string, change: Partial<TImportProgress>): void {
    const p = this.active.get(runId);
    if (p) this.active.set(runId, { ...p, ...change });
  }

  get(runId: string): TImportProgress | null {
    return this.active.get(runId) ?? null;
  }

  isActive(runId: string): boolean {
    return this.active.has(runId);
  }

  finish(runId: string): void {
    this.active.delete(runId);
  }
}

const boards = new WeakMap<Db, ImportProgressBoard>();

/** The board of one server (one per database handle, like the write batcher). */
export function progressBoardOf(db: Db): ImportProgressBoard {
  let board = boards.get(db);
  if (!board) {
    board = new ImportProgressBoard();
    boards.set(db, board);
  }
  return board;
}
