import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { THotspotResult } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { MapView } from '../../app/map/map-view.tsx';
import type { MapOverlay } from '../../app/map/overlays.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { buildHotspot, downloadHotspot } from './analysis-api.ts';
import { ScopeFields, scopeValid, type ScopeForm } from './analysis-form.tsx';
import { PrintReportButton, ReportHeader, type ReportInfo } from './analysis-report.tsx';
import { cellBounds, colouredCells, defaultRadius, toScope, topCells } from './analysis-view.ts';
import { aggregateCells, cellsLatitude, displayFactor } from './display-cells.ts';

const LIMA: [[number, number], [number, number]] = [[-77.2, -12.4], [-76.7, -11.7]];

type HotspotRequest = Parameters<typeof buildHotspot>[0];

/** The legend: the API's classes, the cell size and, when zoomed out, the size of the blocks cells are merged into. */
function HotspotLegend({ result, factor, lang }: { result: THotspotResult; factor: number; lang: 'es' | 'en' }) {
  const { t } = useTranslation();
  const size = result.parameters.cellSize;
  return (
    <>
      {result.legend.map((entry) => (
        <div key={entry.value}><span className="swatch" style={{ background: entry.color }} /> {entry.label[lang]}</div>
      ))}
      <div className="analysis-legend-note">{t('analysis.hotspot.cellNote', { size })}</div>
      {factor > 1 && <div className="analysis-legend-note">{t('analysis.hotspot.blockNote', { size: size * factor })}</div>}
    </>
  );
}

/** The strongest hot cells with their centres: where a patrol plan would start. */
function TopCellsTable({ result, lang }: { result: THotspotResult; lang: 'es' | 'en' }) {
  const { t } = useTranslation();
  const rows = topCells(result);
  if (rows.length === 0) return null;
  const labels = new Map(result.legend.map((l) => [l.value, l]));
  return (
    <table className="analysis-table">
      <caption>{t('analysis.hotspot.topCaption', { count: rows.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('analysis.hotspot.centre')}</th>
          <th scope="col">{t('analysis.hotspot.incidents')}</th>
          <th scope="col">{result.method === 'gi' ? 'z (Gi*)' : t('analysis.hotspot.density')}</th>
          <th scope="col">{t('analysis.hotspot.class')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.lat},${row.lon}`}>
            <th scope="row">{row.lat.toFixed(5)}, {row.lon.toFixed(5)}</th>
            <td>{row.count}</td>
            <td>{row.value.toFixed(result.method === 'gi' ? 2 : 1)}</td>
            <td><span className="swatch" style={{ background: labels.get(row.legendValue)?.color }} /> {labels.get(row.legendValue)?.label[lang]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Hot spots: the form, the map of the result grid with its legend, the API's explanation, exports and report. */
export function HotspotTab({ scope, onScope }: { scope: ScopeForm; onScope: (s: ScopeForm) => void }) {
  const { t, i18n } = useTranslation();
  const [method, setMethod] = useState<'kde' | 'gi'>('gi');
  const [cellSize, setCellSize] = useState('100');
  const [radius, setRadius] = useState('');
  const [result, setResult] = useState<THotspotResult>();
  const [ran, setRan] = useState<{ request: HotspotRequest; report: ReportInfo }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [zoom, setZoom] = useState(10);
  const [snapshot, setSnapshot] = useState<string | null>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const snapshotRef = useRef<HTMLImageElement>(null);
  const hasResult = useRef(false);
  const lang = i18n.language.startsWith('en') ? 'en' : 'es';

  const run = () => {
    const request: HotspotRequest = {
      scope: toScope(scope),
      method,
      cellSize: Number(cellSize) || 100,
      radius: Number(radius) || defaultRadius(method),
      language: lang,
    };
    setBusy(true);
    setError(null);
    buildHotspot(request).then((r) => {
      hasResult.current = true;
      setResult(r);
      setRan({
        request,
        report: {
          tool: 'hotspot',
          scope,
          parameters: [
            { label: t('analysis.hotspot.method'), value: t(r.method === 'gi' ? 'analysis.hotspot.gi' : 'analysis.hotspot.kde') },
            { label: t('analysis.hotspot.cellSize'), value: String(r.parameters.cellSize) },
            { label: t('analysis.hotspot.radius'), value: String(r.parameters.radius) },
            ...(r.method === 'gi' ? [{ label: 'FDR', value: t(r.parameters.fdr ? 'analysis.report.yes' : 'analysis.report.no') }] : []),
          ],
          counts: [
            { label: t('analysis.report.incidents'), value: String(r.incidents) },
            { label: t('analysis.report.cells'), value: String(r.cells.features.length) },
          ],
          method: r.method === 'gi' ? `${t('analysis.hotspot.aboutGi')} ${t('analysis.hotspot.aboutGiArea')}` : t('analysis.hotspot.aboutKde'),
          generatedAt: new Date().toISOString(),
        },
      });
    }, setError).finally(() => { setBusy(false); });
  };
  // Exports repeat the request that drew the map, not whatever the form says now.
  const download = (format: 'csv' | 'geojson') => { if (ran) downloadHotspot(ran.request, format).catch(setError); };

  // The map prints as a still image taken when printing starts (button or the browser's own print command):
  // preserveDrawingBuffer is on in MapView, so the last frame is still in the canvas.
  const capture = useCallback(() => {
    const map = mapRef.current;
    if (map && hasResult.current) flushSync(() => { setSnapshot(map.getCanvas().toDataURL('image/png')); });
  }, []);
  const prepareReport = useCallback(async () => {
    capture();
    await snapshotRef.current?.decode().catch(() => undefined);
  }, [capture]);
  useEffect(() => {
    window.addEventListener('beforeprint', capture);
    return () => { window.removeEventListener('beforeprint', capture); };
  }, [capture]);
  const onReady = useCallback((map: MapLibreMap) => {
    mapRef.current = map;
    setZoom(map.getZoom());
    map.on('zoomend', () => { setZoom(map.getZoom()); });
  }, []);

  const cells = useMemo(() => (result ? colouredCells(result) : null), [result]);
  const factor = result && cells ? displayFactor(result.parameters.cellSize, zoom, cellsLatitude(cells)) : 1;
  const shown = useMemo(() => (cells ? aggregateCells(cells, factor) : null), [cells, factor]);
  const overlays: MapOverlay[] = useMemo(
    () => (shown ? [{ id: 'hotspot-cells', kind: 'area', data: shown, fillOpacity: 0.7, lineWidth: 1, interactive: false }] : []),
    [shown],
  );

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
        {ran && <ReportHeader info={ran.report} />}
        {error !== null && <Alert kind="error">{errorMessage(error)}</Alert>}
        <p className="analysis-explanation">{result ? result.explanation[lang] : method === 'gi' ? `${t('analysis.hotspot.aboutGi')} ${t('analysis.hotspot.aboutGiArea')}` : t('analysis.hotspot.aboutKde')}</p>
        {result && (
          <p className="analysis-actions">
            {t('analysis.hotspot.summary', { incidents: result.incidents, cells: result.cells.features.length, ms: Math.round(result.timings.loadMs + result.timings.computeMs) })}
            {result.truncated && ` ${t('analysis.hotspot.truncated')}`}{' '}
            <button type="button" className="button" onClick={() => { download('csv'); }}>{t('analysis.exportCsv')}</button>{' '}
            <button type="button" className="button" onClick={() => { download('geojson'); }}>{t('analysis.exportGeoJson')}</button>{' '}
            <PrintReportButton prepare={prepareReport} />
          </p>
        )}
        <MapView
          label={t('analysis.hotspot.mapLabel')}
          registryId="analysis-hotspot"
          className="analysis-map"
          overlays={overlays}
          initialBounds={LIMA}
          fitBounds={cells ? cellBounds(cells) : null}
          onReady={onReady}
        >
          {result && (
            <div className="analysis-legend" aria-label={t('analysis.hotspot.legend')}>
              <HotspotLegend result={result} factor={factor} lang={lang} />
            </div>
          )}
        </MapView>
        {result && (
          <figure className="analysis-print-figure print-only">
            {snapshot && <img ref={snapshotRef} className="analysis-snapshot" src={snapshot} alt={t('analysis.hotspot.mapLabel')} />}
            <figcaption className="analysis-print-legend">
              <strong>{t('analysis.hotspot.legend')}</strong>
              <HotspotLegend result={result} factor={factor} lang={lang} />
            </figcaption>
          </figure>
        )}
        {result && <TopCellsTable result={result} lang={lang} />}
      </div>
    </div>
  );
}
