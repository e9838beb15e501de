import { check } from './errors.ts';
import type { Grid } from './grid.ts';
import { twoSidedPInto } from './normal.ts';
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
 * from a summed-area table, so the cost is O(cells) whatever the radius. Typed arrays throughout; the denominator
 * is computed once per window size (it depends on the window's cell count only) and the p-values come from the
 * table interpolation of twoSidedPInto (about 1e-10 relative).
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
    const above = r * w1 + 1;
    const here = (r + 1) * w1 + 1;
    const from = r * cols;
    for (let c = 0; c < cols; c++) {
      line += values[from + c]!;
      sat[here + c] = sat[above + c]! + line;
    }
  }
  const z = new Float64Array(n);
  // 1 / (s sqrt((n sw - sw^2) / (n - 1))) for each window size sw (binary weights: sum w = sum w^2 = sw).
  const inverseDenominator = new Float64Array((2 * k + 1) * (2 * k + 1) + 1);
  for (let sw = 1; sw < inverseDenominator.length; sw++) {
    const d = s * Math.sqrt((n * sw - sw * sw) / (n - 1));
    inverseDenominator[sw] = d > 0 ? 1 / d : Number.NaN;
  }
  for (let r = 0; r < rows; r++) {
    const r0 = Math.max(0, r - k) * w1;
    const r1 = (Math.min(rows - 1, r + k) + 1) * w1;
    const height = (r1 - r0) / w1;
    const out = r * cols;
    for (let c = 0; c < cols; c++) {
      const c0 = c > k ? c - k : 0;
      const c1 = c + k < cols ? c + k + 1 : cols;
      const local = sat[r1 + c1]! - sat[r0 + c1]! - sat[r1 + c0]! + sat[r0 + c0]!;
      const sw = height * (c1 - c0);
      z[out + c] = (local - mean * sw) * inverseDenominator[sw]!;
    }
  }
  const p = twoSidedPInto(z, new Float64Array(n));
  const { x0, y0, cellSize } = grid;
  return { x0, y0, cellSize, cols, rows, halfWidth: k, z, p };
}
