/**
 * Draws MIL-STD-2525 / APP-6 symbols (milsymbol) into a MapLibre map as style images, so thousands of tracks render
 * from one GeoJSON source with a symbol layer, never one DOM marker per track.
 *
 * How to use (see README.md):
 *
 *   installMilitarySymbols(map);                       // once per map
 *   map.addLayer({ id: 'tracks', type: 'symbol', source: 'tracks',
 *                  layout: { 'icon-image': symbolImageExpression(), 'icon-allow-overlap': true } });
 *   // each feature carries `properties.sidc` ('10031000002007000000' or a 2525C letter code 'SFGPUC---------')
 *
 * The map asks for an image it does not have (`styleimagemissing`); the handler draws the symbol once per SIDC and
 * adds it. Drawn bitmaps are also kept in a module cache shared by every map on the page, so a second map (or a
 * style reload) does not draw them again.
 */
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import ms from 'milsymbol';

/** Prefix of the style images this module provides, so other missing images are left to others. */
export const SYMBOL_IMAGE_PREFIX = 'ms:';

/** Base symbol size in CSS pixels (milsymbol `size`: the frame's height is about this). */
export const SYMBOL_SIZE = 28;

export interface SymbolBitmap {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  pixelRatio: number;
}

const bitmapCache = new Map<string, SymbolBitmap | null>();

/** `icon-image` expression for features whose `properties[property]` is a SIDC. */
export function symbolImageExpression(property = 'sidc'): ExpressionSpecification {
  return ['concat', SYMBOL_IMAGE_PREFIX, ['get', property]];
}

/** Style image id for a SIDC (for `icon-image` given as a literal). */
export function symbolImageId(sidc: string): string {
  return `${SYMBOL_IMAGE_PREFIX}${sidc}`;
}

/**
 * Draws one symbol as an RGBA bitmap with its anchor (the centre of the frame) at the bitmap's centre, so MapLibre's
 * default `icon-anchor: center` puts the frame, not the echelon or modifiers, on the position. Null if milsymbol
 * cannot draw the code (the map then shows nothing for it rather than a wrong symbol).
 */
export function drawSymbol(sidc: string, pixelRatio = window.devicePixelRatio || 1): SymbolBitmap | null {
  const key = `${sidc}@${pixelRatio}`;
  const cached = bitmapCache.get(key);
  if (cached !== undefined) return cached;
  let bitmap: SymbolBitmap | null = null;
  const symbol = new ms.Symbol(sidc, {
    size: SYMBOL_SIZE * pixelRatio,
    // A dark outline keeps the light 2525 fills readable on the dark operations-centre basemap.
    outlineWidth: 2 * pixelRatio,
    outlineColor: 'rgba(4, 10, 16, 0.85)',
    // Amplifiers (echelon, exercise "X", task force) light on the dark basemap, where black would vanish.
    infoColor: '#e6eef5',
  });
  if (symbol.isValid()) {
    const source = symbol.asCanvas();
    const anchor = symbol.getAnchor();
    // milsymbol sizes are fractional; the canvas is rounded up.
    const halfW = Math.ceil(Math.max(anchor.x, source.width - anchor.x));
    const halfH = Math.ceil(Math.max(anchor.y, source.height - anchor.y));
    const canvas = document.createElement('canvas');
    canvas.width = 2 * halfW;
    canvas.height = 2 * halfH;
    const context = canvas.getContext('2d');
    if (context) {
      context.drawImage(source, halfW - anchor.x, halfH - anchor.y);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      bitmap = { width: image.width, height: image.height, data: image.data, pixelRatio };
    }
  }
  bitmapCache.set(key, bitmap);
  return bitmap;
}

/** Adds the image of `sidc` to `map` unless it is there already. Returns false if the code cannot be drawn. */
export function addSymbolImage(map: MapLibreMap, sidc: string): boolean {
  const id = symbolImageId(sidc);
  if (map.hasImage(id)) return true;
  const bitmap = drawSymbol(sidc);
  if (!bitmap) return false;
  map.addImage(id, { width: bitmap.width, height: bitmap.height, data: bitmap.data }, { pixelRatio: bitmap.pixelRatio });
  return true;
}

/** A 1×1 transparent image, given for codes milsymbol cannot draw so the map stops asking for them. */
const EMPTY = { width: 1, height: 1, data: new Uint8ClampedArray(4) };

/**
 * Lets `map` draw any SIDC on demand: every `ms:<sidc>` image the style asks for is drawn and cached.
 * Returns the function that uninstalls the handler.
 */
export function installMilitarySymbols(map: MapLibreMap): () => void {
  const onMissing = (event: { id: string }): void => {
    if (!event.id.startsWith(SYMBOL_IMAGE_PREFIX) || map.hasImage(event.id)) return;
    const sidc = event.id.slice(SYMBOL_IMAGE_PREFIX.length);
    if (!addSymbolImage(map, sidc)) map.addImage(event.id, EMPTY);
  };
  map.on('styleimagemissing', onMissing);
  return () => {
    map.off('styleimagemissing', onMissing);
  };
}

/** A symbol as a data URL, for legends, tables and status boards outside the map (same drawing as on the map). */
export function symbolDataUrl(sidc: string, size = 24): string | null {
  const symbol = new ms.Symbol(sidc, { size, outlineWidth: 2, outlineColor: 'rgba(4, 10, 16, 0.85)', infoColor: '#e6eef5' });
  if (!symbol.isValid()) return null;
  return symbol.asCanvas(window.devicePixelRatio || 1).toDataURL();
}
