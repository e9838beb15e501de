import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ms from 'milsymbol';
import { describe, expect, it } from 'vitest';
import { BASEMAP_PATH, LAZY_SOURCES, buildBasemapStyle } from './basemap-style.ts';
import { LiveFeatureSet, type PointFeature } from './live-features.ts';
import { overlayLayerIds, overlayLayers, overlayStyleKey, type MapOverlay } from './overlays.ts';
import {
  cotTypeToLetterSidc,
  identityFromCotType,
  incidentSidc,
  kindFromCotType,
  sidcFor,
  sidcForTrack,
} from './sidc.ts';

const PUBLIC = resolve(import.meta.dirname, '../../../public');

describe('SIDC for the map', () => {
  it('draws the PNP with law-enforcement entities and the armed forces with military ones (2525D)', () => {
    expect(sidcFor({ force: 'PNP', kind: 'unit' })).toBe('10031000002007000000');
    expect(sidcFor({ force: 'PNP', kind: 'unit', echelon: 'comisaria' })).toBe('10031000152007000000');
    expect(sidcFor({ force: 'EP', kind: 'unit', echelon: 'batallon' })).toBe('10031000161211000000');
    expect(sidcFor({ force: 'PNP', kind: 'vehicle' })).toBe('10031500001707000000');
    expect(sidcFor({ force: 'MGP', kind: 'vessel' })).toBe('10033000001205000000');
    expect(sidcFor({ force: 'FAP', kind: 'drone' })).toBe('10030100001103000000');
    expect(sidcFor({ force: 'PNP', kind: 'unit', exercise: true })).toBe('10131000002007000000');
    expect(incidentSidc()).toBe('10014000001101000000');
  });

  it('every code Enlace emits is one milsymbol can draw', () => {
    const forces = ['PNP', 'EP', 'MGP', 'FAP', 'CCFFAA', null] as const;
    const kinds = ['unit', 'person', 'vehicle', 'drone', 'aircraft', 'vessel'] as const;
    for (const force of forces) {
      for (const kind of kinds) {
        const sidc = sidcFor({ force, kind, echelon: 'compania' });
        expect(new ms.Symbol(sidc).isValid(), `${force} ${kind} ${sidc}`).toBe(true);
      }
    }
    expect(new ms.Symbol(incidentSidc()).isValid()).toBe(true);
  });

  it('reads CoT types from TAK: affiliation, dimension, 2525C function', () => {
    expect(cotTypeToLetterSidc('a-f-G-U-C')).toBe('SFGPUC---------');
    expect(cotTypeToLetterSidc('a-h-A-M-F-Q')).toBe('SHAPMFQ--------');
    expect(cotTypeToLetterSidc('a-u-G')).toBe('SUGP-----------');
    expect(cotTypeToLetterSidc('b-t-f')).toBeNull();
    expect(kindFromCotType('a-f-A-M-F-Q')).toBe('drone');
    expect(kindFromCotType('a-f-A-M-H')).toBe('aircraft');
    expect(kindFromCotType('a-f-G-E-V')).toBe('vehicle');
    expect(kindFromCotType('a-f-S')).toBe('vessel');
    expect(kindFromCotType('a-f-G-U-C')).toBe('unit');
    expect(identityFromCotType('a-h-G')).toBe('hostile');
    expect(identityFromCotType('a-n-G')).toBe('neutral');
    expect(identityFromCotType('a-f-G')).toBe('friend');
    for (const type of ['a-f-G-U-C', 'a-h-A-M-F-Q', 'a-u-G', 'a-n-S', 'a-f-G-E-V']) {
      expect(new ms.Symbol(cotTypeToLetterSidc(type) ?? '').isValid(), type).toBe(true);
    }
  });

  it('a friendly track of a force gets that force symbol; a hostile or unknown one keeps its CoT meaning', () => {
    expect(sidcForTrack({ type: 'a-f-G-U-C', force: 'PNP' })).toBe('10031000002007000000');
    expect(sidcForTrack({ type: 'a-f-A-M-F-Q', force: 'EP' })).toBe('10030100001103000000');
    expect(sidcForTrack({ type: 'a-h-G', force: 'PNP' })).toBe('SHGP-----------');
    expect(sidcForTrack({ type: 'a-f-G-U-C', force: null })).toBe('SFGPUC---------');
    expect(sidcForTrack({ type: 'weird', force: null })).toBe('10011000000000000000');
  });
});

describe('offline basemap style', () => {
  const style = buildBasemapStyle('http://enlace.local');

  it('loads every source from the Enlace server, never from the internet, and has no glyph or sprite URL', () => {
    const urls: string[] = [];
    for (const source of Object.values(style.sources)) {
      if ('data' in source && typeof source.data === 'string') urls.push(source.data);
      expect('tiles' in source || 'url' in source).toBe(false);
    }
    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) expect(url.startsWith(`http://enlace.local${BASEMAP_PATH}`), url).toBe(true);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('every file the style or the lazy loader names is committed, with its licence', () => {
    const files = [
      ...Object.values(style.sources).flatMap((s) => ('data' in s && typeof s.data === 'string' ? [s.data.split('/').pop() ?? ''] : [])),
      ...LAZY_SOURCES.map((l) => l.file),
    ];
    for (const file of files) expect(existsSync(join(PUBLIC, 'basemap', file)), file).toBe(true);
    for (const licence of ['juaneladio_LICENSE', 'joseluisq_LICENSE-MIT', 'SOURCES.md']) {
      expect(existsSync(join(PUBLIC, 'basemap', licence)), licence).toBe(true);
    }
    const lima = JSON.parse(readFileSync(join(PUBLIC, 'basemap/lima-callao.geojson'), 'utf8')) as { features: unknown[] };
    expect(lima.features).toHaveLength(50);
  });

  it('every layer refers to a source of the style', () => {
    for (const layer of style.layers) {
      if ('source' in layer) expect(style.sources[layer.source], layer.id).toBeDefined();
    }
  });
});

describe('overlays', () => {
  const data = { type: 'FeatureCollection' as const, features: [] };

  it('an area is a fill, an outline and an optional label, all on the overlay source', () => {
    const area: MapOverlay = { id: 'legal', kind: 'area', data, color: '#f5a524', labelProperty: 'name', dashed: true };
    const layers = overlayLayers(area);
    expect(layers.map((l) => l.id)).toEqual(['legal:fill', 'legal:line', 'legal:label']);
    expect(layers.every((l) => 'source' in l && l.source === 'legal')).toBe(true);
    expect(overlayLayerIds(area).interactive).toEqual(['legal:fill']);
  });

  it('symbols never hide each other (no unit lost to collision) and take their image from the SIDC', () => {
    const [layer] = overlayLayers({ id: 'tracks', kind: 'symbol', data });
    expect(layer?.type).toBe('symbol');
    const layout = (layer as { layout: Record<string, unknown> }).layout;
    expect(layout['icon-allow-overlap']).toBe(true);
    expect(layout['icon-image']).toEqual(['concat', 'ms:', ['get', 'sidc']]);
  });

  it('the style key ignores the data, so new data does not rebuild layers', () => {
    const a: MapOverlay = { id: 'x', kind: 'point', data };
    const b: MapOverlay = { id: 'x', kind: 'point', data: { type: 'FeatureCollection', features: [] } };
    expect(overlayStyleKey(a)).toBe(overlayStyleKey(b));
    expect(overlayStyleKey(a)).not.toBe(overlayStyleKey({ ...a, radius: 9 }));
  });
});

describe('LiveFeatureSet', () => {
  const point = (uid: string, lon: number): PointFeature => ({
    type: 'Feature',
    properties: { uid },
    geometry: { type: 'Point', coordinates: [lon, -12] },
  });

  it('keeps one feature per key, notifies on change, and reuses the collection until it changes', () => {
    const set = new LiveFeatureSet();
    let changes = 0;
    const unsubscribe = set.subscribe(() => (changes += 1));
    set.upsertMany([['a', point('a', -77)], ['b', point('b', -77.1)]]);
    set.upsert('a', point('a', -77.2));
    expect(set.size).toBe(2);
    const first = set.collection();
    expect(set.collection()).toBe(first);
    expect(first.features.map((f) => f.geometry.coordinates[0])).toEqual([-77.2, -77.1]);
    set.remove(['b', 'zzz']);
    expect(set.collection()).not.toBe(first);
    expect(set.size).toBe(1);
    set.remove(['zzz']);
    expect(changes).toBe(3);
    unsubscribe();
    set.reset([]);
    expect(changes).toBe(3);
    expect(set.size).toBe(0);
  });
});
