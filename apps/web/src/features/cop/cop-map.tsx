import type { ExpressionSpecification, FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMA_BOUNDS } from '../../app/map/basemap-style.ts';
import { attachLiveSource, type LiveFeatureSet, type LiveSourceHandle } from '../../app/map/live-features.ts';
import { MapView, type MapFeatureHit } from '../../app/map/map-view.tsx';
import { overlayLayers, type MapOverlay } from '../../app/map/overlays.ts';
import { BASE_STATUS_COLORS } from './status-types.ts';
import type { TrackFilter } from './track-model.ts';

/** Source and layer ids of the live tracks (the e2e test and README refer to them). */
export const TRACK_SOURCE = 'cop-tracks';
export const TRACK_SYMBOL_LAYER = `${TRACK_SOURCE}:symbol`;
const TRACK_RING_LAYER = `${TRACK_SOURCE}:ring`;
const TRACK_DOT_LAYER = `${TRACK_SOURCE}:circle`;
/**
 * Below this zoom tracks are dots coloured by force: at national scale thousands of 2525 frames only overlap into
 * noise (and cost far more to place); from here on every track is its full symbol.
 */
export const SYMBOL_MIN_ZOOM = 7;

/** Force colours of the dots and the filter chips. */
export const FORCE_COLORS = {
  PNP: '#43c06b',
  EP: '#c9a46a',
  MGP: '#4dabf7',
  FAP: '#9fb1ff',
  CCFFAA: '#e599f7',
  none: '#adb5bd',
} as const;
const TRACK_SELECTED_LAYER = `${TRACK_SOURCE}:selected`;
const REPLAY_SOURCE = 'cop-replay';

export interface CopMapProps {
  tracks: LiveFeatureSet;
  /** Replay positions; when set, the live tracks are hidden and these are drawn instead. */
  replay: LiveFeatureSet | null;
  filter: TrackFilter;
  overlays: readonly MapOverlay[];
  selectedUid: string | null;
  onSelectTrack: (uid: string | null) => void;
  onSelectOverlayFeature: (hit: MapFeatureHit) => void;
  focus: [[number, number], [number, number]] | null;
  onMapReady?: (map: MapLibreMap) => void;
}

/** The filter of the track layers as a MapLibre expression (no data is re-sent when the operator filters). */
export function trackFilterExpression(filter: TrackFilter): FilterSpecification {
  const clauses: ExpressionSpecification[] = [['in', ['get', 'force'], ['literal', [...filter.forces]]]];
  if (filter.freshness === 'current') clauses.push(['!=', ['get', 'freshness'], 'stale']);
  if (filter.freshness === 'live') clauses.push(['==', ['get', 'freshness'], 'live']);
  return ['all', ...clauses] as FilterSpecification;
}

/** Stale tracks fade so a glance separates the current picture from last known positions. */
const OPACITY: ExpressionSpecification = ['match', ['get', 'freshness'], 'stale', 0.4, 'recent', 0.85, 1];

function addTrackLayers(map: MapLibreMap, sourceId: string, labelled: boolean): string[] {
  map.addSource(sourceId, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: `${sourceId}:circle`,
    type: 'circle',
    source: sourceId,
    maxzoom: SYMBOL_MIN_ZOOM,
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 2.2, 7, 3.5],
      'circle-color': ['match', ['get', 'force'], 'PNP', FORCE_COLORS.PNP, 'EP', FORCE_COLORS.EP, 'MGP', FORCE_COLORS.MGP, 'FAP', FORCE_COLORS.FAP, 'CCFFAA', FORCE_COLORS.CCFFAA, FORCE_COLORS.none],
      'circle-opacity': OPACITY,
      'circle-stroke-width': ['match', ['get', 'base'], ['emergency', 'engaged'], 1.5, 0],
      'circle-stroke-color': ['match', ['get', 'base'], 'emergency', BASE_STATUS_COLORS.emergency, BASE_STATUS_COLORS.engaged],
    },
  });
  // A status ring under units that need attention (emergency, engaged); the others stay uncluttered.
  map.addLayer({
    id: `${sourceId}:ring`,
    type: 'circle',
    source: sourceId,
    filter: ['in', ['get', 'base'], ['literal', ['emergency', 'engaged']]],
    minzoom: SYMBOL_MIN_ZOOM,
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 9, 13, 17],
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-width': 2.5,
      'circle-stroke-color': ['match', ['get', 'base'], 'emergency', BASE_STATUS_COLORS.emergency, BASE_STATUS_COLORS.engaged],
    },
  });
  for (const layer of overlayLayers({
    id: sourceId,
    kind: 'symbol',
    data: { type: 'FeatureCollection', features: [] },
    labelProperty: labelled ? 'callsign' : undefined,
    labelMinZoom: 12,
    opacity: OPACITY,
  })) {
    map.addLayer({ ...layer, minzoom: SYMBOL_MIN_ZOOM, layout: { ...(layer.layout as object), 'symbol-sort-key': ['get', 'rank'] } } as typeof layer);
  }
  return [`${sourceId}:circle`, `${sourceId}:ring`, `${sourceId}:symbol`];
}

/** The COP map: basemap, areas, incidents, live tracks as military symbols, replay. */
export function CopMap(props: CopMapProps) {
  const { t } = useTranslation();
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const liveHandle = useRef<LiveSourceHandle | null>(null);
  const latest = useRef(props);
  latest.current = props;

  const onReady = (instance: MapLibreMap): void => {
    addTrackLayers(instance, TRACK_SOURCE, true);
    instance.addLayer({
      id: TRACK_SELECTED_LAYER,
      type: 'circle',
      source: TRACK_SOURCE,
      filter: ['==', ['get', 'uid'], ''],
      paint: { 'circle-radius': 20, 'circle-color': 'rgba(255,255,255,0.06)', 'circle-stroke-width': 2, 'circle-stroke-color': '#ffffff' },
    }, TRACK_RING_LAYER);
    addTrackLayers(instance, REPLAY_SOURCE, true);
    liveHandle.current = attachLiveSource(instance, TRACK_SOURCE, latest.current.tracks);
    setMap(instance);
    latest.current.onMapReady?.(instance);
  };

  useEffect(() => () => liveHandle.current?.detach(), []);

  // Filters apply on the GPU side: no data is re-sent.
  const filter = props.filter;
  useEffect(() => {
    if (!map) return;
    const expression = trackFilterExpression(filter);
    map.setFilter(TRACK_SYMBOL_LAYER, expression);
    map.setFilter(TRACK_DOT_LAYER, expression);
    map.setFilter(TRACK_RING_LAYER, ['all', expression, ['in', ['get', 'base'], ['literal', ['emergency', 'engaged']]]] as FilterSpecification);
    const replayFilter = ['in', ['get', 'force'], ['literal', [...filter.forces]]] as FilterSpecification;
    map.setFilter(`${REPLAY_SOURCE}:symbol`, replayFilter);
    map.setFilter(`${REPLAY_SOURCE}:circle`, replayFilter);
  }, [map, filter]);

  useEffect(() => {
    if (map) map.setFilter(TRACK_SELECTED_LAYER, ['==', ['get', 'uid'], props.selectedUid ?? '']);
  }, [map, props.selectedUid]);

  // Replay: live layers hidden, replay source fed from the timeline.
  const replay = props.replay;
  useEffect(() => {
    if (!map) return;
    const live = replay ? 'none' : 'visible';
    for (const id of [TRACK_SYMBOL_LAYER, TRACK_DOT_LAYER, TRACK_RING_LAYER, TRACK_SELECTED_LAYER]) map.setLayoutProperty(id, 'visibility', live);
    for (const id of [`${REPLAY_SOURCE}:symbol`, `${REPLAY_SOURCE}:circle`, `${REPLAY_SOURCE}:ring`]) {
      map.setLayoutProperty(id, 'visibility', replay ? 'visible' : 'none');
    }
    if (!replay) return;
    const handle = attachLiveSource(map, REPLAY_SOURCE, replay);
    return () => handle.detach();
  }, [map, replay]);

  const onFeatureClick = (hit: MapFeatureHit): void => {
    const uid: unknown = hit.feature.properties['uid'];
    if (hit.overlayId === TRACK_SOURCE || hit.overlayId === REPLAY_SOURCE) props.onSelectTrack(typeof uid === 'string' ? uid : null);
    else props.onSelectOverlayFeature(hit);
  };

  // The track layers are managed here, not by MapView's overlays; list them for hit-testing as symbol overlays
  // without data (MapView only reads their ids).
  const trackHitOverlays: MapOverlay[] = [
    { id: TRACK_SOURCE, kind: 'symbol', data: EMPTY, interactive: true },
    { id: TRACK_SOURCE, kind: 'point', data: EMPTY, interactive: true },
    { id: REPLAY_SOURCE, kind: 'symbol', data: EMPTY, interactive: true },
    { id: REPLAY_SOURCE, kind: 'point', data: EMPTY, interactive: true },
  ];

  return (
    <MapView
      label={t('cop.mapLabel')}
      registryId="cop"
      initialBounds={LIMA_BOUNDS}
      overlays={props.overlays}
      hitTestOverlays={trackHitOverlays}
      fitBounds={props.focus}
      onReady={onReady}
      onFeatureClick={onFeatureClick}
      className="cop-map"
    />
  );
}

const EMPTY = { type: 'FeatureCollection' as const, features: [] };
