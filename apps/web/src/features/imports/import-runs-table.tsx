import { useTranslation } from 'react-i18next';
import type { TImportRun } from '@enlace/contracts';
import { formatDateTime } from '../../app/format.ts';
import { Link } from '../../app/router.tsx';

/** Past and current runs; each opens its page (status, progress, error report, apply). */
export function ImportRunsTable({ runs, kindTitle }: { runs: readonly TImportRun[]; kindTitle: (name: string) => string }) {
  const { t } = useTranslation();
  if (runs.length === 0) return <p className="empty">{t('imports.empty')}</p>;
  const label = {
    date: t('imports.col.date'),
    kind: t('imports.col.kind'),
    file: t('imports.col.file'),
    by: t('imports.col.by'),
    status: t('imports.col.status'),
    rows: t('imports.col.rows'),
    created: t('imports.col.created'),
    updated: t('imports.col.updated'),
    unchanged: t('imports.col.unchanged'),
    errors: t('imports.col.errors'),
  };
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('imports.history')}</caption>
      <thead>
        <tr>{Object.values(label).map((text) => <th key={text} scope="col">{text}</th>)}</tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id}>
            <td data-label={label.date}>{formatDateTime(run.createdAt)}</td>
            <td data-label={label.kind}>{kindTitle(run.kind)}</td>
            <th scope="row" data-label={label.file}><Link to={`/imports/${run.id}`}>{run.fileName}</Link></th>
            <td data-label={label.by}>{run.createdBy}</td>
            <td data-label={label.status}><span className={`badge import-status-${run.status}`}>{t(`imports.status.${run.status}`)}</span></td>
            <td data-label={label.rows} className="numeric">{run.counts.rows.toLocaleString()}</td>
            <td data-label={label.created} className="numeric">{run.counts.created.toLocaleString()}</td>
            <td data-label={label.updated} className="numeric">{run.counts.updated.toLocaleString()}</td>
            <td data-label={label.unchanged} className="numeric">{run.counts.unchanged.toLocaleString()}</td>
            <td data-label={label.errors} className="numeric">{run.counts.errors.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
