const SQRT_PI = Math.sqrt(Math.PI);

/**
 * erfc(x) for x >= 0 to about 1e-15 relative: a positive-term series for erf below 1.5 (no cancellation) and the
 * Laplace continued fraction above, where 1 - erf would lose the tail to rounding. The fraction's length is the
 * fewest terms that reach full precision at the bottom of each range. Exact but slow (a division per term).
 */
export function erfcReference(x: number): number {
  if (x < 1.5) {
    // erf(x) = 2/sqrt(pi) e^{-x^2} sum_k 2^k x^{2k+1} / (1*3*...*(2k+1))
    let term = x;
    let sum = x;
    const x2 = 2 * x * x;
    for (let k = 1; k < 200 && term > sum * 1e-17; k++) {
      term *= x2 / (2 * k + 1);
      sum += term;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^{-x^2}/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated from the tail.
  let f = x;
  for (let k = x >= 3 ? 30 : x >= 2 ? 50 : 100; k >= 1; k--) f = x + k / 2 / f;
  return Math.exp(-x * x) / (SQRT_PI * f);
}

// The scaled function erfcx(x) = e^{x^2} erfc(x) is smooth and its derivative is known exactly,
// erfcx'(x) = 2 x erfcx(x) - 2 / sqrt(pi), so cubic Hermite interpolation in a table of step 1/STEPS is accurate
// to about 3e-14 relative and costs one exp: p-values for half a million grid cells take milliseconds, not 100+.
const STEPS = 1024;
const TABLE_END = 6;
let table: Float64Array | undefined;

function erfcxTable(): Float64Array {
  if (!table) {
    table = new Float64Array(TABLE_END * STEPS + 2);
    for (let i = 0; i < table.length; i++) {
      const x = i / STEPS;
      table[i] = erfcReference(x) * Math.exp(x * x);
    }
  }
  return table;
}

function erfcPositive(x: number): number {
  if (x >= TABLE_END) return erfcReference(x);
  const t = erfcxTable();
  const u = x * STEPS;
  const i = Math.floor(u);
  const s = u - i;
  const f0 = t[i]!;
  const f1 = t[i + 1]!;
  const h = 1 / STEPS;
  const d0 = h * (2 * (i * h) * f0 - 2 / SQRT_PI);
  const d1 = h * (2 * ((i + 1) * h) * f1 - 2 / SQRT_PI);
  const s2 = s * s;
  const s3 = s2 * s;
  const erfcx = (2 * s3 - 3 * s2 + 1) * f0 + (s3 - 2 * s2 + s) * d0 + (-2 * s3 + 3 * s2) * f1 + (s3 - s2) * d1;
  return erfcx * Math.exp(-x * x);
}

/** Upper tail of the standard normal, P(Z > z), accurate far into the tail (no 1 - cdf cancellation). */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const x = z / Math.SQRT2;
  return x >= 0 ? erfcPositive(x) / 2 : 1 - erfcPositive(-x) / 2;
}

/** Standard normal cumulative distribution, P(Z <= z). */
export function normalCdf(z: number): number {
  return normalSf(-z);
}

/** Two-sided p-value of a z-score, P(|Z| >= |z|). */
export function twoSidedP(z: number): number {
  return Math.min(1, 2 * normalSf(Math.abs(z)));
}

// For many p-values at once (a grid of half a million cells): erfc itself, not erfcx, in a cubic Hermite table
// of step 1/1024 on [0, 6), with the exact derivative erfc'(x) = -2/sqrt(pi) e^{-x^2} stored beside each value.
// No exp per value: a lookup and a cubic. Over one step erfc changes by at most a factor e^{-2 x h}, so the
// interpolation error stays below 1e-10 relative up to x = 6 (p ~ 2e-17); beyond it an asymptotic series is used.
let fastTable: Float64Array | undefined;

function erfcHermiteTable(): Float64Array {
  if (!fastTable) {
    const size = TABLE_END * STEPS + 2;
    fastTable = new Float64Array(2 * size);
    for (let i = 0; i < size; i++) {
      const x = i / STEPS;
      fastTable[2 * i] = erfcReference(x);
      fastTable[2 * i + 1] = (-2 / SQRT_PI) * Math.exp(-x * x) / STEPS; // derivative times the step
    }
  }
  return fastTable;
}

/**
 * erfc(x) for x >= 6 by its asymptotic series, e^{-x^2} / (x sqrt(pi)) sum_k (-1)^k (2k-1)!! / (2x^2)^k, to 12
 * terms: the first term left out is below 6e-12 relative at x = 6 and smaller beyond (hot spots of dense crime
 * grids reach z of 20-50, where the continued fraction of erfcReference would cost 30 divisions). NaN stays NaN.
 */
function erfcAsymptotic(x: number): number {
  const q = 1 / (2 * x * x);
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= 12; k++) {
    term *= -(2 * k - 1) * q;
    sum += term;
  }
  return (Math.exp(-x * x) / (x * SQRT_PI)) * sum;
}

/**
 * Two-sided p-values of many z-scores, P(|Z| >= |z|), written into `out` (NaN stays NaN): about 1e-10 relative
 * accuracy (normalSf is exact to ~1e-15 but costs an exp per value). A run of equal z-scores, common on sparse
 * count grids, is computed once.
 */
export function twoSidedPInto(z: ArrayLike<number>, out: Float64Array): Float64Array {
  const t = erfcHermiteTable();
  const limit = TABLE_END * STEPS;
  let lastZ = Number.NaN;
  let lastP = Number.NaN;
  for (let i = 0; i < z.length; i++) {
    const zi = z[i]!;
    if (zi === lastZ) {
      out[i] = lastP;
      continue;
    }
    const u = Math.abs(zi) * Math.SQRT1_2 * STEPS;
    let p: number;
    if (u < limit) {
      const j = u | 0;
      const s = u - j;
      const f0 = t[2 * j]!;
      const d0 = t[2 * j + 1]!;
      const f1 = t[2 * j + 2]!;
      const d1 = t[2 * j + 3]!;
      const s2 = s * s;
      const s3 = s2 * s;
      p = (2 * s3 - 3 * s2 + 1) * f0 + (s3 - 2 * s2 + s) * d0 + (3 * s2 - 2 * s3) * f1 + (s3 - s2) * d1;
      if (p > 1) p = 1;
    } else p = erfcAsymptotic(Math.abs(zi) * Math.SQRT1_2);
    out[i] = p;
    lastZ = zi;
    lastP = p;
  }
  return out;
}
