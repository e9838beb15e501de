import { check } from './errors.ts';
import type { Grid } from './grid.ts';
import { twoSidedP } from './normal.ts';
import { meanAndSd } from './moments.ts';

/** Options of {@link giStarGrid}. */
export interface GiStarGridOptions {
  /**
   * Neighbourhood in metres: cells whose centres are within this Chebyshev distance (a square of half-width
   * floor(radius / cellSize) cells), the cell itself included, all with weight 1.
   */
  radius: number;
}

/** Gi* per cell, with the grid's geometry. */
export interface GiStarGridResult extends Omit<Grid, 'values'> {
  /** Half-width of the square neighbourhood, in cells. */
  readonly halfWidth: number;
  readonly z: Float64Array;
  /** Two-sided p-values. */
  readonly p: Float64Array;
}

/**
 * Getis-Ord Gi* over every cell of a grid of counts (e.g. from binPoints), with binary square neighbourhoods
 * clipped at the grid edge: the same numbers as giStar with the pairwise weights, but every neighbourhood sum comes
 * from a summed-area table, so the cost is O(cells) whatever the radius.
 */
export function giStarGrid(grid: Grid, options: GiStarGridOptions): GiStarGridResult {
  check(options.radius >= 0, 'radius must be a distance >= 0 (metres)');
  const { cols, rows, values } = grid;
  const k = Math.floor(options.radius / grid.cellSize + 1e-9);
  const n = cols * rows;
  const { mean, sd: s } = meanAndSd(values, n);
  // sat[(r + 1) * (cols + 1) + (c + 1)] = sum of values[0..r][0..c]
  const w1 = cols + 1;
  const sat = new Float64Array(w1 * (rows + 1));
  for (let r = 0; r < rows; r++) {
    let line = 0;
    for (let c = 0; c < cols; c++) {
      line += values[r * cols + c]!;
      sat[(r + 1) * w1 + c + 1] = sat[r * w1 + c + 1]! + line;
    }
  }
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  for (let r = 0; r < rows; r++) {
    const r0 = Math.max(0, r - k);
    const r1 = Math.min(rows - 1, r + k) + 1;
    for (let c = 0; c < cols; c++) {
      const c0 = Math.max(0, c - k);
      const c1 = Math.min(cols - 1, c + k) + 1;
      const local = sat[r1 * w1 + c1]! - sat[r0 * w1 + c1]! - sat[r1 * w1 + c0]! + sat[r0 * w1 + c0]!;
      const sw = (r1 - r0) * (c1 - c0); // binary weights: sum w = sum w^2 = cells in the window
      const denominator = s * Math.sqrt((n * sw - sw * sw) / (n - 1));
      const zi = denominator > 0 ? (local - mean * sw) / denominator : Number.NaN;
      z[r * cols + c] = zi;
      p[r * cols + c] = twoSidedP(zi);
    }
  }
  const { x0, y0, cellSize } = grid;
  return { x0, y0, cellSize, cols, rows, halfWidth: k, z, p };
}
