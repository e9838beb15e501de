/**
 * Overlay layers of MapView: GeoJSON areas (fill + outline + optional label), points (circles) and military
 * symbols, each described by a plain object so React callers pass data, not MapLibre calls.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { LABEL_FONT, MAP_COLORS } from './basemap-style.ts';
import { symbolImageExpression } from './military-symbols.ts';

type Color = string | ExpressionSpecification;

interface OverlayBase {
  /** Unique among the map's overlays; also the source id. */
  id: string;
  data: FeatureCollection;
  /** Property shown as a label (areas: at the centre; points and symbols: beside them). */
  labelProperty?: string;
  /** Click and hover callbacks of MapView fire for this overlay. Default true. */
  interactive?: boolean;
  /** Only features matching this MapLibre filter are drawn. */
  filter?: FilterSpecification;
  /** Labels appear from this zoom (default 0). */
  labelMinZoom?: number;
  visible?: boolean;
}

/**
 * Polygons. Colours are CSS colours or MapLibre expressions; by default a feature's own `color` property wins over
 * `color` (so one overlay can hold areas of several kinds).
 */
export interface AreaOverlay extends OverlayBase {
  kind: 'area';
  color?: Color;
  fillOpacity?: number;
  lineWidth?: number;
  /** Dashed outline (planned or proposed areas). */
  dashed?: boolean;
}

export interface PointOverlay extends OverlayBase {
  kind: 'point';
  color?: Color;
  radius?: number;
}

/** Features carry a SIDC in `properties[sidcProperty]` (default `sidc`), drawn by military-symbols.ts. */
export interface SymbolOverlay extends OverlayBase {
  kind: 'symbol';
  sidcProperty?: string;
  /** Icon scale (1 = SYMBOL_SIZE px). Default grows with zoom from 0.55 to 1. */
  iconSize?: number | ExpressionSpecification;
  /** 0..1, or an expression (e.g. dim stale tracks). */
  opacity?: number | ExpressionSpecification;
}

/** Lines (routes, replay trails, axes of advance). */
export interface LineOverlay extends OverlayBase {
  kind: 'line';
  color?: Color;
  lineWidth?: number;
  dashed?: boolean;
  opacity?: number;
}

export type MapOverlay = AreaOverlay | PointOverlay | SymbolOverlay | LineOverlay;

const DEFAULT_COLOR = '#4cc3ff';

function featureColor(color: Color | undefined): ExpressionSpecification {
  return ['coalesce', ['get', 'color'], color ?? DEFAULT_COLOR] as ExpressionSpecification;
}

/** MapLibre layer ids of an overlay, bottom to top; the first ones are the interactive ones. */
export function overlayLayerIds(overlay: MapOverlay): { all: string[]; interactive: string[] } {
  const id = overlay.id;
  switch (overlay.kind) {
    case 'area':
      return { all: [`${id}:fill`, `${id}:line`, `${id}:label`], interactive: [`${id}:fill`] };
    case 'point':
      return { all: [`${id}:circle`, `${id}:label`], interactive: [`${id}:circle`] };
    case 'symbol':
      return { all: [`${id}:symbol`], interactive: [`${id}:symbol`] };
    case 'line':
      return { all: [`${id}:line`], interactive: [`${id}:line`] };
  }
}

const labelPaint = {
  'text-color': '#e6eef5',
  'text-halo-color': MAP_COLORS.labelHalo,
  'text-halo-width': 1.5,
} as const;

function withFilter<L extends LayerSpecification>(layer: L, filter: FilterSpecification | undefined): L {
  return filter ? { ...layer, filter } : layer;
}

/** The MapLibre layers that draw an overlay. */
export function overlayLayers(overlay: MapOverlay): LayerSpecification[] {
  const { id } = overlay;
  const visibility = overlay.visible === false ? 'none' : 'visible';
  const label = overlay.labelProperty;
  const labelMinZoom = overlay.labelMinZoom ?? 0;
  switch (overlay.kind) {
    case 'area': {
      const color = featureColor(overlay.color);
      const layers: LayerSpecification[] = [
        withFilter({ id: `${id}:fill`, type: 'fill', source: id, layout: { visibility }, paint: { 'fill-color': color, 'fill-opacity': overlay.fillOpacity ?? 0.18 } }, overlay.filter),
        withFilter(
          {
            id: `${id}:line`,
            type: 'line',
            source: id,
            layout: { visibility, 'line-join': 'round' },
            paint: { 'line-color': color, 'line-width': overlay.lineWidth ?? 2, ...(overlay.dashed ? { 'line-dasharray': [3, 2] } : {}) },
          },
          overlay.filter,
        ),
      ];
      if (label) {
        layers.push(
          withFilter(
            {
              id: `${id}:label`,
              type: 'symbol',
              source: id,
              minzoom: labelMinZoom,
              layout: { visibility, 'text-field': ['get', label], 'text-font': LABEL_FONT, 'text-size': 12, 'text-max-width': 10 },
              paint: { ...labelPaint, 'text-color': color },
            },
            overlay.filter,
          ),
        );
      }
      return layers;
    }
    case 'point': {
      const color = featureColor(overlay.color);
      const layers: LayerSpecification[] = [
        withFilter(
          {
            id: `${id}:circle`,
            type: 'circle',
            source: id,
            layout: { visibility },
            paint: {
              'circle-color': color,
              'circle-radius': overlay.radius ?? 6,
              'circle-stroke-color': MAP_COLORS.labelHalo,
              'circle-stroke-width': 1.5,
            },
          },
          overlay.filter,
        ),
      ];
      if (label) {
        layers.push(
          withFilter(
            {
              id: `${id}:label`,
              type: 'symbol',
              source: id,
              minzoom: labelMinZoom,
              layout: {
                visibility,
                'text-field': ['get', label],
                'text-font': LABEL_FONT,
                'text-size': 11,
                'text-anchor': 'left',
                'text-offset': [1, 0],
                'text-optional': true,
              },
              paint: labelPaint,
            },
            overlay.filter,
          ),
        );
      }
      return layers;
    }
    case 'line':
      return [
        withFilter(
          {
            id: `${id}:line`,
            type: 'line',
            source: id,
            layout: { visibility, 'line-join': 'round', 'line-cap': 'round' },
            paint: {
              'line-color': featureColor(overlay.color),
              'line-width': overlay.lineWidth ?? 2,
              'line-opacity': overlay.opacity ?? 0.9,
              ...(overlay.dashed ? { 'line-dasharray': [2, 2] } : {}),
            },
          },
          overlay.filter,
        ),
      ];
    case 'symbol': {
      const layout: Record<string, unknown> = {
        visibility,
        'icon-image': symbolImageExpression(overlay.sidcProperty ?? 'sidc'),
        'icon-size': overlay.iconSize ?? ['interpolate', ['linear'], ['zoom'], 5, 0.55, 10, 0.8, 13, 1],
        // Every track stays visible: an operations centre must never lose a unit to label collision.
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      };
      if (label) {
        Object.assign(layout, {
          'text-field': ['step', ['zoom'], '', labelMinZoom, ['get', label]],
          'text-font': LABEL_FONT,
          'text-size': 11,
          'text-anchor': 'top',
          'text-offset': [0, 1.3],
          'text-optional': true,
        });
      }
      return [
        withFilter(
          {
            id: `${id}:symbol`,
            type: 'symbol',
            source: id,
            layout: layout as never,
            paint: { ...labelPaint, 'icon-opacity': overlay.opacity ?? 1, 'text-opacity': overlay.opacity ?? 1 },
          },
          overlay.filter,
        ),
      ];
    }
  }
}

/** A stable key of everything but the data: when it changes, the overlay's layers are rebuilt. */
export function overlayStyleKey(overlay: MapOverlay): string {
  const { data: _data, ...style } = overlay;
  return JSON.stringify(style);
}

/**
 * Brings the map's overlays in line with `overlays`: new ones are added (areas under `areasBelow`, the basemap's
 * labels, so names stay readable; points and symbols on top), changed data is set, changed styles rebuilt, and
 * overlays no longer listed removed. `applied` remembers what was applied (id → key).
 */
export function syncOverlays(
  map: MapLibreMap,
  overlays: readonly MapOverlay[],
  applied: Map<string, { key: string; data: FeatureCollection; layers: string[] }>,
  areasBelow: string | undefined,
): void {
  const wanted = new Set(overlays.map((o) => o.id));
  for (const [id, state] of applied) {
    if (wanted.has(id)) continue;
    for (const layer of state.layers) if (map.getLayer(layer)) map.removeLayer(layer);
    if (map.getSource(id)) map.removeSource(id);
    applied.delete(id);
  }
  for (const overlay of overlays) {
    const key = overlayStyleKey(overlay);
    const state = applied.get(overlay.id);
    if (state && state.key === key) {
      if (state.data !== overlay.data) {
        const source = map.getSource(overlay.id);
        if (source && 'setData' in source) void (source as { setData: (d: FeatureCollection) => Promise<void> }).setData(overlay.data);
        state.data = overlay.data;
      }
      continue;
    }
    if (state) for (const layer of state.layers) if (map.getLayer(layer)) map.removeLayer(layer);
    if (!map.getSource(overlay.id)) map.addSource(overlay.id, { type: 'geojson', data: overlay.data });
    else if (state?.data !== overlay.data) {
      const source = map.getSource(overlay.id);
      if (source && 'setData' in source) void (source as { setData: (d: FeatureCollection) => Promise<void> }).setData(overlay.data);
    }
    const layers = overlayLayers(overlay);
    const before = overlay.kind === 'area' && areasBelow && map.getLayer(areasBelow) ? areasBelow : undefined;
    for (const layer of layers) map.addLayer(layer, before);
    applied.set(overlay.id, { key, data: overlay.data, layers: layers.map((l) => l.id) });
  }
}
