import type { TImportProgress, TImportRun } from '@enlace/contracts';
import type { StoredRun } from './imports.repository.ts';

/** A stored run as the API shows it, with its live progress when the server is working on it. */
export function presentRun(run: StoredRun, progress: TImportProgress | null): TImportRun {
  const { createdById: _id, classification: _c, ...rest } = run;
  return { ...rest, progress };
}
