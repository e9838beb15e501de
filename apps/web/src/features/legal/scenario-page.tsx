import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../app/api.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { ZScenarioFaults, evaluateScenario, type TScenarioResult } from './legal-api.ts';
import { LegalTabs } from './legal-tabs.tsx';
import { ScenarioResults } from './scenario-results.tsx';

/** Legal officers and trainers test a deployment before requesting it: load a scenario file, see each decision. */
export function ScenarioPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [results, setResults] = useState<TScenarioResult[] | null>(null);
  const [failure, setFailure] = useState<{ message: string; faults: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const loadFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };

  const evaluate = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    setResults(null);
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        setFailure({ message: t('legal.notJson'), faults: [] });
        return;
      }
      setResults(await evaluateScenario(parsed));
    } catch (cause) {
      const faults = cause instanceof ApiError ? ZScenarioFaults.safeParse(cause.details) : null;
      const lang = currentLanguage();
      setFailure({
        message: errorMessage(cause),
        faults: faults?.success ? faults.data.map((f) => `${f.path} — ${f.code}: ${f.message[lang]}`) : [],
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('legal.title')}>
        <p className="muted">{t('legal.intro')}</p>
      </PageHeader>
      <LegalTabs />
      <div className="card">
        <div className="field">
          <label htmlFor="scenario-file">{t('legal.file')}</label>
          <input id="scenario-file" type="file" accept="application/json,.json" onChange={(e) => { void loadFile(e); }} />
        </div>
        <div className="field">
          <label htmlFor="scenario-text">{t('legal.text')}</label>
          <textarea id="scenario-text" rows={12} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div>
          <button type="button" className="button button-primary" disabled={busy || text.trim() === ''} onClick={() => { void evaluate(); }}>
            {busy ? t('legal.evaluating') : t('legal.evaluate')}
          </button>
        </div>
      </div>
      {failure && (
        <Alert kind="error">
          {failure.message}
          {failure.faults.length > 0 && (
            <ul>
              {failure.faults.map((f) => <li key={f}>{f}</li>)}
            </ul>
          )}
        </Alert>
      )}
      {results && <ScenarioResults results={results} />}
    </>
  );
}
