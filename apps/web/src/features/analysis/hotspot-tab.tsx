import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { THotspotResult } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { MapView } from '../../app/map/map-view.tsx';
import type { MapOverlay } from '../../app/map/overlays.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { buildHotspot, downloadHotspot } from './analysis-api.ts';
import { ScopeFields, scopeValid, type ScopeForm } from './analysis-form.tsx';
import { cellBounds, colouredCells, defaultRadius, toScope } from './analysis-view.ts';

const LIMA: [[number, number], [number, number]] = [[-77.2, -12.4], [-76.7, -11.7]];

/** Hot spots: the form, the map of the result grid with its legend, the API's explanation and the exports. */
export function HotspotTab({ scope, onScope }: { scope: ScopeForm; onScope: (s: ScopeForm) => void }) {
  const { t, i18n } = useTranslation();
  const [method, setMethod] = useState<'kde' | 'gi'>('gi');
  const [cellSize, setCellSize] = useState('100');
  const [radius, setRadius] = useState('');
  const [result, setResult] = useState<THotspotResult>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const lang = i18n.language.startsWith('en') ? 'en' : 'es';

  const request = () => ({
    scope: toScope(scope),
    method,
    cellSize: Number(cellSize) || 100,
    radius: Number(radius) || defaultRadius(method),
    language: lang,
  } as const);

  const run = () => {
    setBusy(true);
    setError(null);
    buildHotspot(request()).then(setResult, setError).finally(() => { setBusy(false); });
  };
  const download = (format: 'csv' | 'geojson') => { downloadHotspot(request(), format).catch(setError); };

  const cells = useMemo(() => (result ? colouredCells(result) : null), [result]);
  const overlays: MapOverlay[] = cells ? [{ id: 'hotspot-cells', kind: 'area', data: cells, fillOpacity: 0.65, lineWidth: 0, interactive: false }] : [];

  return (
    <div className="analysis-layout">
      <form className="analysis-form" onSubmit={(e) => { e.preventDefault(); run(); }}>
        <ScopeFields value={scope} onChange={onScope} />
        <SelectField
          label={t('analysis.hotspot.method')}
          value={method}
          options={[{ value: 'gi', label: t('analysis.hotspot.gi') }, { value: 'kde', label: t('analysis.hotspot.kde') }]}
          onValueChange={(v) => { setMethod(v === 'kde' ? 'kde' : 'gi'); }}
        />
        <TextField type="number" min={10} max={5000} label={t('analysis.hotspot.cellSize')} value={cellSize} onValueChange={setCellSize} />
        <TextField
          type="number"
          min={10}
          max={20000}
          label={t('analysis.hotspot.radius')}
          hint={t('analysis.hotspot.radiusHint', { value: defaultRadius(method) })}
          placeholder={String(defaultRadius(method))}
          value={radius}
          onValueChange={setRadius}
        />
        <button type="submit" className="button button-primary" disabled={busy || !scopeValid(scope)}>{t('analysis.run')}</button>
      </form>
      <div className="analysis-result">
        {error !== null && <Alert kind="error">{errorMessage(error)}</Alert>}
        <p className="analysis-explanation">{result ? result.explanation[lang] : t(method === 'gi' ? 'analysis.hotspot.aboutGi' : 'analysis.hotspot.aboutKde')}</p>
        {result && (
          <p>
            {t('analysis.hotspot.summary', { incidents: result.incidents, cells: result.cells.features.length, ms: Math.round(result.timings.loadMs + result.timings.computeMs) })}
            {result.truncated && ` ${t('analysis.hotspot.truncated')}`}{' '}
            <button type="button" className="button" onClick={() => { download('csv'); }}>{t('analysis.exportCsv')}</button>{' '}
            <button type="button" className="button" onClick={() => { download('geojson'); }}>{t('analysis.exportGeoJson')}</button>{' '}
            <button type="button" className="button" onClick={() => { window.print(); }}>{t('analysis.print')}</button>
          </p>
        )}
        <MapView
          label={t('analysis.hotspot.mapLabel')}
          registryId="analysis-hotspot"
          className="analysis-map"
          overlays={overlays}
          initialBounds={LIMA}
          fitBounds={cells ? cellBounds(cells) : null}
        >
          {result && (
            <div className="analysis-legend" aria-label={t('analysis.hotspot.legend')}>
              {result.legend.map((entry) => (
                <div key={entry.value}><span className="swatch" style={{ background: entry.color }} /> {entry.label[lang]}</div>
              ))}
            </div>
          )}
        </MapView>
      </div>
    </div>
  );
}
