import { useTranslation } from 'react-i18next';
import type { beforeAfter } from './analysis-api.ts';
import { intervalLayout, intervalVerdict, type IntervalRow } from './effect-chart.ts';

type BaResult = Awaited<ReturnType<typeof beforeAfter>>;

const W = 420;
const ROW = 34;
const LABEL = 320;
const GROUPS = ['treated', 'control', 'neighbours'] as const;
const BEFORE = '#56b4e9';
const AFTER = '#d55e00';

/** Incidents before and after in the operation area, the comparable areas and the neighbours, as paired bars. */
export function CountsChart({ result }: { result: BaResult }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...GROUPS.flatMap((g) => [result.counts[g].before, result.counts[g].after]));
  const bar = (v: number) => Math.max(1, (v / max) * W);
  return (
    <svg className="analysis-chart" viewBox={`0 0 ${LABEL + W + 60} ${GROUPS.length * ROW * 1.6 + 24}`} role="img" aria-label={t('analysis.evaluate.countsChart')}>
      {GROUPS.map((g, i) => {
        const y = i * ROW * 1.6;
        return (
          <g key={g} transform={`translate(0, ${y})`}>
            <text x={LABEL - 8} y={ROW * 0.55} textAnchor="end" fontSize={12}>{t(`analysis.evaluate.${g}`)}</text>
            <rect x={LABEL} y={2} width={bar(result.counts[g].before)} height={ROW / 2 - 3} fill={BEFORE} />
            <text x={LABEL + bar(result.counts[g].before) + 4} y={ROW / 2 - 4} fontSize={11}>{result.counts[g].before}</text>
            <rect x={LABEL} y={ROW / 2 + 1} width={bar(result.counts[g].after)} height={ROW / 2 - 3} fill={AFTER} />
            <text x={LABEL + bar(result.counts[g].after) + 4} y={ROW - 4} fontSize={11}>{result.counts[g].after}</text>
          </g>
        );
      })}
      <g transform={`translate(${LABEL}, ${GROUPS.length * ROW * 1.6 + 8})`} fontSize={11}>
        <rect width={10} height={10} fill={BEFORE} /><text x={14} y={9}>{t('analysis.evaluate.before')}</text>
        <rect x={90} width={10} height={10} fill={AFTER} /><text x={104} y={9}>{t('analysis.evaluate.after')}</text>
      </g>
    </svg>
  );
}

/** Estimates with their confidence intervals against a reference line (0 for differences, 1 for ratios). */
export function IntervalChart({ rows, reference, label }: { rows: (IntervalRow & { name: string })[]; reference: number; label: string }) {
  const { t } = useTranslation();
  const layout = intervalLayout(rows, reference, W);
  const height = rows.length * ROW + 28;
  return (
    <svg className="analysis-chart" viewBox={`0 0 ${LABEL + W + 20} ${height}`} role="img" aria-label={label}>
      <line x1={LABEL + layout.reference} y1={0} x2={LABEL + layout.reference} y2={rows.length * ROW} stroke="#555" strokeDasharray="4 3" />
      <text x={LABEL + layout.reference} y={rows.length * ROW + 14} textAnchor="middle" fontSize={11}>{reference}</text>
      <text x={LABEL} y={rows.length * ROW + 26} fontSize={10}>{layout.min.toFixed(2)}</text>
      <text x={LABEL + W} y={rows.length * ROW + 26} textAnchor="end" fontSize={10}>{layout.max.toFixed(2)}</text>
      {rows.map((row, i) => {
        const at = layout.rows[i]!;
        const y = i * ROW + ROW / 2;
        const verdict = intervalVerdict(row, reference);
        const colour = verdict === 'spans' ? '#555' : verdict === 'below' ? '#0072b2' : '#d55e00';
        return (
          <g key={row.key}>
            <text x={LABEL - 8} y={y + 4} textAnchor="end" fontSize={12}>{row.name}</text>
            <line x1={LABEL + at.low} y1={y} x2={LABEL + at.high} y2={y} stroke={colour} strokeWidth={2} />
            <line x1={LABEL + at.low} y1={y - 5} x2={LABEL + at.low} y2={y + 5} stroke={colour} strokeWidth={2} />
            <line x1={LABEL + at.high} y1={y - 5} x2={LABEL + at.high} y2={y + 5} stroke={colour} strokeWidth={2} />
            <circle cx={LABEL + at.x} cy={y} r={5} fill={colour}>
              <title>{t('analysis.evaluate.intervalTitle', { estimate: row.estimate.toFixed(2), low: row.low.toFixed(2), high: row.high.toFixed(2) })}</title>
            </circle>
          </g>
        );
      })}
    </svg>
  );
}
