import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TImportMapping } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { navigate } from '../../app/router.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { readHeader } from './csv-header.ts';
import type { ImportOptionsDraft } from './import-options.ts';
import { defaultImportOptions, hasImportOptions, importOptionsFor, importOptionsProblems } from './import-options.ts';
import { ImportOptionsFields } from './import-options-fields.tsx';
import { ImportProgress } from './import-progress.tsx';
import { ImportRunsTable } from './import-runs-table.tsx';
import { createImportRun, listImportKinds, listImportRuns, suggestMapping, uploadImportFile } from './imports-api.ts';
import { MappingEditor } from './mapping-editor.tsx';
import { useRunPolling } from './use-run-polling.ts';
import './imports.css';

type Encoding = 'utf-8' | 'windows-1252';

/**
 * Bulk import: choose the kind and the file, check the proposed column mapping, upload (progress while sending
 * and validating), then open the run to read its error report or apply it. Below, the runs so far.
 */
export function ImportsPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const kinds = useResource('kinds', (signal) => listImportKinds(signal));
  const runs = useResource('runs', (signal) => listImportRuns({ limit: 50, offset: 0 }, signal));
  const [kindName, setKindName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<Encoding>('utf-8');
  const [headers, setHeaders] = useState<string[]>([]);
  const [mapping, setMapping] = useState<TImportMapping>({});
  const [optionsDraft, setOptionsDraft] = useState<ImportOptionsDraft | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [sent, setSent] = useState<{ done: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const progress = useRunPolling(runId, busy);

  const kind = kinds.data?.find((k) => k.name === kindName) ?? kinds.data?.[0];
  const options = kind ? (optionsDraft ?? defaultImportOptions(kind.name)) : null;
  const problems = kind && options ? importOptionsProblems(kind.name, options) : [];

  // Read the header from the file's first bytes and ask the server for the mapping it suggests.
  useEffect(() => {
    if (!file || !kind) return undefined;
    let cancelled = false;
    readHeader(file, encoding)
      .then(async (found) => {
        const suggested = await suggestMapping(kind.name, found);
        if (cancelled) return;
        setHeaders(found);
        setMapping(suggested);
      })
      .catch((cause: unknown) => { if (!cancelled) setError(errorMessage(cause)); });
    return () => { cancelled = true; };
  }, [file, kind, encoding]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!kind) return;
    if (!file) {
      setError(t('imports.chooseFile'));
      return;
    }
    if (problems.length > 0) {
      setShowProblems(true);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const runOptions = options ? importOptionsFor(kind.name, options) : undefined;
      const run = await createImportRun({ kind: kind.name, fileName: file.name, mapping, encoding, delimiter: 'auto', ...(runOptions ? { options: runOptions } : {}) });
      setRunId(run.id);
      await uploadImportFile(run.id, file, (done, total) => { setSent({ done, total }); });
      navigate(`/imports/${run.id}`);
    } catch (cause) {
      setError(errorMessage(cause));
      setBusy(false);
    }
  };

  const kindTitle = (name: string): string => kinds.data?.find((k) => k.name === name)?.title[lang] ?? name;
  return (
    <section>
      <PageHeader title={t('imports.title')}>
        <p className="muted">{t('imports.intro')}</p>
      </PageHeader>
      {kinds.error !== null && <Alert kind="error">{errorMessage(kinds.error)}</Alert>}
      {kinds.loading && !kinds.data && <Loading />}
      {kinds.data && kind && (
        <form className="card import-form" onSubmit={(e) => { void submit(e); }} aria-labelledby="import-new-title">
          <h2 id="import-new-title">{t('imports.new')}</h2>
          <SelectField
            label={t('imports.kind')}
            value={kind.name}
            options={kinds.data.map((k) => ({ value: k.name, label: k.title[lang] }))}
            disabled={busy}
            onValueChange={(v) => { setKindName(v); setMapping({}); setOptionsDraft(null); setShowProblems(false); }}
          />
          <p className="muted small">{kind.description[lang]}</p>
          <div className="field">
            <label htmlFor="import-file">{t('imports.file')}</label>
            <input
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              disabled={busy}
              aria-describedby="import-file-hint"
              onChange={(e) => { setFile(e.target.files?.[0] ?? null); setError(null); }}
            />
            <p id="import-file-hint" className="field-hint">{t('imports.fileHint')}</p>
          </div>
          <SelectField
            label={t('imports.encoding')}
            value={encoding}
            options={(['utf-8', 'windows-1252'] as const).map((e) => ({ value: e, label: t(`imports.encodings.${e}`) }))}
            disabled={busy}
            onValueChange={(v) => { setEncoding(v === 'windows-1252' ? 'windows-1252' : 'utf-8'); }}
          />
          {file && headers.length > 0 && (
            <div>
              <h3>{t('imports.mapping')}</h3>
              <p className="muted small">{t('imports.mappingHint')} {t('imports.columnsFound', { count: headers.length })}</p>
              <MappingEditor fields={kind.fields} headers={headers} mapping={mapping} onChange={setMapping} disabled={busy} />
            </div>
          )}
          {options && hasImportOptions(kind.name) && (
            <ImportOptionsFields kind={kind.name} draft={options} problems={showProblems ? problems : []} disabled={busy} onChange={setOptionsDraft} />
          )}
          {error && <Alert kind="error">{error}</Alert>}
          <ImportProgress sent={progress ? null : sent} progress={progress} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy || !file}>
              {busy ? t('imports.working') : t('imports.uploadValidate')}
            </button>
          </div>
        </form>
      )}
      <h2>{t('imports.history')}</h2>
      {runs.error !== null && <Alert kind="error">{errorMessage(runs.error)}</Alert>}
      {runs.data && <ImportRunsTable runs={runs.data.items} kindTitle={kindTitle} />}
    </section>
  );
}
