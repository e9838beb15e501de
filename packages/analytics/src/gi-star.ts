import { twoSidedP } from './normal.ts';
import type { Transform, Weights } from './weights.ts';
import { assertAligned, transformWeights } from './weights.ts';
import { meanAndSd } from './moments.ts';

/** Options of {@link giStar}. */
export interface GiStarOptions {
  /**
   * 'b' makes every link 1 (e.g. for a GWT file of distances). 'r' row-standardises after adding the self weight,
   * which is then the row's largest weight (PySAL's rule) instead of 1; since the Gi* z-score does not change when
   * a row is scaled, 'r' and 'b' give the same z on binary weights. Default: the weights as given.
   */
  transform?: Transform;
}

/** Result of {@link giStar}: one z-score and one two-sided p-value per observation. */
export interface GiStarResult {
  z: number[];
  /** Two-sided normal p-values, P(|Z| >= |z|), as ArcGIS reports them (PySAL's `p_norm` is half of this). */
  p: number[];
}

/**
 * Getis-Ord Gi* (Ord and Getis 1995), the hot spot statistic of ArcGIS and CrimeStat, as a z-score:
 * Gi*_i = (sum_j w_ij x_j - Xbar sum_j w_ij) / (S sqrt((n sum_j w_ij^2 - (sum_j w_ij)^2) / (n - 1))),
 * j over all n observations including i with w_ii = 1 (or the self weight present in the weights). Xbar and S are
 * the mean and the population standard deviation of x. Undefined cases (all values equal, or a location linked to
 * every other with equal weights) give NaN, which FDR and the significance bins treat as not significant.
 */
export function giStar(values: ArrayLike<number>, weights: Weights, options: GiStarOptions = {}): GiStarResult {
  const n = values.length;
  assertAligned(weights, n);
  const w = options.transform === 'b' ? transformWeights(weights, 'b') : weights;
  const { mean, sd: s } = meanAndSd(values, n);
  const z = new Array<number>(n);
  const p = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const a = w.offsets[i]!;
    const b = w.offsets[i + 1]!;
    let self = 0;
    let rowMax = 0;
    let hasSelf = false;
    for (let k = a; k < b; k++) {
      if (w.indices[k] === i) {
        hasSelf = true;
        self = w.values[k]!;
      } else rowMax = Math.max(rowMax, w.values[k]!);
    }
    // PySAL's convention for a missing self weight: 1, or the row maximum when the row is to be standardised.
    if (!hasSelf) self = options.transform === 'r' && rowMax > 0 ? rowMax : 1;
    let sw = self;
    let sw2 = self * self;
    let swx = self * values[i]!;
    for (let k = a; k < b; k++) {
      const j = w.indices[k]!;
      if (j === i) continue;
      const wij = w.values[k]!;
      sw += wij;
      sw2 += wij * wij;
      swx += wij * values[j]!;
    }
    const denominator = s * Math.sqrt((n * sw2 - sw * sw) / (n - 1));
    const zi = denominator > 0 ? (swx - mean * sw) / denominator : Number.NaN;
    z[i] = zi;
    p[i] = twoSidedP(zi);
  }
  return { z, p };
}
