import { check } from './errors.ts';
import type { BBox, Points, XY } from './points.ts';
import { extent, toXY } from './points.ts';

/**
 * A raster in metres: `cols` x `rows` square cells of `cellSize`, south-west corner (x0, y0). Cell (col, row) covers
 * [x0 + col cellSize, x0 + (col + 1) cellSize) x [y0 + row cellSize, ...); its value is `values[row * cols + col]`.
 * Row 0 is the southern-most row (flip it for an image, whose first row is the northern one).
 */
export interface Grid {
  readonly x0: number;
  readonly y0: number;
  readonly cellSize: number;
  readonly cols: number;
  readonly rows: number;
  readonly values: Float64Array;
}

/** The geometry of a grid covering `bbox` (cells cut at its east and north edges when they do not divide it). */
export function gridOver(bbox: BBox, cellSize: number): Omit<Grid, 'values'> {
  check(cellSize > 0 && Number.isFinite(cellSize), 'cellSize must be a positive number of metres');
  const [minX, minY, maxX, maxY] = bbox;
  check(maxX >= minX && maxY >= minY, 'bbox must be [minX, minY, maxX, maxY]');
  const cols = Math.max(1, Math.ceil((maxX - minX) / cellSize - 1e-9));
  const rows = Math.max(1, Math.ceil((maxY - minY) / cellSize - 1e-9));
  check(cols * rows <= 2 ** 28, `a ${cols} x ${rows} grid is too large: choose a larger cellSize or a smaller bbox`);
  return { x0: minX, y0: minY, cellSize, cols, rows };
}

/** The points' extent grown by `margin` on each side and snapped outward to multiples of `cellSize`. */
export function snappedExtent(points: Points | XY, cellSize: number, margin: number): BBox {
  check(cellSize > 0 && margin >= 0, 'cellSize must be positive and margin not negative');
  const [minX, minY, maxX, maxY] = extent('n' in points ? points : toXY(points));
  const down = (v: number): number => Math.floor(v / cellSize) * cellSize;
  const up = (v: number): number => Math.ceil(v / cellSize) * cellSize;
  return [down(minX - margin), down(minY - margin), Math.max(up(maxX + margin), down(minX - margin) + cellSize), Math.max(up(maxY + margin), down(minY - margin) + cellSize)];
}

/** Centre of cell (col, row). */
export function cellCentre(g: Omit<Grid, 'values'>, col: number, row: number): [number, number] {
  return [g.x0 + (col + 0.5) * g.cellSize, g.y0 + (row + 0.5) * g.cellSize];
}

/** Options of {@link binPoints}. */
export interface BinOptions {
  cellSize: number;
  /** Default: the points' extent snapped outward to multiples of cellSize. */
  bbox?: BBox;
  /** A weight per point (e.g. a count); default 1. */
  weights?: ArrayLike<number>;
}

/** Counts (or sums weights of) points per cell in O(n); points outside the grid are left out and counted. */
export function binPoints(points: Points, options: BinOptions): Grid & { outside: number } {
  const xy = toXY(points);
  const geometry = gridOver(options.bbox ?? snappedExtent(xy, options.cellSize, 0), options.cellSize);
  const { x0, y0, cellSize, cols, rows } = geometry;
  const values = new Float64Array(cols * rows);
  const { x, y, n } = xy;
  const weights = options.weights;
  let outside = 0;
  // Two loops rather than a test per point: the unweighted one is the common case on a million points.
  if (weights) {
    for (let i = 0; i < n; i++) {
      const c = Math.floor((x[i]! - x0) / cellSize);
      const r = Math.floor((y[i]! - y0) / cellSize);
      if (c < 0 || r < 0 || c >= cols || r >= rows) outside++;
      else values[r * cols + c]! += weights[i]!;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = Math.floor((x[i]! - x0) / cellSize);
      const r = Math.floor((y[i]! - y0) / cellSize);
      if (c < 0 || r < 0 || c >= cols || r >= rows) outside++;
      else values[r * cols + c]! += 1;
    }
  }
  return { ...geometry, values, outside };
}
