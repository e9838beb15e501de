import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTrendResult } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { getTrends, trendsCsvUrl } from './analysis-api.ts';
import { ScopeFields, scopeValid, type ScopeForm } from './analysis-form.tsx';
import { SERIES_COLORS, groupSeries, linePoints, parseUbigeos } from './analysis-view.ts';

const W = 640;
const H = 220;

/** Monthly counts by district or crime type as an SVG line chart, with a CSV export. */
export function TrendsTab({ scope, onScope }: { scope: ScopeForm; onScope: (s: ScopeForm) => void }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<'ubigeo' | 'crimeType'>('crimeType');
  const [result, setResult] = useState<TTrendResult>();
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
    getTrends(query).then(setResult, setError).finally(() => { setBusy(false); });
  };
  const lines = result ? groupSeries(result.series, by) : [];
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
              <text x={0} y={H + 16} fontSize={11}>{result.months[0]}</text>
              <text x={W} y={H + 16} textAnchor="end" fontSize={11}>{result.months[result.months.length - 1]}</text>
              {lines.map((line, i) => (
                <polyline key={line.key} fill="none" strokeWidth={2} stroke={SERIES_COLORS[i % SERIES_COLORS.length]} points={linePoints(line.counts, max, W, H)} />
              ))}
            </svg>
            <table className="analysis-table">
              <caption>{t('analysis.trends.tableCaption')}</caption>
              <thead>
                <tr><th scope="col">{by === 'ubigeo' ? t('analysis.trends.byDistrict') : t('analysis.trends.byType')}</th>{result.months.map((m) => <th key={m} scope="col">{m}</th>)}<th scope="col">{t('analysis.trends.total')}</th></tr>
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
            <p><a className="button" href={trendsCsvUrl(query)} download>{t('analysis.exportCsv')}</a></p>
          </>
        )}
      </div>
    </div>
  );
}
