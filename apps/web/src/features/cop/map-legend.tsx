import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { FORCES, PICTURE_COLORS } from '@enlace/contracts';
import { FORCE_COLORS } from './cop-map.tsx';
import { BASE_STATUS_COLORS } from './status-types.ts';

export interface MapLegendProps {
  /** Null when the layer is not available to this user (no permission). */
  showLegal: boolean | null;
  onToggleLegal: () => void;
  /** Lawful task areas (stored evaluations that allowed a unit's task). */
  showTasks: boolean | null;
  onToggleTasks: () => void;
  showAreas: boolean | null;
  showIncidents: boolean | null;
  /** How many of the period's incidents the layer holds, when it could not hold them all (the newest are kept). */
  incidentsCapped?: { shown: number; total: number } | null | undefined;
  onToggleAreas: () => void;
  onToggleIncidents: () => void;
}

const SCENARIOS = Object.keys(PICTURE_COLORS.scenario) as (keyof typeof PICTURE_COLORS.scenario)[];

/** A legend swatch drawn as the map draws an area of that colour: its outline and a light fill. */
function areaSwatch(color: string, dashed = false): CSSProperties {
  return { border: `2px ${dashed ? 'dashed' : 'solid'} ${color}`, background: `${color}1f` };
}

/** Layers and legend, over the map's top-left corner; collapsible so it never hides the picture for long. */
export function MapLegend({ showLegal, onToggleLegal, showTasks, onToggleTasks, showAreas, showIncidents, incidentsCapped, onToggleAreas, onToggleIncidents }: MapLegendProps) {
  const { t } = useTranslation();
  return (
    <details className="cop-legend" open>
      <summary>{t('cop.layers.label')}</summary>
      <fieldset className="cop-legend-layers">
        <legend className="visually-hidden">{t('cop.layers.label')}</legend>
        {showLegal !== null ? (
          <>
            <label><input type="checkbox" checked={showLegal} onChange={onToggleLegal} /> <span className="cop-swatch cop-swatch-legal" aria-hidden="true" />{t('cop.layers.legalAreas')}</label>
            {/* A legal area is drawn in its scenario's colour: the key to all four (and grey without a scenario). */}
            <ul className="cop-legend-scenarios" aria-label={t('cop.layers.scenarioColors')}>
              {SCENARIOS.map((s) => (
                <li key={s}>
                  <span className="cop-swatch" style={areaSwatch(PICTURE_COLORS.scenario[s])} aria-hidden="true" />
                  {t(`legal.scenarioName.${s}`)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {showTasks !== null ? (
          <label><input type="checkbox" checked={showTasks} onChange={onToggleTasks} /> <span className="cop-swatch" style={areaSwatch(PICTURE_COLORS.taskArea, true)} aria-hidden="true" />{t('cop.layers.taskAreas')}</label>
        ) : null}
        {showAreas !== null ? (
          <label><input type="checkbox" checked={showAreas} onChange={onToggleAreas} /> <span className="cop-swatch cop-swatch-area" aria-hidden="true" />{t('cop.layers.geofences')}</label>
        ) : null}
        {showIncidents !== null ? (
          <>
            <label><input type="checkbox" checked={showIncidents} onChange={onToggleIncidents} /> <span className="cop-swatch cop-swatch-incident" aria-hidden="true" />{t('cop.layers.incidents')}</label>
            {incidentsCapped ? <p className="cop-muted small">{t('cop.layers.incidentsCapped', { shown: incidentsCapped.shown.toLocaleString(), total: incidentsCapped.total.toLocaleString() })}</p> : null}
          </>
        ) : null}
      </fieldset>
      <ul className="cop-legend-items">
        <li><span className="cop-swatch cop-swatch-ring" style={{ borderColor: BASE_STATUS_COLORS.emergency }} aria-hidden="true" />{t('cop.base.emergency')}</li>
        <li><span className="cop-swatch cop-swatch-ring" style={{ borderColor: BASE_STATUS_COLORS.engaged }} aria-hidden="true" />{t('cop.base.engaged')}</li>
        <li><span className="cop-swatch cop-swatch-stale" aria-hidden="true" />{t('cop.freshness.stale')}</li>
      </ul>
      <ul className="cop-legend-items cop-legend-forces" aria-label={t('cop.layers.dots')} title={t('cop.layers.dots')}>
        {FORCES.map((force) => (
          <li key={force}><span className="cop-dot" style={{ background: FORCE_COLORS[force] }} aria-hidden="true" />{force}</li>
        ))}
      </ul>
    </details>
  );
}
