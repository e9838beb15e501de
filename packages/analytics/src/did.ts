import { check } from './errors.ts';
import { normalCdf } from './normal.ts';

/** An estimate with its confidence interval. */
export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/** Crime counts of an evaluated operation, before and after, in its area and in comparison areas. */
export interface BeforeAfterCounts {
  treatedBefore: number;
  treatedAfter: number;
  controlBefore: number;
  controlAfter: number;
  /** Counts in the areas next to the treated one (to see displacement); optional. */
  neighboursBefore?: number;
  neighboursAfter?: number;
}

/** Result of {@link differenceInDifferences}. */
export interface DifferenceInDifferences {
  /**
   * Incidents after in the treated area minus those expected had it followed the control trend:
   * T_a - T_b C_a / C_b (negative: fewer than expected). Delta-method variance with Poisson counts.
   */
  difference: Interval;
  /** Ratio of ratios (T_a / T_b) / (C_a / C_b), CI on the log scale (below 1: a relative drop). */
  relative: Interval;
  /** The same ratio of ratios for the neighbouring areas against the control: above 1 suggests displacement. */
  displacement: Interval | null;
  /**
   * Weighted displacement difference (Wheeler & Ratcliffe 2018) with one control for both areas:
   * (dT - dC) + (dN - dC), Poisson variance T_b + T_a + N_b + N_a + 4 (C_b + C_a).
   */
  wdd: Interval | null;
  /** The normal quantile used for the intervals. */
  z: number;
  /** The dispersion the variances were scaled by (1: Poisson counts). */
  dispersion: number;
  /** True when a zero count forced the 0.5 continuity correction of the ratios. */
  continuityCorrected: boolean;
}

/** The standard normal quantile for a two-sided interval of the given confidence (bisection on the CDF). */
export function normalQuantileTwoSided(confidence: number): number {
  check(confidence > 0 && confidence < 1, 'confidence must be between 0 and 1');
  const target = 1 - (1 - confidence) / 2;
  let lo = 0;
  let hi = 40;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function ratioOfRatios(a1: number, b1: number, a0: number, b0: number, z: number, phi: number): { value: Interval; corrected: boolean } {
  const corrected = a1 === 0 || b1 === 0 || a0 === 0 || b0 === 0;
  const [ta, tb, ca, cb] = corrected ? [a1 + 0.5, b1 + 0.5, a0 + 0.5, b0 + 0.5] : [a1, b1, a0, b0];
  const log = Math.log(ta / tb) - Math.log(ca / cb);
  const se = Math.sqrt(phi * (1 / ta + 1 / tb + 1 / ca + 1 / cb));
  return { value: { estimate: Math.exp(log), low: Math.exp(log - z * se), high: Math.exp(log + z * se) }, corrected };
}

/**
 * Before/after evaluation of an operation against comparison areas over the same periods: the difference in
 * differences (scaled to the control trend), the ratio of ratios, displacement to neighbouring areas and the weighted
 * displacement difference, each with a normal-approximation confidence interval for Poisson counts. A drop inside
 * the area alone is not evidence: read the interval, and whether it excludes 0 (or 1 for ratios). Crime counts vary
 * more than Poisson counts do: pass `dispersion` (see {@link dispersionIndex}) and every variance is scaled by it
 * (quasi-Poisson), so the intervals widen by its square root.
 */
export function differenceInDifferences(
  c: BeforeAfterCounts,
  { confidence = 0.95, dispersion = 1 }: { confidence?: number; dispersion?: number } = {},
): DifferenceInDifferences {
  check(Number.isFinite(dispersion) && dispersion >= 1, 'dispersion must be a number of at least 1 (1: Poisson)');
  const counts = [c.treatedBefore, c.treatedAfter, c.controlBefore, c.controlAfter, c.neighboursBefore ?? 0, c.neighboursAfter ?? 0];
  check(counts.every((n) => Number.isFinite(n) && n >= 0), 'counts must be non-negative numbers');
  check(c.controlBefore > 0, 'the control areas need incidents in the before period');
  const z = normalQuantileTwoSided(confidence);
  const { treatedBefore: tb, treatedAfter: ta, controlBefore: cb, controlAfter: ca } = c;
  const trend = ca / cb;
  const difference = ta - tb * trend;
  // d/dTa = 1, d/dTb = -Ca/Cb, d/dCa = -Tb/Cb, d/dCb = Tb Ca / Cb^2; Var(n) = n for Poisson counts.
  const variance = dispersion * (ta + trend * trend * tb + (tb / cb) ** 2 * ca + ((tb * ca) / (cb * cb)) ** 2 * cb);
  const half = z * Math.sqrt(variance);
  const relative = ratioOfRatios(ta, tb, ca, cb, z, dispersion);
  let displacement: Interval | null = null;
  let wdd: Interval | null = null;
  let corrected = relative.corrected;
  if (c.neighboursBefore !== undefined && c.neighboursAfter !== undefined) {
    const nb = c.neighboursBefore;
    const na = c.neighboursAfter;
    const d = ratioOfRatios(na, nb, ca, cb, z, dispersion);
    displacement = d.value;
    corrected ||= d.corrected;
    const w = ta - tb - (ca - cb) + (na - nb - (ca - cb));
    const wHalf = z * Math.sqrt(dispersion * (tb + ta + nb + na + 4 * (cb + ca)));
    wdd = { estimate: w, low: w - wHalf, high: w + wHalf };
  }
  return { difference: { estimate: difference, low: difference - half, high: difference + half }, relative: relative.value, displacement, wdd, z, dispersion, continuityCorrected: corrected };
}

/**
 * How much more counts vary than Poisson counts would: the pooled Pearson statistic of several series of counts over
 * equal sub-periods (e.g. weekly counts of the treated, control and neighbouring areas), each against its own mean,
 * sum((y - mean)^2 / mean) / sum(length - 1), never below 1. Series with a zero mean or a single value add nothing;
 * with nothing to pool the answer is 1. A trend within a series also counts as extra variation, which errs on the
 * side of wider intervals.
 */
export function dispersionIndex(series: readonly (readonly number[])[]): number {
  let chi2 = 0;
  let df = 0;
  for (const s of series) {
    check(s.every((y) => Number.isFinite(y) && y >= 0), 'counts must be non-negative numbers');
    if (s.length < 2) continue;
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    if (mean === 0) continue;
    for (const y of s) chi2 += (y - mean) ** 2 / mean;
    df += s.length - 1;
  }
  return df === 0 ? 1 : Math.max(1, chi2 / df);
}

/**
 * Benjamini-Hochberg cut-offs for several alphas with ONE sort of the p-values (typed-array sort, no comparator):
 * for a million grid cells this is what makes FDR affordable. Equal to `benjaminiHochberg(p, alpha).threshold`.
 */
export function fdrThresholds(p: ArrayLike<number>, alphas: readonly number[]): number[] {
  let m = 0;
  for (let i = 0; i < p.length; i++) if (Number.isFinite(p[i])) m++;
  const sorted = new Float64Array(m);
  for (let i = 0, k = 0; i < p.length; i++) if (Number.isFinite(p[i])) sorted[k++] = p[i]!;
  sorted.sort();
  return alphas.map((alpha) => {
    check(alpha > 0 && alpha < 1, 'alpha must be between 0 and 1');
    for (let k = m; k >= 1; k--) if (sorted[k - 1]! <= ((k * alpha) / m) * (1 + 1e-12)) return (k * alpha) / m;
    return 0;
  });
}
