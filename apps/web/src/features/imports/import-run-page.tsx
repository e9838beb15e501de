import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TImportMapping, TImportRun } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Link } from '../../app/router.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { ImportErrorsTable } from './import-errors-table.tsx';
import { ImportProgress, formatBytes } from './import-progress.tsx';
import { applyImportRun, getImportRun, listImportKinds, revalidateImportRun } from './imports-api.ts';
import { MappingEditor } from './mapping-editor.tsx';
import { describedImportOptions } from './import-options.ts';
import { useRunPolling } from './use-run-polling.ts';
import './imports.css';

const BUSY = new Set(['receiving', 'validating', 'applying']);

/** One run: its state and progress, the error report with the mapping to correct, and the apply action. */
export function ImportRunPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [version, setVersion] = useState(0);
  const run = useResource(`${id}:${version}`, (signal) => getImportRun(id, signal));
  const kinds = useResource('kinds', (signal) => listImportKinds(signal));
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<TImportMapping>({});
  const [encoding, setEncoding] = useState<'utf-8' | 'windows-1252'>('utf-8');
  const data = run.data;
  const serverBusy = data ? BUSY.has(data.status) : false;
  const progress = useRunPolling(id, working || serverBusy);

  useEffect(() => {
    if (data) {
      setMapping(data.mapping);
      setEncoding(data.encoding);
    }
  }, [data]);
  // A run another tab or user is processing: look again until it settles.
  useEffect(() => {
    if (!serverBusy || working) return undefined;
    const timer = window.setTimeout(() => { setVersion((v) => v + 1); }, 1500);
    return () => { window.clearTimeout(timer); };
  }, [serverBusy, working, version]);

  const act = async (action: () => Promise<TImportRun>): Promise<void> => {
    setWorking(true);
    setError(null);
    try {
      await action();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setWorking(false);
      setVersion((v) => v + 1);
    }
  };

  if (run.error !== null) return <Alert kind="error">{errorMessage(run.error)}</Alert>;
  if (!data) return <Loading />;
  const kind = kinds.data?.find((k) => k.name === data.kind);
  const showErrors = data.counts.errors > 0 && (data.status === 'invalid' || data.status === 'failed');
  return (
    <section>
      <p><Link to="/imports" className="back-link">{t('imports.back')}</Link></p>
      <PageHeader title={t('imports.runTitle', { file: data.fileName })}>
        <p className="muted">
          {kind?.title[lang] ?? data.kind} · <span className={`badge import-status-${data.status}`}>{t(`imports.status.${data.status}`)}</span>
        </p>
      </PageHeader>
      <dl className="details">
        <div className="details-row"><dt>{t('imports.col.rows')}</dt><dd>{data.counts.rows.toLocaleString()}</dd></div>
        <div className="details-row"><dt>{t('imports.size')}</dt><dd>{data.sizeBytes === null ? t('common.none') : formatBytes(data.sizeBytes)}</dd></div>
        <div className="details-row"><dt>{t('imports.sha256')}</dt><dd><code className="small">{data.sha256 ?? t('common.none')}</code></dd></div>
        {Object.keys(data.options).length > 0 && (
          <div className="details-row"><dt>{t('imports.options.used')}</dt><dd>{describedImportOptions(data.options).map((o) => `${t(o.key)}: ${o.value}`).join(' · ')}</dd></div>
        )}
        <div className="details-row"><dt>{t('imports.createdBy')}</dt><dd>{data.createdBy} · {formatDateTime(data.createdAt)}</dd></div>
      </dl>
      <ImportProgress progress={progress} />
      {error && <Alert kind="error">{error}</Alert>}
      {data.status === 'valid' && (
        <>
          <Alert kind="info">{t('imports.validSummary', { count: data.counts.rows })}</Alert>
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={working} onClick={() => { void act(() => applyImportRun(id)); }}>
              {working ? t('imports.applying') : t('imports.apply', { count: data.counts.rows })}
            </button>
          </div>
        </>
      )}
      {data.status === 'applied' && (
        <Alert kind="success">
          {t('imports.appliedSummary', { created: data.counts.created, updated: data.counts.updated, unchanged: data.counts.unchanged })}
        </Alert>
      )}
      {showErrors && (
        <>
          <h2>{t('imports.errorsTitle')}</h2>
          <Alert kind="error">{t('imports.errorsTotal', { count: data.counts.errors })}</Alert>
          <ImportErrorsTable runId={id} version={`${data.updatedAt}`} />
          {kind && (
            <div className="card import-form">
              <h2>{t('imports.mapping')}</h2>
              <p className="muted small">{t('imports.mappingHint')}</p>
              <SelectField
                label={t('imports.encoding')}
                value={encoding}
                options={(['utf-8', 'windows-1252'] as const).map((e) => ({ value: e, label: t(`imports.encodings.${e}`) }))}
                disabled={working}
                onValueChange={(v) => { setEncoding(v === 'windows-1252' ? 'windows-1252' : 'utf-8'); }}
              />
              <MappingEditor fields={kind.fields} headers={data.headers} mapping={mapping} onChange={setMapping} disabled={working} />
              <div className="form-actions">
                <button type="button" className="button" disabled={working} onClick={() => { void act(() => revalidateImportRun(id, { mapping, encoding })); }}>
                  {working ? t('imports.working') : t('imports.revalidate')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
