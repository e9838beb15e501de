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
  /**
   * The study area, one flag per cell (non-zero: inside), e.g. from polygonMask. Cells outside take no part: they
   * are not counted in n, the mean or the variance, they are in no neighbourhood, and their z and p are NaN.
   * Default: every cell of the grid.
   */
  mask?: ArrayLike<number>;
}

/** Gi* per cell, with the grid's geometry. */
export interface GiStarGridResult extends Omit<Grid, 'values'> {
  /** Half-width of the square neighbourhood, in cells. */
  readonly halfWidth: number;
  /** How many cells took part (n of Gi*): the cells inside the mask, or all of them. */
  readonly cells: number;
  readonly z: Float64Array;
  /** Two-sided p-values. */
  readonly p: Float64Array;
}

/** Summed-area table: sat[(r + 1) * (cols + 1) + (c + 1)] = sum of values[0..r][0..c]. */
function summedArea(values: ArrayLike<number>, cols: number, rows: number): Float64Array {
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
  return sat;
}

/**
 * Getis-Ord Gi* over every cell of a grid of counts (e.g. from binPoints), with binary square neighbourhoods
 * clipped at the grid edge: the same numbers as giStar with the pairwise weights, but every neighbourhood sum comes
 * from a summed-area table, so the cost is O(cells) whatever the radius. Typed arrays throughout; the denominator
 * is computed once per window size (it depends on the window's cell count only) and the p-values come from the
 * table interpolation of twoSidedPInto (about 1e-10 relative).
 *
 * With a `mask`, Gi* is that of the cells inside only (giStar over those cells, with the same binary weights):
 * a second summed-area table counts the cells inside each window, so the cost stays O(cells).
 */
export function giStarGrid(grid: Grid, options: GiStarGridOptions): GiStarGridResult {
  check(options.radius >= 0, 'radius must be a distance >= 0 (metres)');
  const { cols, rows } = grid;
  const k = Math.floor(options.radius / grid.cellSize + 1e-9);
  const size = cols * rows;
  const mask = options.mask;
  check(!mask || mask.length === size, `mask must have one flag per cell (${size}), not ${mask?.length}`);
  let values: ArrayLike<number> = grid.values;
  let n = size;
  let inside: Uint8Array | null = null;
  if (mask) {
    inside = new Uint8Array(size);
    const kept = new Float64Array(size);
    n = 0;
    for (let i = 0; i < size; i++) {
      if (mask[i]) {
        inside[i] = 1;
        kept[i] = grid.values[i]!;
        n++;
      }
    }
    values = kept;
  }
  const { mean, sd: s } = mask ? maskedMeanAndSd(values, inside!, n) : meanAndSd(values, n);
  const sat = summedArea(values, cols, rows);
  const count = inside ? summedArea(inside, cols, rows) : null;
  const w1 = cols + 1;
  const z = new Float64Array(size);
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
      if (inside && !inside[out + c]) {
        z[out + c] = Number.NaN;
        continue;
      }
      const local = sat[r1 + c1]! - sat[r0 + c1]! - sat[r1 + c0]! + sat[r0 + c0]!;
      const sw = count ? count[r1 + c1]! - count[r0 + c1]! - count[r1 + c0]! + count[r0 + c0]! : height * (c1 - c0);
      z[out + c] = (local - mean * sw) * inverseDenominator[sw]!;
    }
  }
  const p = twoSidedPInto(z, new Float64Array(size));
  const { x0, y0, cellSize } = grid;
  return { x0, y0, cellSize, cols, rows, halfWidth: k, cells: n, z, p };
}

/** Mean and population standard deviation of the cells inside (NaN when there are none). */
function maskedMeanAndSd(values: ArrayLike<number>, inside: Uint8Array, n: number): { mean: number; sd: number } {
  let mean = 0;
  for (let i = 0; i < inside.length; i++) if (inside[i]) mean += values[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < inside.length; i++) if (inside[i]) ss += (values[i]! - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / n) };
}
