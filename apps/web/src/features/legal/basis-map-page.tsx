import type { Feature, FeatureCollection } from 'geojson';
import type { LngLatBoundsLike } from 'maplibre-gl';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PICTURE_COLORS, ZAreaGeometry } from '@enlace/contracts';
import type { TLegalScenario } from '@enlace/rules';
import { apiRequest, errorMessage } from '../../app/api.ts';
import { LIMA_BOUNDS } from '../../app/map/basemap-style.ts';
import { MapView } from '../../app/map/map-view.tsx';
import type { MapOverlay } from '../../app/map/overlays.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { effectiveArea, isBasis, limaToday, validityOn } from './instrument-model.ts';
import { expiryAlertDays, listAllInstruments, type TInstrumentRecord } from './legal-api.ts';
import { LegalTabs } from './legal-tabs.tsx';
import './legal.css';

/** One colour per legal scenario (S1 to S4), so the legend reads the same on every screen and on the phones. */
export const SCENARIO_COLORS: Readonly<Record<TLegalScenario | 'NONE', string>> = { ...PICTURE_COLORS.scenario, NONE: PICTURE_COLORS.noScenario };

interface BasisArea {
  instrument: TInstrumentRecord;
  color: string;
  features: Feature[];
  unresolved: string[];
}

/** The bases in force today and the geometry of each one's area (UBIGEO boundaries from /geo, polygons as stored). */
async function loadBasisAreas(signal: AbortSignal): Promise<{ today: string; areas: BasisArea[]; alertDays: number }> {
  const [instruments, alertDays] = await Promise.all([listAllInstruments(signal), expiryAlertDays(signal)]);
  const today = limaToday();
  const byId = new Map(instruments.map((i) => [i.id, i]));
  const inForce = instruments.filter((i) => isBasis(i) && !i.exercise && validityOn(i, today) === 'in_force');
  const geometries = new Map<string, Promise<Feature['geometry'] | null>>();
  const boundary = (code: string): Promise<Feature['geometry'] | null> => {
    let pending = geometries.get(code);
    if (!pending) {
      pending = apiRequest(`/geo/areas/${encodeURIComponent(code)}/geometry`, ZAreaGeometry, { query: { tolerance: 0.0005 }, signal })
        .then((a) => a.geometry as Feature['geometry'] | null)
        .catch(() => null);
      geometries.set(code, pending);
    }
    return pending;
  };
  const areas = await Promise.all(inForce.map(async (instrument): Promise<BasisArea> => {
    const area = effectiveArea(instrument, byId);
    const root = instrument.extends ? byId.get(instrument.extends) : undefined;
    const scenario = instrument.scenario ?? root?.scenario;
    const color = SCENARIO_COLORS[scenario ?? 'NONE'];
    const properties = { label: instrument.number ?? instrument.id, color, instrument: instrument.id };
    const features: Feature[] = [];
    const unresolved: string[] = [];
    for (const code of area?.ubigeo ?? []) {
      const geometry = await boundary(code);
      if (geometry) features.push({ type: 'Feature', properties: { ...properties, ubigeo: code }, geometry });
      else unresolved.push(code);
    }
    if (area?.geometry) features.push({ type: 'Feature', properties, geometry: area.geometry });
    return { instrument, color, features, unresolved };
  }));
  return { today, areas, alertDays };
}

/** Bounds of every position of the features, or null when there is none. */
function boundsOf(features: readonly Feature[]): LngLatBoundsLike | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      x0 = Math.min(x0, c[0]); x1 = Math.max(x1, c[0]); y0 = Math.min(y0, c[1]); y1 = Math.max(y1, c[1]);
    } else if (Array.isArray(c)) for (const inner of c) visit(inner);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return Number.isFinite(x0) ? [[x0, y0], [x1, y1]] : null;
}

/** The areas under each legal basis in force today, on the offline map, with a legend by instrument. */
export function BasisMapPage() {
  const { t } = useTranslation();
  const loaded = useResource('legal-basis-map', loadBasisAreas);
  const [selected, setSelected] = useState<string | null>(null);
  const chosen = loaded.data?.areas.find((a) => a.instrument.id === selected)?.instrument;
  const features = loaded.data?.areas.flatMap((a) => a.features) ?? [];
  const data: FeatureCollection = { type: 'FeatureCollection', features };
  const overlays: MapOverlay[] = [{ id: 'legal-bases', kind: 'area', data, labelProperty: 'label', fillOpacity: 0.25, lineWidth: 2 }];
  const unresolved = loaded.data?.areas.flatMap((a) => a.unresolved) ?? [];
  return (
    <section>
      <PageHeader title={t('legal.map.title')}>
        <p className="muted">{t('legal.map.intro')}</p>
      </PageHeader>
      <LegalTabs />
      {loaded.error !== null && <Alert kind="error">{errorMessage(loaded.error)}</Alert>}
      {loaded.loading && !loaded.data && <Loading />}
      {loaded.data && (
        <div className="basis-map-layout">
          <MapView
            label={t('legal.map.mapLabel')}
            overlays={overlays}
            initialBounds={boundsOf(features) ?? LIMA_BOUNDS}
            registryId="legal-basis-map"
            className="basis-map"
            onFeatureClick={(hit) => {
              const id: unknown = hit.feature.properties['instrument'];
              setSelected(typeof id === 'string' ? id : null);
            }}
          />
          <aside className="card basis-legend" aria-labelledby="basis-legend-title">
            <h2 id="basis-legend-title">{t('legal.map.legend', { day: loaded.data.today })}</h2>
            {loaded.data.areas.length === 0 ? (
              <p className="empty">{t('legal.map.empty')}</p>
            ) : (
              <ul>
                {loaded.data.areas.map((a) => (
                  <li key={a.instrument.id}>
                    <span className="legend-swatch" style={{ background: a.color }} aria-hidden="true" />
                    <button type="button" className="link-button" aria-pressed={selected === a.instrument.id} onClick={() => { setSelected(a.instrument.id); }}>
                      {a.instrument.number ?? a.instrument.id}
                    </button>{' '}
                    <span className="muted small">
                      {t(`legal.kind.${a.instrument.kind}`)} · {a.instrument.validFrom} – {a.instrument.validTo}
                      {a.features.length === 0 && ` · ${t('legal.map.noArea')}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {chosen && (
              <dl className="details basis-selected" aria-live="polite">
                <div className="details-row"><dt>{t('legal.registry.number')}</dt><dd>{chosen.number ?? chosen.id}</dd></div>
                {chosen.title && <div className="details-row"><dt>{t('legal.map.titleLabel')}</dt><dd>{chosen.title}</dd></div>}
                <div className="details-row"><dt>{t('legal.registry.period')}</dt><dd>{chosen.validFrom} – {chosen.validTo}</dd></div>
                <div className="details-row"><dt>{t('legal.registry.control')}</dt><dd>{chosen.controlAuthority ?? '—'}</dd></div>
                <div className="details-row"><dt>{t('legal.map.coordinator')}</dt><dd>{chosen.pnpCoordinatingAuthority ?? '—'}</dd></div>
              </dl>
            )}
            {unresolved.length > 0 && <p className="small muted">{t('legal.map.unresolved', { codes: [...new Set(unresolved)].join(', ') })}</p>}
          </aside>
        </div>
      )}
    </section>
  );
}
