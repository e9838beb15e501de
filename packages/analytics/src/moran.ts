import { normalSf } from './normal.ts';
import type { Transform, Weights } from './weights.ts';
import { assertAligned, transformWeights, transposeWeights } from './weights.ts';
import { centred } from './moments.ts';

/** Options of {@link moranI}. */
export interface MoranOptions {
  /** 'b' binary or 'r' row-standardised (PySAL's default); default: the weights as given. */
  transform?: Transform;
}

/** Global Moran's I with its moments under normality and under randomisation (Cliff and Ord). */
export interface MoranResult {
  I: number;
  EI: number;
  VI_norm: number;
  VI_rand: number;
  z_norm: number;
  z_rand: number;
  /** One-sided p-values, 1 - Phi(|z|), as PySAL; double them for a two-sided test. */
  p_norm: number;
  p_rand: number;
  /** The weight sums S0, S1, S2 of the variance formulas. */
  S0: number;
  S1: number;
  S2: number;
}

/** S0 = sum w_ij, S1 = 1/2 sum (w_ij + w_ji)^2, S2 = sum_i (w_i. + w_.i)^2. */
export function weightSums(w: Weights): { S0: number; S1: number; S2: number } {
  const t = transposeWeights(w);
  const sorted = transposeWeights(t); // w again, with each row sorted by column for the merge below
  let S0 = 0;
  let squares = 0;
  let cross = 0; // sum_ij w_ij w_ji
  let S2 = 0;
  for (let i = 0; i < w.n; i++) {
    let rowSum = 0;
    let colSum = 0;
    let a = sorted.offsets[i]!;
    let b = t.offsets[i]!;
    const aEnd = sorted.offsets[i + 1]!;
    const bEnd = t.offsets[i + 1]!;
    for (let k = a; k < aEnd; k++) {
      rowSum += sorted.values[k]!;
      squares += sorted.values[k]! ** 2;
    }
    for (let k = b; k < bEnd; k++) colSum += t.values[k]!;
    while (a < aEnd && b < bEnd) {
      const ja = sorted.indices[a]!;
      const jb = t.indices[b]!;
      if (ja === jb) cross += sorted.values[a++]! * t.values[b++]!;
      else if (ja < jb) a++;
      else b++;
    }
    S0 += rowSum;
    S2 += (rowSum + colSum) ** 2;
  }
  return { S0, S1: squares + cross, S2 };
}

/**
 * Global Moran's I = (n / S0) sum_ij w_ij z_i z_j / sum_i z_i^2 with z = x - mean, E[I] = -1/(n-1), and the
 * variances under normality and randomisation of Cliff and Ord (1981), as PySAL's esda.Moran computes them.
 * Values that are all equal make I undefined (NaN).
 */
export function moranI(values: ArrayLike<number>, weights: Weights, options: MoranOptions = {}): MoranResult {
  const n = values.length;
  assertAligned(weights, n);
  const w = transformWeights(weights, options.transform);
  const z = centred(values);
  let m2 = 0;
  let m4 = 0;
  let cross = 0;
  for (let i = 0; i < n; i++) {
    const zi = z[i]!;
    m2 += zi * zi;
    m4 += zi ** 4;
    let lag = 0;
    for (let k = w.offsets[i]!; k < w.offsets[i + 1]!; k++) lag += w.values[k]! * z[w.indices[k]!]!;
    cross += zi * lag;
  }
  const { S0, S1, S2 } = weightSums(w);
  const I = m2 > 0 ? ((n / S0) * cross) / m2 : Number.NaN;
  const EI = -1 / (n - 1);
  const S02 = S0 * S0;
  const VI_norm = (n * n * S1 - n * S2 + 3 * S02) / ((n * n - 1) * S02) - EI * EI;
  const kurtosis = (m4 / n) / (m2 / n) ** 2;
  const A = n * ((n * n - 3 * n + 3) * S1 - n * S2 + 3 * S02);
  const B = kurtosis * ((n * n - n) * S1 - 2 * n * S2 + 6 * S02);
  const VI_rand = (A - B) / ((n - 1) * (n - 2) * (n - 3) * S02) - EI * EI;
  const z_norm = (I - EI) / Math.sqrt(VI_norm);
  const z_rand = (I - EI) / Math.sqrt(VI_rand);
  return { I, EI, VI_norm, VI_rand, z_norm, z_rand, p_norm: normalSf(Math.abs(z_norm)), p_rand: normalSf(Math.abs(z_rand)), S0, S1, S2 };
}
