import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '@enlace/contracts';
import { formatDateTime } from '../../app/format.ts';

/** Audit entries as a table (cards on narrow screens); hashes are shortened, the full value is in the title. */
export function AuditTable({ entries }: { entries: readonly TAuditEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="empty">{t('audit.empty')}</p>;
  const label = {
    seq: t('audit.fields.seq'),
    at: t('audit.fields.at'),
    actor: t('audit.fields.actor'),
    agency: t('audit.fields.agency'),
    action: t('audit.fields.action'),
    entity: t('audit.fields.entity'),
    hash: t('audit.fields.hash'),
  };
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('audit.listCaption')}</caption>
      <thead>
        <tr>
          {Object.values(label).map((text) => <th key={text} scope="col">{text}</th>)}
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.seq}>
            <th scope="row" data-label={label.seq} className="numeric">{entry.seq}</th>
            <td data-label={label.at}>{formatDateTime(entry.at)}</td>
            <td data-label={label.actor}>{entry.actor ?? t('audit.system')}</td>
            <td data-label={label.agency}>{entry.agency ?? t('common.none')}</td>
            <td data-label={label.action}><code>{entry.action}</code></td>
            <td data-label={label.entity}>
              {entry.entityType}
              {entry.entityId && <span className="muted small"> {entry.entityId}</span>}
            </td>
            <td data-label={label.hash}><code title={entry.hash}>{entry.hash.slice(0, 12)}…</code></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
