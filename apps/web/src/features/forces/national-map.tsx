import type { Feature, FeatureCollection } from 'geojson';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCapabilityRow, TEquipmentGroup } from '@enlace/contracts';
import { MapView } from '../../app/map/map-view.tsx';
import type { MapOverlay } from '../../app/map/overlays.ts';
import { useResource } from '../../app/use-resource.ts';
import { getDepartmentGeometry, listDepartments } from './forces-api.ts';
import { LEVEL_COLORS, percent, type TDepartmentReadiness } from './readiness-view.ts';

const NO_DATA = '#9aa5b1';

/** Department boundaries, loaded once per page (25 simplified polygons). */
async function loadDepartmentShapes(signal: AbortSignal): Promise<FeatureCollection> {
  const { items } = await listDepartments(signal);
  const shapes = await Promise.all(items.map((d) => getDepartmentGeometry(d.ubigeo, signal).catch(() => null)));
  const features: Feature[] = [];
  for (const shape of shapes) {
    if (!shape?.geometry) continue;
    features.push({ type: 'Feature', properties: { ubigeo: shape.ubigeo, name: shape.name }, geometry: shape.geometry });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The national map: departments coloured by the level most of their units are at (grey: no units), and the units
 * that hold the selected equipment group as points. Clicking a department selects it.
 */
export function NationalMap({
  departments,
  capabilities,
  group,
  selected,
  onSelect,
}: {
  departments: readonly TDepartmentReadiness[];
  capabilities: readonly TCapabilityRow[];
  group: TEquipmentGroup;
  selected: string | null;
  onSelect: (department: string) => void;
}) {
  const { t } = useTranslation();
  const shapes = useResource('forces-department-shapes', loadDepartmentShapes);
  const overlays = useMemo((): MapOverlay[] => {
    const byDept = new Map(departments.map((d) => [d.department, d]));
    const areas: FeatureCollection = {
      type: 'FeatureCollection',
      features: (shapes.data?.features ?? []).map((f) => {
        const ubigeo = String(f.properties?.['ubigeo'] ?? '');
        const d = byDept.get(ubigeo);
        const level = d?.typicalLevel ?? null;
        const label = d && d.units > d.withoutResult ? `${String(f.properties?.['name'] ?? '')}\n${percent(d.readyShare)} C1-C2` : String(f.properties?.['name'] ?? '');
        return { ...f, properties: { ...f.properties, color: level ? LEVEL_COLORS[level] : NO_DATA, label } };
      }),
    };
    const points: FeatureCollection = {
      type: 'FeatureCollection',
      features: capabilities
        .filter((c) => c.lon !== null && c.lat !== null && (c.counts[group] ?? 0) > 0)
        .map((c) => ({
          type: 'Feature',
          properties: { unitId: c.unitId, label: `${c.unitName}: ${c.counts[group] ?? 0}` },
          geometry: { type: 'Point', coordinates: [c.lon as number, c.lat as number] },
        })),
    };
    const out: MapOverlay[] = [
      { id: 'readiness-departments', kind: 'area', data: areas, labelProperty: 'label', fillOpacity: 0.45, lineWidth: 1 },
      { id: 'readiness-capabilities', kind: 'point', data: points, labelProperty: 'label', labelMinZoom: 7, color: '#1d4e89', radius: 6 },
    ];
    if (selected) {
      out.push({
        id: 'readiness-selected',
        kind: 'line',
        interactive: false,
        data: { type: 'FeatureCollection', features: areas.features.filter((f) => f.properties?.['ubigeo'] === selected) },
        color: '#f0b429',
        lineWidth: 4,
      });
    }
    return out;
  }, [shapes.data, departments, capabilities, group, selected]);

  return (
    <div className="national-map">
      <MapView
        label={t('forces.national.mapLabel')}
        overlays={overlays}
        registryId="readiness"
        onFeatureClick={(hit) => {
          const ubigeo: unknown = hit.feature.properties?.['ubigeo'];
          if (hit.overlayId === 'readiness-departments' && typeof ubigeo === 'string') onSelect(ubigeo);
        }}
      >
        <div className="map-legend" aria-label={t('forces.national.legend')}>
          {[1, 2, 3, 4, 5].map((level) => (
            <span key={level}><i style={{ background: LEVEL_COLORS[level] }} /> C{level}</span>
          ))}
          <span><i style={{ background: NO_DATA }} /> {t('forces.national.noUnits')}</span>
          <span><i className="dot" /> {t(`forces.group.${group}`)}</span>
        </div>
      </MapView>
    </div>
  );
}
