import { useEffect, useState } from 'react';
import type { TImportProgress } from '@enlace/contracts';
import { getImportRun } from './imports-api.ts';

/**
 * While `active`, asks the server every `everyMs` how far it is with run `id` (bytes and rows read), so that
 * the progress of a large file is visible during a long upload, validation or apply.
 */
export function useRunPolling(id: string | null, active: boolean, everyMs = 800): TImportProgress | null {
  const [progress, setProgress] = useState<TImportProgress | null>(null);
  useEffect(() => {
    if (!id || !active) {
      setProgress(null);
      return undefined;
    }
    const controller = new AbortController();
    const timer = window.setInterval(() => {
      getImportRun(id, controller.signal).then(
        (run) => { if (!controller.signal.aborted) setProgress(run.progress); },
        () => undefined,
      );
    }, everyMs);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [id, active, everyMs]);
  return progress;
}
