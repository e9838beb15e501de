import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import type { TScenarioResult } from './legal-api.ts';

/** Each request's decision with its legal basis and every finding's reference and remedy. */
export function ScenarioResults({ results }: { results: readonly TScenarioResult[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="scenario-results">
      {results.map((r) => (
        <section key={r.id} className="card" aria-labelledby={`req-${r.id}`}>
          <h2 id={`req-${r.id}`} className="scenario-request">
            <span>{r.id}</span> <span className={`badge badge-decision-${r.decision}`}>{t(`legal.decision.${r.decision}`)}</span>
          </h2>
          <p className="muted small">
            {t('legal.basis')}: {r.legalBasis.length > 0 ? r.legalBasis.join(', ') : t('legal.noBasis')} ·{' '}
            {t('legal.control')}: {r.controlAuthority ?? '—'} · {t('legal.ruleSet')}: {r.ruleSetVersion}
          </p>
          {r.findings.length > 0 && (
            <table className="table">
              <caption className="visually-hidden">{t('legal.findingsCaption', { id: r.id })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('legal.severity')}</th>
                  <th scope="col">{t('legal.finding')}</th>
                  <th scope="col">{t('legal.reference')}</th>
                  <th scope="col">{t('legal.remedy')}</th>
                </tr>
              </thead>
              <tbody>
                {r.findings.map((f, i) => (
                  <tr key={`${f.code}-${i}`}>
                    <td><span className={`badge badge-severity-${f.severity}`}>{t(`legal.severityLevel.${f.severity}`)}</span></td>
                    <td><code>{f.code}</code><br />{f.message[lang]}</td>
                    <td>{f.legalRef}</td>
                    <td>{f.remedy[lang]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
