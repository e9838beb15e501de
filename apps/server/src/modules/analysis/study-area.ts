import { polygonMask } from '@enlace/analytics';
import type { Polygon } from '@enlace/analytics';
import type { Db } from '../../platform/db/db.ts';
import { districtOutlines } from './analysis.repository.ts';

/** Where a grid lies: south-west corner, cell size and shape, in the metres of one UTM zone. */
export interface GridGeometry {
  x0: number;
  y0: number;
  cellSize: number;
  cols: number;
  rows: number;
}

/** The districts an analysis is limited to, in the metres of the points' UTM zone. */
export interface StudyArea {
  /** The UBIGEO codes asked for (districts, provinces or departments), sorted. */
  readonly ubigeo: readonly string[];
  /** Districts with a boundary under those codes. */
  readonly districts: number;
  /** Extent of the outlines, [minX, minY, maxX, maxY]. */
  readonly bbox: readonly [number, number, number, number];
  /** One byte per cell of the grid, 1 where the cell's centre is in the area. Shared (cached): do not modify it. */
  mask(grid: GridGeometry): Uint8Array;
}

/** Why an analysis covers its whole grid, in plain words: no area was chosen, or the chosen one has no boundary. */
export function noAreaReason(area: null | undefined): { es: string; en: string } {
  return area === null
    ? { es: 'Los distritos elegidos no tienen límites cargados', en: 'The chosen districts have no boundary loaded' }
    : { es: 'No se eligió un área (distritos, provincias o departamentos)', en: 'No area (districts, provinces or departments) was chosen' };
}

/**
 * The cells an analysis of the area takes part in: those whose centre is in its districts, and those on its edge
 * holding incidents of the scope (located in those districts by the same boundaries), so that no incident of the
 * area is left out. A new array (the area's mask is shared).
 */
export function areaCells(area: StudyArea, grid: GridGeometry, counts: ArrayLike<number>): Uint8Array {
  const cells = Uint8Array.from(area.mask(grid));
  for (let i = 0; i < cells.length; i++) if (counts[i]! > 0) cells[i] = 1;
  return cells;
}

/** Areas kept (their outlines: a department of IGN boundaries is a few megabytes). */
const MAX_AREAS = 8;
/** Bytes of masks kept, all areas together (a mask is one byte per cell: six of the largest grids). */
const MAX_MASK_BYTES = 36_000_000;

interface AreaCache {
  areas: Map<string, StudyArea | null>;
  masks: Map<string, Uint8Array>;
  maskBytes: number;
}

const caches = new WeakMap<Db, AreaCache>();

function cacheOf(db: Db): AreaCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { areas: new Map(), masks: new Map(), maskBytes: 0 }));
  return c;
}

/** Most recently used last; the oldest leave first. */
function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
}

/**
 * The study area of an analysis scope's UBIGEO codes, projected into the points' UTM zone by PostGIS; null when no
 * district under them has a boundary (then the caller keeps the whole bounding box and says so).
 *
 * Reference geography never changes while the server runs (migrations load it), so an area is read once per
 * (codes, zone) and kept, the last {@link MAX_AREAS} of them; its masks are kept per grid (least recently used out,
 * {@link MAX_MASK_BYTES} in all), so repeating an analysis costs neither a query nor a rasterisation. A new mask is
 * a scanline fill, O(cells + edges).
 */
export async function studyArea(db: Db, codes: readonly string[], epsg: number): Promise<StudyArea | null> {
  const cache = cacheOf(db);
  const ubigeo = [...new Set(codes)].sort();
  const key = `${epsg}:${ubigeo.join(',')}`;
  if (cache.areas.has(key)) {
    const kept = cache.areas.get(key)!;
    touch(cache.areas, key, kept);
    return kept;
  }
  const outlines = await districtOutlines(db, ubigeo, epsg);
  const polygons: Polygon[] = outlines.flatMap((d) => d.coordinates);
  const area = polygons.length === 0 ? null : makeArea(cache, key, ubigeo, outlines.length, polygons);
  touch(cache.areas, key, area);
  for (const k of cache.areas.keys()) {
    if (cache.areas.size <= MAX_AREAS) break;
    cache.areas.delete(k);
  }
  return area;
}

function makeArea(cache: AreaCache, key: string, ubigeo: string[], districts: number, polygons: Polygon[]): StudyArea {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return {
    ubigeo,
    districts,
    bbox: [minX, minY, maxX, maxY],
    mask(grid) {
      const gridKey = `${key}|${grid.x0},${grid.y0},${grid.cellSize},${grid.cols},${grid.rows}`;
      let mask = cache.masks.get(gridKey);
      if (!mask) {
        mask = polygonMask(polygons, grid);
        cache.maskBytes += mask.byteLength;
        for (const [k, m] of cache.masks) {
          if (cache.maskBytes <= MAX_MASK_BYTES) break;
          cache.masks.delete(k);
          cache.maskBytes -= m.byteLength;
        }
      }
      touch(cache.masks, gridKey, mask);
      return mask;
    },
  };
}

/** Masks and areas kept for a database (for tests). */
export function studyAreaCacheStats(db: Db): { areas: number; masks: number; maskBytes: number } {
  const c = cacheOf(db);
  return { areas: c.areas.size, masks: c.masks.size, maskBytes: c.maskBytes };
}
