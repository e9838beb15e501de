import { useTranslation } from 'react-i18next';
import type { TImportProgress } from '@enlace/contracts';

/** Bytes as "12.3 MB" (decimal units, as file managers show them). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  if (n < 1_000_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  return `${(n / 1_000_000_000).toFixed(2)} GB`;
}

/** A progress bar with its text, for a file being sent (`sent`) or a run the server is working on (`progress`). */
export function ImportProgress({ sent, progress }: { sent?: { done: number; total: number } | null; progress?: TImportProgress | null }) {
  const { t } = useTranslation();
  if (progress) {
    const total = Math.max(progress.totalBytes, progress.bytesRead, 1);
    const label = t('imports.progress', {
      phase: t(`imports.phase.${progress.phase}`),
      rows: progress.rowsRead.toLocaleString(),
      done: formatBytes(progress.bytesRead),
      total: formatBytes(total),
    });
    return (
      <div className="import-progress" role="status">
        <progress max={total} value={progress.bytesRead} aria-label={label} />
        <span>{label}</span>
      </div>
    );
  }
  if (sent) {
    const label = t('imports.sending', { done: formatBytes(sent.done), total: formatBytes(sent.total) });
    return (
      <div className="import-progress" role="status">
        <progress max={Math.max(sent.total, 1)} value={sent.done} aria-label={label} />
        <span>{label}</span>
      </div>
    );
  }
  return null;
}
