import { useTranslation } from 'react-i18next';
import type { TUnitReadiness } from '@enlace/contracts';
import { LEVEL_COLORS, PILLAR_ORDER, levelNumber, percent, pillarOf } from './readiness-view.ts';

/** A half-circle gauge filled to `share` (0-1), in the colour of its level. */
function Gauge({ share, level, label, value }: { share: number | null; level: number; label: string; value: string }) {
  const r = 40;
  const filled = Math.max(0, Math.min(1, share ?? 0));
  // Arc from the left end (180°) clockwise over the top to the filled angle.
  const angle = Math.PI * (1 - filled);
  const x = 50 + r * Math.cos(angle);
  const y = 50 - r * Math.sin(angle);
  return (
    <figure className="gauge" aria-label={`${label}: ${value}`}>
      <svg viewBox="0 0 100 58" aria-hidden="true">
        <path d="M 10 50 A 40 40 0 0 1 90 50" className="gauge-track" />
        {filled > 0 && <path d={`M 10 50 A 40 40 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)}`} stroke={LEVEL_COLORS[level]} className="gauge-fill" />}
      </svg>
      <figcaption>
        <span className="gauge-level" style={{ background: LEVEL_COLORS[level] }}>{value.split(' ')[0]}</span>
        <span className="gauge-label">{label}</span>
        <span className="gauge-value">{value.split(' ').slice(1).join(' ')}</span>
      </figcaption>
    </figure>
  );
}

/** The four pillar gauges and the overall C-level (computed, and the commander's when overridden). */
export function ReadinessGauges({ readiness }: { readiness: TUnitReadiness }) {
  const { t } = useTranslation();
  const effective = levelNumber(readiness.effective);
  return (
    <div className="readiness-summary">
      <div className="c-level" style={{ borderColor: LEVEL_COLORS[effective] }}>
        <span className="c-level-value" style={{ background: LEVEL_COLORS[effective] }}>{readiness.effective}</span>
        <span className="c-level-text">{t(`forces.readiness.cLevel.${readiness.effective}`)}</span>
        {readiness.override ? (
          <span className="small">{t('forces.readiness.overridden', { computed: readiness.computed })}</span>
        ) : (
          <span className="small muted">{t('forces.readiness.computedLevel')}</span>
        )}
      </div>
      <div className="gauges" role="list" aria-label={t('forces.readiness.pillarsLabel')}>
        {PILLAR_ORDER.map((pillar) => {
          const p = pillarOf(readiness, pillar);
          const ratio = p.numerator !== null && p.denominator !== null ? ` (${p.numerator}/${p.denominator})` : '';
          return (
            <div role="listitem" key={pillar}>
              <Gauge share={p.share} level={p.level} label={t(`forces.readiness.pillar.${pillar}`)} value={`${pillar}${p.level} ${percent(p.share)}${ratio}`} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
