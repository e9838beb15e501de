/**
 * The offline basemap style: Peru's departments, provinces and districts (Lima and Callao in IGN detail) with their
 * names, in a dark operations-centre theme. Every source is a file the Enlace server serves from `/basemap/`
 * (built by `tools/build-basemap.ts`); nothing is fetched from the internet.
 *
 * Labels: the style has no `glyphs` URL on purpose. Without one, MapLibre GL JS (v6) draws every glyph locally with
 * TinySDF from the browser's own fonts (the `text-font` stack is used as a CSS font-family list), so names render
 * offline with no font files to build or ship, in any script, and with Spanish accents (Ñ, á) that a hand-made glyph
 * subset could miss. The stack ends in `sans-serif`, which every browser has.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';

/** Where the server serves the basemap (Vite copies `apps/web/public/basemap` into `dist/basemap`). */
export const BASEMAP_PATH = '/basemap/';

/** Peru's bounding box [west, south, east, north]. */
export const PERU_BOUNDS: [[number, number], [number, number]] = [[-81.4, -18.4], [-68.6, -0.0]];
/** Lima Metropolitana and Callao. */
export const LIMA_BOUNDS: [[number, number], [number, number]] = [[-77.25, -12.45], [-76.7, -11.7]];

/** Font stack for labels (CSS families, drawn locally; see the module comment). */
export const LABEL_FONT = ['Noto Sans', 'DejaVu Sans', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'sans-serif'];
const LABEL_FONT_BOLD = ['Noto Sans Bold', 'DejaVu Sans Bold', 'Segoe UI Bold', 'Arial Bold', 'sans-serif'];

/** The palette, shared with the map's CSS and overlays so panels and map match. */
export const MAP_COLORS = {
  outside: '#0a1017',
  land: '#152029',
  landLima: '#18242e',
  outline: '#7d98b0',
  department: '#4f6980',
  province: '#34495c',
  district: '#293a49',
  districtLima: '#33485a',
  labelDepartment: '#a9bccd',
  labelProvince: '#8296a9',
  labelDistrict: '#9cb0c2',
  labelHalo: '#0a1017',
  labelSea: '#3f6079',
  labelCountry: '#566878',
} as const;

/** Sources loaded only when the user first zooms to `minzoom` (half a megabyte or more each). */
export const LAZY_SOURCES: readonly { id: string; file: string; minzoom: number }[] = [
  { id: 'basemap-districts', file: 'districts.geojson', minzoom: 7.5 },
  { id: 'basemap-lima-callao', file: 'lima-callao.geojson', minzoom: 7.5 },
  { id: 'basemap-lima-callao-outline', file: 'lima-callao-outline.geojson', minzoom: 7.5 },
  { id: 'basemap-labels-local', file: 'labels-local.geojson', minzoom: 8.5 },
];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Absolute URL of a basemap file (MapLibre's worker cannot resolve a path without the origin). */
export function basemapUrl(file: string, origin = window.location.origin): string {
  return new URL(`${BASEMAP_PATH}${file}`, origin).href;
}

function geojson(data: string | FeatureCollection): SourceSpecification {
  // Small tolerance and buffer: the files are already simplified for their zoom band.
  return { type: 'geojson', data, tolerance: 0.2, buffer: 64 };
}

const byLevel = (level: string): ExpressionSpecification => ['==', ['get', 'level'], level];

/** Zoom from which Lima and Callao are drawn from the detailed IGN boundaries only. */
const IGN_ZOOM = 8;
/** INEI departments and provinces whose coarse lines give way to the IGN outline from IGN_ZOOM. */
const notIgn = (codes: string[]): ExpressionSpecification => ['!', ['in', ['get', 'ubigeo'], ['literal', codes]]];

/** The basemap style. Overlays and tracks are added on top of it by MapView and its callers. */
export function buildBasemapStyle(origin = window.location.origin): StyleSpecification {
  const url = (file: string) => basemapUrl(file, origin);
  const sources: Record<string, SourceSpecification> = {
    'basemap-outline': geojson(url('peru-outline.geojson')),
    'basemap-departments': geojson(url('departments.geojson')),
    'basemap-provinces-national': geojson(url('national-provinces.geojson')),
    'basemap-provinces': geojson(url('provinces.geojson')),
    'basemap-labels-national': geojson(url('labels-national.geojson')),
  };
  for (const lazy of LAZY_SOURCES) sources[lazy.id] = geojson(EMPTY);

  const layers: LayerSpecification[] = [
    { id: 'bm-background', type: 'background', paint: { 'background-color': MAP_COLORS.outside } },
    {
      id: 'bm-land',
      type: 'fill',
      source: 'basemap-departments',
      paint: { 'fill-color': MAP_COLORS.land, 'fill-antialias': false },
    },
    {
      id: 'bm-lima-land',
      type: 'fill',
      source: 'basemap-lima-callao',
      minzoom: 8,
      paint: { 'fill-color': MAP_COLORS.landLima, 'fill-antialias': false },
    },
    {
      id: 'bm-districts-line',
      type: 'line',
      source: 'basemap-districts',
      minzoom: 8,
      paint: {
        'line-color': MAP_COLORS.district,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.4, 12, 1],
      },
    },
    {
      id: 'bm-lima-line',
      type: 'line',
      source: 'basemap-lima-callao',
      minzoom: 8,
      paint: {
        'line-color': MAP_COLORS.districtLima,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 12, 1.2, 15, 2],
      },
    },
    {
      id: 'bm-provinces-national-line',
      type: 'line',
      source: 'basemap-provinces-national',
      minzoom: 5,
      maxzoom: 6.5,
      paint: { 'line-color': MAP_COLORS.province, 'line-width': 0.6 },
    },
    ...(['bm-provinces-line', 'bm-provinces-line-detail'] as const).map(
      (id): LayerSpecification => ({
        id,
        type: 'line',
        source: 'basemap-provinces',
        ...(id === 'bm-provinces-line' ? { minzoom: 6.5, maxzoom: IGN_ZOOM } : { minzoom: IGN_ZOOM, filter: notIgn(['0701', '1501']) }),
        paint: {
          'line-color': MAP_COLORS.province,
          'line-width': ['interpolate', ['linear'], ['zoom'], 6.5, 0.7, 10, 1.4],
          'line-dasharray': [4, 2],
        },
      }),
    ),
    ...(['bm-departments-line', 'bm-departments-line-detail'] as const).map(
      (id): LayerSpecification => ({
        id,
        type: 'line',
        source: 'basemap-departments',
        ...(id === 'bm-departments-line' ? { maxzoom: IGN_ZOOM } : { minzoom: IGN_ZOOM, filter: notIgn(['07', '15']) }),
        paint: {
          'line-color': MAP_COLORS.department,
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 8, 1.6, 12, 2.4],
        },
      }),
    ),
    {
      // Lima Metropolitana and Callao drawn by IGN: their province outlines carry the department line's weight.
      id: 'bm-lima-callao-outline',
      type: 'line',
      source: 'basemap-lima-callao-outline',
      minzoom: IGN_ZOOM,
      paint: {
        'line-color': MAP_COLORS.department,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.6, 12, 2.4],
      },
    },
    {
      id: 'bm-outline-glow',
      type: 'line',
      source: 'basemap-outline',
      paint: {
        'line-color': MAP_COLORS.outline,
        // The outline is coarse; close in, the district boundaries carry the coast.
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 9, 0.18, 11, 0],
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 4, 10, 8],
      },
    },
    {
      id: 'bm-outline',
      type: 'line',
      source: 'basemap-outline',
      paint: {
        'line-color': MAP_COLORS.outline,
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 9, 1, 11.5, 0],
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.2, 10, 2.2],
      },
    },
    {
      id: 'bm-label-surroundings',
      type: 'symbol',
      source: 'basemap-labels-national',
      filter: ['in', ['get', 'level'], ['literal', ['sea', 'country']]],
      maxzoom: 8,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT,
        'text-size': ['case', byLevel('sea'), 15, 12],
        'text-letter-spacing': 0.25,
        'text-transform': 'uppercase',
        'text-allow-overlap': false,
      },
      paint: {
        'text-color': ['case', byLevel('sea'), MAP_COLORS.labelSea, MAP_COLORS.labelCountry],
        'text-halo-color': MAP_COLORS.labelHalo,
        'text-halo-width': 1,
      },
    },
    {
      id: 'bm-label-district',
      type: 'symbol',
      source: 'basemap-labels-local',
      minzoom: 9,
      // Big districts first; in Lima and Callao (IGN) every district from zoom 10.
      filter: ['any', ['==', ['get', 'level'], 'lima_callao'], ['>=', ['zoom'], 10]],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 9, 10.5, 13, 13],
        'text-max-width': 7,
        'symbol-sort-key': ['get', 'rank'],
        'text-padding': 4,
      },
      paint: {
        'text-color': MAP_COLORS.labelDistrict,
        'text-halo-color': MAP_COLORS.labelHalo,
        'text-halo-width': 1.4,
        'text-opacity': ['interpolate', ['linear'], ['zoom'], 9, 0.75, 11, 1],
      },
    },
    {
      id: 'bm-label-province',
      type: 'symbol',
      source: 'basemap-labels-national',
      filter: byLevel('province'),
      minzoom: 6.5,
      maxzoom: 9.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 6.5, 10, 9, 12],
        'text-max-width': 8,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': MAP_COLORS.labelProvince, 'text-halo-color': MAP_COLORS.labelHalo, 'text-halo-width': 1.2 },
    },
    {
      id: 'bm-label-department',
      type: 'symbol',
      source: 'basemap-labels-national',
      filter: byLevel('department'),
      minzoom: 3.5,
      maxzoom: 8.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT_BOLD,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 7, 14],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.12,
        'text-max-width': 9,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: {
        'text-color': MAP_COLORS.labelDepartment,
        'text-halo-color': MAP_COLORS.labelHalo,
        'text-halo-width': 1.5,
        'text-opacity': ['interpolate', ['linear'], ['zoom'], 7.5, 1, 8.5, 0.4],
      },
    },
  ];

  return { version: 8, name: 'Enlace Perú (offline)', sources, layers };
}

/** Id of the last basemap layer: overlays go above it, under nothing else. */
export const BASEMAP_TOP_LAYER = 'bm-label-department';
/** Overlays go below the basemap labels, so names stay readable over coloured areas. */
export const FIRST_LABEL_LAYER = 'bm-label-surroundings';
