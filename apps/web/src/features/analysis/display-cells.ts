import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';

/**
 * Pure logic that keeps hot-spot cells visible at every zoom: when a cell would be drawn smaller than a few pixels,
 * cells are merged into square blocks of k × k cells (k a power of two, so blocks nest as the user zooms) and each
 * block takes the colour of its strongest cell, the way a printed hot-spot map is generalised for a smaller scale.
 */

/** The smallest size on screen, in CSS pixels, at which a cell is drawn as itself. */
export const MIN_CELL_PIXELS = 6;
const MAX_FACTOR = 64;

/** Metres per CSS pixel of a MapLibre map (512 px tiles) at a zoom and latitude. */
export function metresPerPixel(zoom: number, latitude: number): number {
  return (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** How many cells per side each displayed block holds at this zoom (1: cells drawn as themselves). */
export function displayFactor(cellSize: number, zoom: number, latitude: number, minPixels = MIN_CELL_PIXELS): number {
  const cellPixels = cellSize / metresPerPixel(zoom, latitude);
  let k = 1;
  while (k < MAX_FACTOR && cellPixels * k < minPixels) k *= 2;
  return k;
}

/** The strength of a cell for choosing a block's colour: |Gi* bin| (hot wins a tie) or the KDE level. */
function strength(p: Record<string, unknown>): number {
  const bin = typeof p['bin'] === 'number' ? p['bin'] : 0;
  const level = typeof p['level'] === 'number' ? p['level'] : undefined;
  return level ?? Math.abs(bin) + (bin > 0 ? 0.5 : 0);
}

const add = (a: Position, b: Position, s: number): Position => [a[0]! + b[0]! * s, a[1]! + b[1]! * s];

/**
 * Coloured cells (with `col`, `row` and `color`) merged into k × k blocks. A block's polygon follows the grid: it is
 * extended from one of its cells along the cell's own edges, so it stays aligned with the UTM grid the server used.
 * Each block carries `cells` (how many coloured cells it holds) and `count` (their incidents).
 */
export function aggregateCells(fc: FeatureCollection, k: number): FeatureCollection {
  if (k <= 1) return fc;
  const blocks = new Map<string, { best: Feature<Polygon>; score: number; cells: number; count: number }>();
  for (const f of fc.features) {
    if (f.geometry.type !== 'Polygon') continue;
    const p = f.properties ?? {};
    const col = Number(p['col']), row = Number(p['row']);
    const key = `${Math.floor(col / k)}:${Math.floor(row / k)}`;
    const score = strength(p);
    const block = blocks.get(key);
    const count = typeof p['count'] === 'number' ? p['count'] : 0;
    if (!block) blocks.set(key, { best: f as Feature<Polygon>, score, cells: 1, count });
    else {
      block.cells++;
      block.count += count;
      if (score > block.score) Object.assign(block, { best: f, score });
    }
  }
  const features: Feature[] = [];
  for (const { best, cells, count } of blocks.values()) {
    const p = best.properties ?? {};
    const col = Number(p['col']), row = Number(p['row']);
    const ring = best.geometry.coordinates[0];
    if (!ring || ring.length < 4) continue;
    const [p0, p1, , p3] = ring as [Position, Position, Position, Position];
    const colStep: Position = [p1[0]! - p0[0]!, p1[1]! - p0[1]!];
    const rowStep: Position = [p3[0]! - p0[0]!, p3[1]! - p0[1]!];
    const origin = add(add(p0, colStep, Math.floor(col / k) * k - col), rowStep, Math.floor(row / k) * k - row);
    const c1 = add(origin, colStep, k);
    const c2 = add(c1, rowStep, k);
    const c3 = add(origin, rowStep, k);
    features.push({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [[origin, c1, c2, c3, origin]] },
      properties: { ...p, col: Math.floor(col / k), row: Math.floor(row / k), cells, count },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** The latitude at the middle of the cells (for the pixel size of a cell), or 0 when there are none. */
export function cellsLatitude(fc: FeatureCollection): number {
  const f = fc.features[0];
  if (!f || f.geometry.type !== 'Polygon') return 0;
  const y = f.geometry.coordinates[0]?.[0]?.[1];
  return typeof y === 'number' ? y : 0;
}
