import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { downloadAnalysis, nearRepeat } from './analysis-api.ts';
import { ScopeFields, scopeValid, type ScopeForm } from './analysis-form.tsx';
import { PrintReportButton, ReportHeader, type ReportInfo } from './analysis-report.tsx';
import { toScope } from './analysis-view.ts';
import { DEFAULT_SPACE_BREAKS, DEFAULT_TIME_BREAKS, bandLabel, knoxSignificant, parseBreaks, breaksForApi } from './knox-bands.ts';

type KnoxResult = Awaited<ReturnType<typeof nearRepeat>>;

const fixed = (v: number | null | undefined, digits: number) => (v === null || v === undefined ? '—' : v.toFixed(digits));

/** Near repeat: editable distance and time bands, and the Knox table of observed/expected/ratio/p, significant cells highlighted. */
export function KnoxTab({ scope, onScope }: { scope: ScopeForm; onScope: (s: ScopeForm) => void }) {
  const { t, i18n } = useTranslation();
  const [spaceText, setSpaceText] = useState(DEFAULT_SPACE_BREAKS);
  const [timeText, setTimeText] = useState(DEFAULT_TIME_BREAKS);
  const [metric, setMetric] = useState<'manhattan' | 'euclidean'>('manhattan');
  const [permutations, setPermutations] = useState('99');
  const [ran, setRan] = useState<{ result: KnoxResult; request: unknown; space: number[]; time: number[]; report: ReportInfo }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const lang = i18n.language.startsWith('en') ? 'en' : 'es';

  const space = parseBreaks(spaceText, true);
  const time = parseBreaks(timeText, true);
  const perms = Number(permutations);
  const permsValid = Number.isInteger(perms) && perms >= 19 && perms <= 999;
  const bandError = (parsed: ReturnType<typeof parseBreaks>) =>
    'error' in parsed ? t(`analysis.knox.bandErrors.${parsed.error}`, { token: parsed.token ?? '' }) : undefined;

  const run = () => {
    if ('error' in space || 'error' in time || !permsValid) return;
    const request = { scope: toScope(scope), spaceBands: breaksForApi(space.breaks), timeBands: breaksForApi(time.breaks), metric, permutations: perms };
    const report: Omit<ReportInfo, 'counts'> = {
      tool: 'knox',
      scope,
      parameters: [
        { label: t('analysis.knox.spaceBands'), value: spaceText },
        { label: t('analysis.knox.timeBands'), value: timeText },
        { label: t('analysis.knox.metric'), value: t(`analysis.knox.${metric}`) },
        { label: t('analysis.knox.permutations'), value: String(perms) },
      ],
      method: t('analysis.knox.method'),
      generatedAt: new Date().toISOString(),
    };
    setBusy(true);
    setError(null);
    nearRepeat(request).then((result) => {
      setRan({ result, request, space: space.breaks, time: time.breaks, report: { ...report, counts: [{ label: t('analysis.report.incidents'), value: String(result.incidents) }] } });
    }, setError).finally(() => { setBusy(false); });
  };

  return (
    <div className="analysis-layout">
      <form className="analysis-form" onSubmit={(e) => { e.preventDefault(); run(); }}>
        <ScopeFields value={scope} onChange={onScope} />
        <TextField
          label={t('analysis.knox.spaceBands')}
          hint={t('analysis.knox.spaceHint')}
          value={spaceText}
          onValueChange={setSpaceText}
          error={bandError(space)}
        />
        <TextField
          label={t('analysis.knox.timeBands')}
          hint={t('analysis.knox.timeHint')}
          value={timeText}
          onValueChange={setTimeText}
          error={bandError(time)}
        />
        <SelectField
          label={t('analysis.knox.metric')}
          value={metric}
          options={[{ value: 'manhattan', label: t('analysis.knox.manhattan') }, { value: 'euclidean', label: t('analysis.knox.euclidean') }]}
          onValueChange={(v) => { setMetric(v === 'euclidean' ? 'euclidean' : 'manhattan'); }}
        />
        <p className="field-hint">{t('analysis.knox.metricHint')}</p>
        <TextField
          type="number"
          min={19}
          max={999}
          label={t('analysis.knox.permutations')}
          hint={t('analysis.knox.permutationsHint')}
          value={permutations}
          onValueChange={setPermutations}
          error={permsValid ? undefined : t('analysis.knox.permutationsInvalid')}
        />
        <button type="submit" className="button button-primary" disabled={busy || !scopeValid(scope) || 'error' in space || 'error' in time || !permsValid}>
          {t('analysis.run')}
        </button>
      </form>
      <div className="analysis-result">
        {ran && <ReportHeader info={ran.report} />}
        {error !== null && <Alert kind="error">{errorMessage(error)}</Alert>}
        <p className="analysis-explanation">{ran ? ran.result.explanation[lang] : t('analysis.knox.about')}</p>
        {ran && (
          <>
            <table className="analysis-table analysis-knox">
              <caption>{t('analysis.knox.caption', { incidents: ran.result.incidents })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('analysis.knox.distance')} \ {t('analysis.knox.time')}</th>
                  {ran.time.slice(0, -1).map((_, j) => <th key={j} scope="col">{bandLabel(ran.time, j, t('analysis.knox.days'))}</th>)}
                </tr>
              </thead>
              <tbody>
                {ran.result.observed.map((row, i) => (
                  <tr key={i}>
                    <th scope="row">{bandLabel(ran.space, i, 'm')}</th>
                    {row.map((obs, j) => {
                      const ratio = ran.result.ratio[i]?.[j] ?? null;
                      const p = ran.result.p[i]?.[j] ?? null;
                      const significant = knoxSignificant(ratio, p);
                      return (
                        <td key={j} className={significant ? 'analysis-significant' : undefined}>
                          <strong>{fixed(ratio, 2)}</strong>
                          <br />
                          <small>{t('analysis.knox.cell', { observed: obs, expected: fixed(ran.result.expected[i]?.[j], 1), p: fixed(p, 3) })}</small>
                          {significant && <span className="visually-hidden"> {t('analysis.knox.significant')}</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="field-hint">{t('analysis.knox.legend')}</p>
            <p className="analysis-actions">
              <button type="button" className="button" onClick={() => { downloadAnalysis('near-repeat', ran.request).catch(setError); }}>{t('analysis.exportCsv')}</button>{' '}
              <PrintReportButton />
            </p>
          </>
        )}
      </div>
    </div>
  );
}
