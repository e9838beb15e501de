import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTrendResult } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { getTrends, trendsCsvUrl } from './analysis-api.ts';
import { ScopeFields, scopeValid, type ScopeForm } from './analysis-form.tsx';
import { PrintReportButton, ReportHeader, type ReportInfo } from './analysis-report.tsx';
import { SERIES_COLORS, groupSeries, linePoints, monthTicks, parseUbigeos, partialMonths } from './analysis-view.ts';

const W = 640;
const H = 220;

/** Monthly counts by district or crime type as an SVG line chart, with a CSV export. */
export function TrendsTab({ scope, onScope }: { scope: ScopeForm; onScope: (s: ScopeForm) => void }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<'ubigeo' | 'crimeType'>('crimeType');
  const [result, setResult] = useState<TTrendResult>();
  const [ran, setRan] = useState<{ query: typeof query; report: Omit<ReportInfo, 'parameters'> }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const query = {
    from: scope.from,
    to: scope.to,
    ...(scope.ubigeo.trim() ? { ubigeo: parseUbigeos(scope.ubigeo).codes.join(',') } : {}),
    ...(scope.types.length > 0 ? { types: scope.types.join(',') } : {}),
  };
  const run = () => {
    setBusy(true);
    setError(null);
    const asked = query;
    getTrends(asked).then((r) => {
      setResult(r);
      const incidents = r.series.reduce((sum, s) => sum + s.counts.reduce((a, b) => a + b, 0), 0);
      setRan({
        query: asked,
        report: {
          tool: 'trends',
          scope,
          counts: [{ label: t('analysis.report.incidents'), value: String(incidents) }, { label: t('analysis.trends.months'), value: String(r.months.length) }],
          method: t('analysis.trends.about'),
          generatedAt: new Date().toISOString(),
        },
      });
    }, setError).finally(() => { setBusy(false); });
  };
  const lines = result ? groupSeries(result.series, by) : [];
  // Months cut by the period the trend was computed for: marked so a half month is not read as a drop.
  const partial = result && ran ? partialMonths(result.months, ran.query.from, ran.query.to) : [];
  const monthLabel = (i: number) => `${result?.months[i] ?? ''}${partial[i] ? ' *' : ''}`;
  const max = Math.max(1, ...lines.flatMap((l) => l.counts));

  return (
    <div className="analysis-layout">
      <form className="analysis-form" onSubmit={(e) => { e.preventDefault(); run(); }}>
        <ScopeFields value={scope} onChange={onScope} />
        <SelectField
          label={t('analysis.trends.by')}
          value={by}
          options={[{ value: 'crimeType', label: t('analysis.trends.byType') }, { value: 'ubigeo', label: t('analysis.trends.byDistrict') }]}
          onValueChange={(v) => { setBy(v === 'ubigeo' ? 'ubigeo' : 'crimeType'); }}
        />
        <button type="submit" className="button button-primary" disabled={busy || !scopeValid(scope)}>{t('analysis.run')}</button>
      </form>
      <div className="analysis-result">
        {ran && <ReportHeader info={{ ...ran.report, parameters: [{ label: t('analysis.trends.by'), value: t(by === 'ubigeo' ? 'analysis.trends.byDistrict' : 'analysis.trends.byType') }] }} />}
        {error !== null && <Alert kind="error">{errorMessage(error)}</Alert>}
        <p className="analysis-explanation">{t('analysis.trends.about')}</p>
        {result && result.months.length === 0 && <Alert kind="info">{t('analysis.empty')}</Alert>}
        {result && result.months.length > 0 && (
          <>
            <svg className="analysis-chart" viewBox={`-40 -10 ${W + 60} ${H + 40}`} role="img" aria-label={t('analysis.trends.chartLabel')}>
              <line x1={0} y1={H} x2={W} y2={H} stroke="currentColor" />
              <line x1={0} y1={0} x2={0} y2={H} stroke="currentColor" />
              <text x={-6} y={4} textAnchor="end" fontSize={11}>{max}</text>
              <text x={-6} y={H} textAnchor="end" fontSize={11}>0</text>
              {monthTicks(result.months.length).map((i) => {
                const x = result.months.length > 1 ? (i * W) / (result.months.length - 1) : 0;
                return (
                  <g key={i}>
                    <line x1={x} y1={H} x2={x} y2={H + 4} stroke="currentColor" />
                    <text x={x} y={H + 16} textAnchor={i === 0 ? 'start' : i === result.months.length - 1 ? 'end' : 'middle'} fontSize={11}>{monthLabel(i)}</text>
                  </g>
                );
              })}
              {lines.map((line, i) => (
                <polyline key={line.key} fill="none" strokeWidth={2} stroke={SERIES_COLORS[i % SERIES_COLORS.length]} points={linePoints(line.counts, max, W, H)} />
              ))}
            </svg>
            <table className="analysis-table">
              <caption>{t('analysis.trends.tableCaption')}</caption>
              <thead>
                <tr><th scope="col">{by === 'ubigeo' ? t('analysis.trends.byDistrict') : t('analysis.trends.byType')}</th>{result.months.map((m, i) => <th key={m} scope="col">{monthLabel(i)}</th>)}<th scope="col">{t('analysis.trends.total')}</th></tr>
              </thead>
              <tbody>
                {lines.map((line, i) => (
                  <tr key={line.key}>
                    <th scope="row"><span className="swatch" style={{ background: SERIES_COLORS[i % SERIES_COLORS.length] }} /> {line.key}</th>
                    {line.counts.map((c, j) => <td key={j}>{c}</td>)}
                    <td>{line.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {partial.some(Boolean) && <p className="field-hint">{t('analysis.trends.partial')}</p>}
            <p className="analysis-actions">
              <a className="button" href={trendsCsvUrl(ran?.query ?? query)} download>{t('analysis.exportCsv')}</a>{' '}
              <PrintReportButton />
            </p>
          </>
        )}
      </div>
    </div>
  );
}
