import { check } from './errors.ts';
import { createRng, randomInt } from './rng.ts';
import type { Transform, Weights } from './weights.ts';
import { assertAligned, transformWeights } from './weights.ts';
import { centred } from './moments.ts';

/** Cluster type of a location: its value and its neighbours' average, High or Low against the mean. */
export type Quadrant = 'HH' | 'LH' | 'LL' | 'HL';

/** Options of {@link localMoran}. */
export interface LocalMoranOptions {
  /** 'b' binary or 'r' row-standardised (PySAL's default); default: the weights as given. */
  transform?: Transform;
  /** Conditional permutations per location for the pseudo p-values; 0 skips them. Default 999. */
  permutations?: number;
  /** Seed of the permutations; the same seed gives the same p-values on every run. */
  seed?: number;
}

/** Result of {@link localMoran}, one entry per location. */
export interface LocalMoranResult {
  Is: number[];
  /** Analytic expectation and variance under randomisation (Anselin 1995), and the z-score they give. */
  EIs: number[];
  VIs: number[];
  zs: number[];
  /** Folded one-sided pseudo p-values from conditional permutation, (1 + extreme) / (1 + permutations), as PySAL. */
  pSim: number[];
  /** HH, LH, LL, HL as in PySAL (a value or lag of exactly 0 counts as low). */
  quadrant: Quadrant[];
}

/**
 * Local Moran's I (Anselin 1995): I_i = (z_i / m2) sum_{j != i} w_ij z_j with z = x - mean and m2 = sum z^2 / n.
 * E[I_i] = -w_i / (n - 1); Var[I_i] = w_i(2) (n - b2) / (n - 1) + (w_i^2 - w_i(2)) (2 b2 - n) / ((n - 1)(n - 2))
 * - w_i^2 / (n - 1)^2, with w_i = sum_j w_ij, w_i(2) = sum_j w_ij^2 and b2 = m4 / m2^2: the exact moments over all
 * permutations of the values. PySAL divides by sum z^2 / (n - 1) instead of m2, so its Is are (n - 1) / n times
 * these; z-scores and p-values do not depend on that scale. Islands get I = 0, and NaN z and pseudo p-value.
 */
export function localMoran(values: ArrayLike<number>, weights: Weights, options: LocalMoranOptions = {}): LocalMoranResult {
  const n = values.length;
  assertAligned(weights, n);
  const permutations = options.permutations ?? 999;
  check(Number.isInteger(permutations) && permutations >= 0, 'permutations must be a whole number >= 0');
  const w = transformWeights(weights, options.transform);
  const z = centred(values);
  let m2 = 0;
  let m4 = 0;
  for (const zi of z) {
    m2 += zi * zi;
    m4 += zi ** 4;
  }
  m2 /= n;
  m4 /= n;
  const b2 = m4 / (m2 * m2);
  const out: LocalMoranResult = { Is: [], EIs: [], VIs: [], zs: [], pSim: [], quadrant: [] };
  const rng = createRng(options.seed);
  const pool = Int32Array.from({ length: Math.max(n - 1, 0) }, (_, k) => k);
  for (let i = 0; i < n; i++) {
    let wi = 0;
    let wi2 = 0;
    let lag = 0;
    let k = 0;
    for (let e = w.offsets[i]!; e < w.offsets[i + 1]!; e++) {
      if (w.indices[e] === i) continue;
      const wij = w.values[e]!;
      wi += wij;
      wi2 += wij * wij;
      lag += wij * z[w.indices[e]!]!;
      k++;
    }
    const Ii = m2 > 0 ? (z[i]! * lag) / m2 : Number.NaN;
    const EI = -wi / (n - 1);
    const VI = (wi2 * (n - b2)) / (n - 1) + ((wi * wi - wi2) * (2 * b2 - n)) / ((n - 1) * (n - 2)) - (wi * wi) / (n - 1) ** 2;
    out.Is.push(Ii + 0); // + 0 turns the -0 of an island below the mean into 0
    out.EIs.push(EI + 0);
    out.VIs.push(VI);
    out.zs.push(k > 0 && VI > 0 ? (Ii - EI) / Math.sqrt(VI) : Number.NaN);
    out.quadrant.push(z[i]! > 0 ? (lag > 0 ? 'HH' : 'HL') : lag > 0 ? 'LH' : 'LL');
    out.pSim.push(k > 0 && permutations > 0 && m2 > 0 ? pseudoP(i, Ii, k) : Number.NaN);
  }
  return out;

  /** Holds z_i, draws k of the other n - 1 values without replacement for the neighbours, counts extremes. */
  function pseudoP(i: number, observed: number, k: number): number {
    const start = w.offsets[i]!;
    let larger = 0;
    let smaller = 0;
    for (let p = 0; p < permutations; p++) {
      let lag = 0;
      let slot = 0;
      for (let e = start; slot < k; e++) {
        if (w.indices[e] === i) continue;
        // Partial Fisher-Yates over `pool`: any order of it is a permutation, so no reset is needed.
        const r = slot + randomInt(rng, n - 1 - slot);
        const pick = pool[r]!;
        pool[r] = pool[slot]!;
        pool[slot] = pick;
        lag += w.values[e]! * z[pick < i ? pick : pick + 1]!;
        slot++;
      }
      const simulated = (z[i]! * lag) / m2;
      if (simulated >= observed) larger++;
      if (simulated <= observed) smaller++;
    }
    // PySAL folds with permutations - larger; counting ties on both sides gives the same without ties and 1,
    // not 1 / (permutations + 1), for a location whose value is exactly the mean.
    const extreme = Math.min(larger, smaller);
    return (extreme + 1) / (permutations + 1);
  }
}
