import type { FeatureCollection } from 'geojson';
import { Map as MapLibreMapClass, NavigationControl, ScaleControl } from 'maplibre-gl';
import type { LngLatBoundsLike, Map as MapLibreMap, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buildBasemapStyle, FIRST_LABEL_LAYER, LAZY_SOURCES, PERU_BOUNDS, basemapUrl } from './basemap-style.ts';
import { registerMap } from './map-registry.ts';
import './maplibre-worker.ts';
import './map-view.css';
import { installMilitarySymbols } from './military-symbols.ts';
import { overlayLayerIds, syncOverlays, type MapOverlay } from './overlays.ts';

/** A feature under the pointer, with the overlay it belongs to. */
export interface MapFeatureHit {
  overlayId: string;
  feature: MapGeoJSONFeature;
  lngLat: { lng: number; lat: number };
  /** Pixel position in the map's container (for a hover card). */
  point: { x: number; y: number };
}

export interface MapViewProps {
  /** Accessible name of the map region ("Mapa de la situación operativa"). */
  label: string;
  /** Areas, points and military symbols drawn over the basemap (see overlays.ts). */
  overlays?: readonly MapOverlay[];
  /**
   * Layers a caller adds itself (in `onReady`) that should still fire click and hover: described like overlays,
   * of which only `id` and `kind` are read (e.g. `{ id: 'tracks', kind: 'symbol', data: EMPTY }` for `tracks:symbol`).
   */
  hitTestOverlays?: readonly MapOverlay[];
  /** Where the map starts (default: all of Peru). */
  initialBounds?: LngLatBoundsLike;
  /** When set or changed, the map flies to these bounds. */
  fitBounds?: LngLatBoundsLike | null;
  onFeatureClick?: (hit: MapFeatureHit) => void;
  /** Called with the feature under the pointer, or null when it leaves interactive features. */
  onFeatureHover?: (hit: MapFeatureHit | null) => void;
  /** The MapLibre map once its style has loaded: for sources a caller manages itself (live tracks). */
  onReady?: (map: MapLibreMap) => void;
  /** Name under which the map is registered for diagnostics and browser tests (map-registry.ts). */
  registryId?: string;
  className?: string;
  /** Panels drawn over the map (legend, hover card); positioned by the caller's CSS. */
  children?: ReactNode;
}

/**
 * The Enlace map: MapLibre GL JS on the offline Peru basemap, with overlays from props and military symbols drawn on
 * demand. It never loads internet tiles. Usage and examples: README.md in this folder.
 */
export function MapView(props: MapViewProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [failed, setFailed] = useState(false);
  const applied = useRef(new Map<string, { key: string; data: FeatureCollection; layers: string[] }>());
  // Callbacks change every render; the map's listeners read the latest through this ref.
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let instance: MapLibreMap;
    try {
      instance = new MapLibreMapClass({
        container,
        style: buildBasemapStyle(),
        bounds: latest.current.initialBounds ?? PERU_BOUNDS,
        fitBoundsOptions: { padding: 24 },
        attributionControl: { compact: true, customAttribution: t('cop.map.attribution') },
        dragRotate: false,
        pitchWithRotate: false,
        maxZoom: 17,
        minZoom: 3,
        // A command post may print or capture the picture.
        canvasContextAttributes: { preserveDrawingBuffer: true },
      });
    } catch {
      // No WebGL (old browser, GPU blocked by policy): say so instead of a blank area.
      setFailed(true);
      return;
    }
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    instance.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    instance.touchZoomRotate.disableRotation();
    const uninstallSymbols = installMilitarySymbols(instance);

    // District files load when the user first zooms to their band.
    const pending = new Set(LAZY_SOURCES);
    const loadLazySources = (): void => {
      for (const lazy of pending) {
        if (instance.getZoom() < lazy.minzoom - 0.5) continue;
        const source = instance.getSource(lazy.id);
        if (source && 'setData' in source) {
          void (source as { setData: (url: string) => Promise<void> }).setData(basemapUrl(lazy.file));
          pending.delete(lazy);
        }
      }
    };
    instance.on('zoomend', loadLazySources);

    const unregister = registerMap(latest.current.registryId ?? 'map', instance);
    instance.on('load', () => {
      loadLazySources();
      setMap(instance);
      latest.current.onReady?.(instance);
    });
    return () => {
      unregister();
      uninstallSymbols();
      instance.remove();
      applied.current.clear();
      setMap(null);
    };
    // The map is created once; language changes update the attribution on the next mount only.
  }, []);

  // Overlays follow props.
  const overlays = props.overlays;
  useEffect(() => {
    if (map) syncOverlays(map, overlays ?? [], applied.current, FIRST_LABEL_LAYER);
  }, [map, overlays]);

  // Click and hover on interactive overlay layers.
  useEffect(() => {
    if (!map) return;
    const interactiveLayers = (): { layer: string; overlay: string }[] =>
      [...(latest.current.hitTestOverlays ?? []), ...(latest.current.overlays ?? [])]
        .filter((o) => o.interactive !== false && o.visible !== false)
        .flatMap((o) => overlayLayerIds(o).interactive.map((layer) => ({ layer, overlay: o.id })))
        .filter((l) => map.getLayer(l.layer));
    const hitAt = (event: MapMouseEvent): MapFeatureHit | null => {
      const layers = interactiveLayers();
      if (layers.length === 0) return null;
      // A few pixels of slack so small symbols are easy to hit.
      const { x, y } = event.point;
      const features = map.queryRenderedFeatures([[x - 4, y - 4], [x + 4, y + 4]], { layers: layers.map((l) => l.layer) });
      const feature = features[0];
      if (!feature) return null;
      const overlayId = layers.find((l) => l.layer === feature.layer.id)?.overlay ?? feature.layer.id;
      return { overlayId, feature, lngLat: { lng: event.lngLat.lng, lat: event.lngLat.lat }, point: { x, y } };
    };
    let frame = 0;
    let lastEvent: MapMouseEvent | null = null;
    let hovering = false;
    const onMove = (event: MapMouseEvent): void => {
      lastEvent = event;
      if (frame) return;
      // Hit-testing once per frame keeps the pointer smooth over 10,000 symbols.
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!lastEvent) return;
        const hit = hitAt(lastEvent);
        map.getCanvas().style.cursor = hit ? 'pointer' : '';
        if (hit || hovering) latest.current.onFeatureHover?.(hit);
        hovering = hit !== null;
      });
    };
    const onClick = (event: MapMouseEvent): void => {
      const hit = hitAt(event);
      if (hit) latest.current.onFeatureClick?.(hit);
    };
    const onLeave = (): void => {
      if (hovering) latest.current.onFeatureHover?.(null);
      hovering = false;
    };
    map.on('mousemove', onMove);
    map.on('click', onClick);
    map.getCanvas().addEventListener('mouseleave', onLeave);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      map.off('mousemove', onMove);
      map.off('click', onClick);
      map.getCanvas().removeEventListener('mouseleave', onLeave);
    };
  }, [map]);

  // Fit to bounds when asked.
  const fit = props.fitBounds;
  useEffect(() => {
    if (map && fit) map.fitBounds(fit, { padding: 48, maxZoom: 15, duration: 600 });
  }, [map, fit]);

  return (
    <div className={`map-view ${props.className ?? ''}`} role="region" aria-label={props.label}>
      <div ref={containerRef} className="map-view-canvas" data-testid="map-canvas" />
      {failed ? <p className="map-view-error" role="alert">{t('cop.map.noWebgl')}</p> : null}
      {props.children}
    </div>
  );
}
