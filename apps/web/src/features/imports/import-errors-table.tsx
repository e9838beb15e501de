import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { Link } from '../../app/router.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { listImportErrors } from './imports-api.ts';

const PAGE = 100;

/** The run's error report, in file order: line, column, reason (in the interface language) and stable code. */
export function ImportErrorsTable({ runId, version }: { runId: string; version: string }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const page = useResource(`${runId}:${version}:${offset}`, (signal) => listImportErrors(runId, { limit: PAGE, offset }, signal));
  const lang = currentLanguage();
  if (page.error !== null) return <Alert kind="error">{errorMessage(page.error)}</Alert>;
  if (!page.data) return <Loading />;
  const { items, total } = page.data;
  return (
    <>
      <table className="data-table import-errors">
        <caption className="visually-hidden">{t('imports.errorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">{t('imports.line')}</th>
            <th scope="col">{t('imports.errorColumn')}</th>
            <th scope="col">{t('imports.reason')}</th>
            <th scope="col">{t('imports.code')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e, i) => (
            <tr key={`${e.line}-${i}`}>
              <td className="numeric" data-label={t('imports.line')}>{e.line}</td>
              <td data-label={t('imports.errorColumn')}>{e.column ?? t('common.none')}</td>
              <td data-label={t('imports.reason')}>{e.message[lang]}</td>
              <td data-label={t('imports.code')}><code className="small">{e.code}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.some((e) => e.code === 'INCIDENT_UNKNOWN_LOCAL_CODE') && (
        <p><Link to="/incidents/crime-types">{t('crimeMappings.fromImport')}</Link></p>
      )}
      {total > PAGE && (
        <div className="pager">
          <button type="button" className="button" disabled={offset === 0} onClick={() => { setOffset(Math.max(0, offset - PAGE)); }}>
            {t('imports.previous')}
          </button>
          <span>{t('imports.range', { from: offset + 1, to: offset + items.length, total })}</span>
          <button type="button" className="button" disabled={offset + items.length >= total} onClick={() => { setOffset(offset + PAGE); }}>
            {t('imports.next')}
          </button>
        </div>
      )}
    </>
  );
}
