import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { beforeAfter, downloadAnalysis, evaluateHotspots } from './analysis-api.ts';
import { ScopeFields, scopeValid, type ScopeForm } from './analysis-form.tsx';
import { followingPeriod, testPeriodProblem } from './analysis-periods.ts';
import { PrintReportButton, ReportHeader, type ReportInfo } from './analysis-report.tsx';
import { limaInstant, parseUbigeos, toScope } from './analysis-view.ts';
import { CountsChart, IntervalChart } from './before-after-charts.tsx';

type EvalResult = Awaited<ReturnType<typeof evaluateHotspots>>;
type BaResult = Awaited<ReturnType<typeof beforeAfter>>;

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const num = (v: number | null) => (v === null ? '—' : v.toFixed(2));

/** Hotspot evaluation (model vs naive last-period baseline) and before/after of an operation area. */
export function EvaluateTab({ scope, onScope }: { scope: ScopeForm; onScope: (s: ScopeForm) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'es';
  const [method, setMethod] = useState<'kde' | 'gi'>('kde');
  // t + 1 follows t (same length, starting the day after) until the user edits it; an edit holds while t is unchanged.
  const [edited, setEdited] = useState<{ from: string; to: string; forFrom: string; forTo: string } | null>(null);
  const [evaluation, setEvaluation] = useState<EvalResult>();
  const [treated, setTreated] = useState('');
  const [ba, setBa] = useState<BaResult>();
  const [report, setReport] = useState<ReportInfo>();
  /** The request of the result shown, exported again as CSV on demand. */
  const [shown, setShown] = useState<{ kind: 'evaluate' | 'before-after'; request: unknown }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const following = followingPeriod(scope.from, scope.to) ?? { from: '', to: '' };
  const test = edited && edited.forFrom === scope.from && edited.forTo === scope.to ? edited : following;
  const setTestFrom = (from: string) => { setEdited({ ...test, from, forFrom: scope.from, forTo: scope.to }); };
  const setTestTo = (to: string) => { setEdited({ ...test, to, forFrom: scope.from, forTo: scope.to }); };
  const testFrom = test.from;
  const testTo = test.to;
  const testProblem = testPeriodProblem(scope, test);
  const periods = t('analysis.evaluate.periods', { from: scope.from, to: scope.to, testFrom, testTo });
  const reportOf = (parameters: ReportInfo['parameters'], counts: ReportInfo['counts'], methodText: string): ReportInfo => ({
    tool: 'evaluate', scope, period: periods, parameters, counts, method: methodText, generatedAt: new Date().toISOString(),
  });

  const period = () => {
    const { from, to, ...rest } = toScope(scope);
    return { rest, train: { from, to }, test: { from: limaInstant(testFrom), to: limaInstant(testTo, true) } };
  };
  const runEvaluation = () => {
    const { rest, train, test } = period();
    setBusy(true);
    setError(null);
    const request = { scope: rest, train, test, method };
    evaluateHotspots(request).then((r) => {
      setEvaluation(r);
      setShown({ kind: 'evaluate', request });
      setBa(undefined);
      setReport(reportOf(
        [{ label: t('analysis.hotspot.method'), value: t(method === 'gi' ? 'analysis.hotspot.gi' : 'analysis.hotspot.kde') }],
        [
          { label: t('analysis.evaluate.trainCount'), value: String(r.trainIncidents) },
          { label: t('analysis.evaluate.testCount'), value: String(r.testIncidents) },
          { label: t('analysis.report.cells'), value: String(r.cells) },
        ],
        t('analysis.evaluate.honest', { from: scope.from, to: scope.to, testFrom, testTo }),
      ));
    }, setError).finally(() => { setBusy(false); });
  };
  const runBeforeAfter = () => {
    const { train, test } = period();
    setBusy(true);
    setError(null);
    const types = scope.types.length > 0 ? { types: scope.types } : {};
    const request = { treated: parseUbigeos(treated).codes, before: train, after: test, ...types };
    beforeAfter(request).then((r) => {
      setBa(r);
      setShown({ kind: 'before-after', request });
      setEvaluation(undefined);
      setReport(reportOf(
        [
          { label: t('analysis.evaluate.treated'), value: r.areas.treated.join(', ') },
          { label: t('analysis.evaluate.control'), value: r.areas.control.join(', ') },
          { label: t('analysis.evaluate.neighbours'), value: r.areas.neighbours.join(', ') },
        ],
        (['treated', 'control', 'neighbours'] as const).map((k) => ({
          label: t(`analysis.evaluate.${k}`), value: `${r.counts[k].before} → ${r.counts[k].after}`,
        })),
        t('analysis.evaluate.didMethod'),
      ));
    }, setError).finally(() => { setBusy(false); });
  };
  const testValid = testProblem === null && scopeValid(scope);
  const treatedCodes = parseUbigeos(treated);
  const treatedValid = treatedCodes.codes.length > 0 && treatedCodes.invalid.length === 0 && treatedCodes.codes.every((c) => c.length === 6);

  return (
    <div className="analysis-layout">
      <form className="analysis-form" onSubmit={(e) => { e.preventDefault(); runEvaluation(); }}>
        <p className="field-hint">{t('analysis.evaluate.periodHint')}</p>
        <ScopeFields value={scope} onChange={onScope} />
        <TextField type="date" required label={t('analysis.evaluate.testFrom')} hint={t('analysis.evaluate.testHint')} value={testFrom} onValueChange={setTestFrom} />
        <TextField
          type="date"
          required
          label={t('analysis.evaluate.testTo')}
          value={testTo}
          onValueChange={setTestTo}
          error={testProblem === 'overlaps' || testProblem === 'reversed' ? t(`analysis.evaluate.testProblem.${testProblem}`) : undefined}
        />
        <SelectField
          label={t('analysis.hotspot.method')}
          value={method}
          options={[{ value: 'kde', label: t('analysis.hotspot.kde') }, { value: 'gi', label: t('analysis.hotspot.gi') }]}
          onValueChange={(v) => { setMethod(v === 'gi' ? 'gi' : 'kde'); }}
        />
        <button type="submit" className="button button-primary" disabled={busy || !testValid}>{t('analysis.evaluate.run')}</button>
        <TextField
          label={t('analysis.evaluate.treatedInput')}
          hint={t('analysis.evaluate.treatedHint')}
          value={treated}
          onValueChange={setTreated}
        />
        <button type="button" className="button" disabled={busy || !testValid || !treatedValid} onClick={runBeforeAfter}>{t('analysis.evaluate.runBeforeAfter')}</button>
      </form>
      <div className="analysis-result">
        {error !== null && <Alert kind="error">{errorMessage(error)}</Alert>}
        {report && <ReportHeader info={report} />}
        {!evaluation && !ba && <p className="analysis-explanation">{t('analysis.evaluate.about')}</p>}
        {!evaluation && !ba && testProblem === null && (
          <p className="analysis-explanation analysis-honest">{t('analysis.evaluate.honest', { from: scope.from, to: scope.to, testFrom, testTo })}</p>
        )}
        {evaluation && (
          <>
            <p className="analysis-explanation">{evaluation.explanation[lang]}</p>
            <p className="analysis-explanation analysis-honest screen-only">{report?.method}</p>
            <table className="analysis-table">
              <caption>{t('analysis.evaluate.caption', { train: evaluation.trainIncidents, test: evaluation.testIncidents, cells: evaluation.cells })}</caption>
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>{t('analysis.evaluate.share')}</th>
                  <th scope="colgroup" colSpan={3}>{t('analysis.evaluate.model')}</th>
                  <th scope="colgroup" colSpan={3}>{t('analysis.evaluate.baseline')}</th>
                </tr>
                <tr>
                  {[0, 1].flatMap((k) => [
                    <th key={`h${k}`} scope="col">{t('analysis.evaluate.hitRate')}</th>,
                    <th key={`p${k}`} scope="col">PAI</th>,
                    <th key={`e${k}`} scope="col">PEI</th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {evaluation.model.map((m, i) => {
                  const b = evaluation.baseline[i];
                  return (
                    <tr key={m.share}>
                      <th scope="row">{pct(m.share)}</th>
                      <td>{pct(m.hitRate)}</td><td>{num(m.pai)}</td><td>{num(m.pei)}</td>
                      <td>{b ? pct(b.hitRate) : '—'}</td><td>{b ? num(b.pai) : '—'}</td><td>{b ? num(b.pei) : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className="analysis-actions">
              <button type="button" className="button" onClick={() => { if (shown) downloadAnalysis(shown.kind, shown.request).catch(setError); }}>{t('analysis.exportCsv')}</button>{' '}
              <PrintReportButton />
            </p>
          </>
        )}
        {ba && (
          <>
            <p className="analysis-explanation">{ba.explanation[lang]}</p>
            <CountsChart result={ba} />
            <IntervalChart
              label={t('analysis.evaluate.ratioChart')}
              reference={1}
              rows={(['relativeEffect', 'displacement'] as const).map((k) => ({ key: k, name: t(`analysis.evaluate.${k}`), ...ba[k] }))}
            />
            <IntervalChart
              label={t('analysis.evaluate.differenceChart')}
              reference={0}
              rows={(['differenceInDifferences', 'wdd'] as const).map((k) => ({ key: k, name: t(`analysis.evaluate.${k}`), ...ba[k] }))}
            />
            <p className="field-hint">{t('analysis.evaluate.chartHint', { confidence: Math.round(ba.confidence * 100) })}</p>
            <table className="analysis-table">
              <caption>{t('analysis.evaluate.countsCaption')}</caption>
              <thead><tr><th scope="col" /><th scope="col">{t('analysis.evaluate.before')}</th><th scope="col">{t('analysis.evaluate.after')}</th><th scope="col">{t('analysis.evaluate.districts')}</th></tr></thead>
              <tbody>
                {(['treated', 'control', 'neighbours'] as const).map((k) => (
                  <tr key={k}>
                    <th scope="row">{t(`analysis.evaluate.${k}`)}</th>
                    <td>{ba.counts[k].before}</td><td>{ba.counts[k].after}</td><td>{ba.areas[k].join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="analysis-table">
              <caption>{t('analysis.evaluate.effectsCaption', { confidence: Math.round(ba.confidence * 100) })}</caption>
              <thead><tr><th scope="col" /><th scope="col">{t('analysis.evaluate.estimate')}</th><th scope="col">{t('analysis.evaluate.interval')}</th></tr></thead>
              <tbody>
                {(['differenceInDifferences', 'relativeEffect', 'displacement', 'wdd'] as const).map((k) => (
                  <tr key={k}>
                    <th scope="row">{t(`analysis.evaluate.${k}`)}</th>
                    <td>{num(ba[k].estimate)}</td>
                    <td>[{num(ba[k].low)}, {num(ba[k].high)}]</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="analysis-actions">
              <button type="button" className="button" onClick={() => { if (shown) downloadAnalysis(shown.kind, shown.request).catch(setError); }}>{t('analysis.exportCsv')}</button>{' '}
              <PrintReportButton />
            </p>
          </>
        )}
      </div>
    </div>
  );
}
