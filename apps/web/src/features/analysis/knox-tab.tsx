import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { nearRepeat } from './analysis-api.ts';
import { ScopeFields, scopeValid, type ScopeForm } from './analysis-form.tsx';
import { bandLabel, knoxSignificant, toScope } from './analysis-view.ts';

type KnoxResult = Awaited<ReturnType<typeof nearRepeat>>;

/** Near repeat: the Knox table of observed/expected pairs by distance and time band, significant cells highlighted. */
export function KnoxTab({ scope, onScope }: { scope: ScopeForm; onScope: (s: ScopeForm) => void }) {
  const { t, i18n } = useTranslation();
  const [result, setResult] = useState<KnoxResult>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const lang = i18n.language.startsWith('en') ? 'en' : 'es';
  const run = () => {
    setBusy(true);
    setError(null);
    nearRepeat({ scope: toScope(scope) }).then(setResult, setError).finally(() => { setBusy(false); });
  };
  return (
    <div className="analysis-layout">
      <form className="analysis-form" onSubmit={(e) => { e.preventDefault(); run(); }}>
        <ScopeFields value={scope} onChange={onScope} />
        <p className="field-hint">{t('analysis.knox.defaults')}</p>
        <button type="submit" className="button button-primary" disabled={busy || !scopeValid(scope)}>{t('analysis.run')}</button>
      </form>
      <div className="analysis-result">
        {error !== null && <Alert kind="error">{errorMessage(error)}</Alert>}
        <p className="analysis-explanation">{result ? result.explanation[lang] : t('analysis.knox.about')}</p>
        {result && (
          <table className="analysis-table">
            <caption>{t('analysis.knox.caption', { incidents: result.incidents })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analysis.knox.distance')} \ {t('analysis.knox.time')}</th>
                {result.timeBands.slice(0, -1).map((_, j) => <th key={j} scope="col">{bandLabel(result.timeBands, j, t('analysis.knox.days'))}</th>)}
              </tr>
            </thead>
            <tbody>
              {result.observed.map((row, i) => (
                <tr key={i}>
                  <th scope="row">{bandLabel(result.spaceBands, i, 'm')}</th>
                  {row.map((obs, j) => {
                    const ratio = result.ratio[i]?.[j] ?? null;
                    const p = result.p[i]?.[j] ?? null;
                    const significant = knoxSignificant(ratio, p);
                    return (
                      <td key={j} className={significant ? 'analysis-significant' : undefined}>
                        <strong>{ratio === null ? '—' : ratio.toFixed(2)}</strong>
                        <br />
                        <small>{t('analysis.knox.cell', { observed: obs, p: p === null ? '—' : p.toFixed(3) })}</small>
                        {significant && <span className="visually-hidden"> {t('analysis.knox.significant')}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {result && <p className="field-hint">{t('analysis.knox.legend')}</p>}
      </div>
    </div>
  );
}
