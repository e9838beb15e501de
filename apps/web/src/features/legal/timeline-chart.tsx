import { useTranslation } from 'react-i18next';
import { SUPPORT_LANES, daysBetween, type TTimeline } from './instrument-model.ts';

const WIDTH = 1000;
const LABEL = 190;
const ROW = 42;
const LANE = 6;
const TOP = 28;
const BAR = 16;

/** Month starts between two ISO days, for the axis. */
function monthTicks(from: string, to: string): string[] {
  const ticks: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (let guard = 0; guard < 600; guard++) {
    month += 1;
    if (month > 12) { month = 1; year += 1; }
    const tick = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
    if (tick > to) break;
    ticks.push(tick);
  }
  // Past about two years, one tick per quarter keeps the labels apart.
  return ticks.length > 24 ? ticks.filter((d) => ['01', '04', '07', '10'].includes(d.slice(5, 7))) : ticks;
}

/**
 * The validity of the legal bases as an SVG chart: one row per chain, one bar per decree or resolution, the gaps
 * between links hatched, today as a vertical line and the links in force that expire soon outlined; under each bar,
 * thin lanes for the RUF, the directive and the CCO plan that apply to the chain.
 */
export function TimelineChart({ timeline, today }: { timeline: TTimeline; today: string }) {
  const { t } = useTranslation();
  const from = timeline.from;
  const span = Math.max(1, daysBetween(from, timeline.to) + 1);
  const x = (day: string): number => LABEL + (daysBetween(from, day) / span) * (WIDTH - LABEL - 10);
  const w = (a: string, b: string): number => Math.max(2, ((daysBetween(a, b) + 1) / span) * (WIDTH - LABEL - 10));
  const height = TOP + timeline.rows.length * ROW + 10;
  const todayX = x(today);
  return (
    <svg
      className="timeline-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={t('legal.timeline.chart', { count: timeline.rows.length })}
      preserveAspectRatio="xMinYMin meet"
    >
      <defs>
        <pattern id="timeline-gap" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="timeline-gap-bg" />
          <line x1="0" y1="0" x2="0" y2="6" className="timeline-gap-line" />
        </pattern>
      </defs>
      {monthTicks(from, timeline.to).map((tick) => (
        <g key={tick} className="timeline-tick">
          <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height - 6} />
          <text x={x(tick) + 3} y={TOP - 10}>{tick.slice(0, 7)}</text>
        </g>
      ))}
      {timeline.rows.map((row, r) => {
        const y = TOP + r * ROW;
        return (
          <g key={row.rootId} className="timeline-row" data-chain={row.rootId}>
            <text x={4} y={y + BAR - 3} className="timeline-label">
              <title>{row.rootId}</title>
              {row.label.length > 26 ? `${row.label.slice(0, 25)}…` : row.label}
            </text>
            {row.gaps.map((gap) => (
              <rect key={gap.from} x={x(gap.from)} y={y} width={w(gap.from, gap.to)} height={BAR} fill="url(#timeline-gap)" className="timeline-gap">
                <title>{t('legal.timeline.gap', { from: gap.from, to: gap.to })}</title>
              </rect>
            ))}
            {row.support.map(({ lane, bar }) => (
              <rect
                key={bar.id}
                x={x(bar.from)}
                y={y + BAR + 3 + lane * LANE}
                width={w(bar.from, bar.to)}
                height={LANE - 2}
                className={`timeline-support timeline-support-${SUPPORT_LANES[lane] ?? 'DIRECTIVA'}`}
                data-instrument={bar.id}
              >
                <title>{`${bar.label} (${t(`legal.kind.${bar.kind}`)}): ${bar.from} – ${bar.to}`}</title>
              </rect>
            ))}
            {row.bars.map((bar) => (
              <rect
                key={bar.id}
                x={x(bar.from)}
                y={y}
                width={w(bar.from, bar.to)}
                height={BAR}
                rx={3}
                className={['timeline-bar', `timeline-bar-${bar.validity}`, bar.expiring ? 'timeline-bar-expiring' : '', bar.exercise ? 'timeline-bar-exercise' : ''].filter(Boolean).join(' ')}
                data-instrument={bar.id}
              >
                <title>
                  {`${bar.label} (${t(`legal.kind.${bar.kind}`)}): ${bar.from} – ${bar.to} · ${t(`legal.validity.${bar.expiring ? 'expiring' : bar.validity}`)}${bar.revokedOn ? ` · ${t('legal.timeline.revokedOn', { date: bar.revokedOn })}` : ''}${bar.exercise ? ` · ${t('legal.timeline.exercise')}` : ''}`}
                </title>
              </rect>
            ))}
          </g>
        );
      })}
      <g className="timeline-today">
        <line x1={todayX} x2={todayX} y1={TOP - 14} y2={height - 4} />
        <text x={todayX + 4} y={12}>{t('legal.timeline.today')} {today}</text>
      </g>
    </svg>
  );
}
