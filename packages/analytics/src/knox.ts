import { AnalyticsError, check } from './errors.ts';
import { createRng, shuffleInPlace } from './rng.ts';
import type { Metric } from './spatial-hash.ts';
import { forEachPairWithin } from './spatial-hash.ts';

/** An event at (x, y) metres, time t in days (fractions allowed). */
export interface KnoxEvent {
  x: number;
  y: number;
  t: number;
}

/** Options of {@link knox}. */
export interface KnoxOptions {
  /** Ascending break points in metres; band k is [b_k, b_k+1). The last may be Infinity. */
  spaceBands: readonly number[];
  /** Ascending break points in days; band k is [b_k, b_k+1). The last may be Infinity. */
  timeBands: readonly number[];
  /** Default 'manhattan', as Ratcliffe's Near Repeat Calculator. */
  metric?: Metric;
  /** Monte Carlo permutations of the event times among the locations. Default 99. */
  permutations?: number;
  seed?: number;
}

/** Matrices indexed [space band][time band]. */
export interface KnoxResult {
  observed: number[][];
  /** Mean count over the permutations (NaN without permutations). */
  expected: number[][];
  /** observed / expected: the Knox ratio. */
  ratio: number[][];
  /** (1 + permutations with a count >= observed) / (1 + permutations). */
  p: number[][];
  /** Exact expectation under random permutation: (pairs in the space band) (pairs in the time band) / C(n, 2). */
  expectedExact: number[][];
}

function checkBands(bands: readonly number[], what: string): void {
  const ok = bands.length >= 2 && bands.every((b, k) => !Number.isNaN(b) && b >= 0 && (k === 0 || b > bands[k - 1]!));
  if (!ok || !Number.isFinite(bands[bands.length - 2])) {
    throw new AnalyticsError('BAD_BANDS', `${what} must be at least two ascending break points >= 0, only the last may be Infinity`);
  }
}

/** Index of the right-open band holding v, or -1 when v is outside all bands. */
function bandOf(bands: readonly number[], v: number): number {
  if (v < bands[0]!) return -1;
  for (let k = 1; k < bands.length; k++) if (v < bands[k]!) return k - 1;
  return -1;
}

/**
 * Knox test for near repeats: pairs of events counted by distance band and time band, against Monte Carlo
 * permutations of times among locations. Only pairs closer than the last finite distance break are enumerated
 * (grid hashing); an open-ended last distance band is counted as all pairs of its time band minus the nearer ones,
 * since permuting times never changes how many pairs fall in a time band.
 */
export function knox(events: readonly KnoxEvent[], options: KnoxOptions): KnoxResult {
  const { spaceBands: sb, timeBands: tb } = options;
  checkBands(sb, 'spaceBands');
  checkBands(tb, 'timeBands');
  const permutations = options.permutations ?? 99;
  check(Number.isInteger(permutations) && permutations >= 0, 'permutations must be a whole number >= 0');
  const n = events.length;
  const S = sb.length - 1;
  const T = tb.length - 1;
  const openEnded = sb[S] === Infinity;
  const reach = openEnded ? sb[S - 1]! : sb[S]!;
  const x = Float64Array.from(events, (e) => e.x);
  const y = Float64Array.from(events, (e) => e.y);
  const times = Float64Array.from(events, (e) => e.t);
  check(times.every(Number.isFinite), 'event times must be finite numbers of days');
  // Near pairs with their row: 0 for closer than the first break (subtracted from the open band only), else 1 + band.
  const pi: number[] = [];
  const pj: number[] = [];
  const row: number[] = [];
  if (n > 1) {
    forEachPairWithin({ x, y, n }, reach, false, options.metric ?? 'manhattan', (i, j, d) => {
      pi.push(i);
      pj.push(j);
      row.push(bandOf(sb, d) + 1);
    });
  }
  const timeTotals = tb.slice(0, T).map((_, k) => pairsWithinTime(times, tb[k + 1]!) - pairsWithinTime(times, tb[k]!));
  const count = (t: Float64Array): number[][] => {
    const c = Array.from({ length: S + 1 }, () => new Array<number>(T).fill(0));
    for (let k = 0; k < pi.length; k++) {
      const band = bandOf(tb, Math.abs(t[pi[k]!]! - t[pj[k]!]!));
      if (band >= 0) c[row[k]!]![band]!++;
    }
    if (openEnded) for (let b = 0; b < T; b++) c[S]![b] = timeTotals[b]! - c.slice(0, S).reduce((s, r) => s + r[b]!, 0);
    return c.slice(1);
  };
  const observed = count(times);
  const sum = observed.map((r) => r.map(() => 0));
  const atLeast = observed.map((r) => r.map(() => 0));
  const rng = createRng(options.seed);
  const shuffled = Float64Array.from(times);
  for (let p = 0; p < permutations; p++) {
    const sim = count(shuffleInPlace(shuffled, rng));
    sim.forEach((r, s) =>
      r.forEach((v, b) => {
        sum[s]![b]! += v;
        if (v >= observed[s]![b]!) atLeast[s]![b]!++;
      }),
    );
  }
  const expected = sum.map((r) => r.map((v) => (permutations > 0 ? v / permutations : Number.NaN)));
  const allPairs = (n * (n - 1)) / 2;
  const spaceTotals = spaceBandTotals(row, S, openEnded, allPairs);
  return {
    observed,
    expected,
    ratio: observed.map((r, s) => r.map((v, b) => v / expected[s]![b]!)),
    p: atLeast.map((r) => r.map((v) => (permutations > 0 ? (1 + v) / (1 + permutations) : Number.NaN))),
    expectedExact: spaceTotals.map((st) => timeTotals.map((tt) => (allPairs > 0 ? (st * tt) / allPairs : 0))),
  };
}

/** Pairs per distance band over all times. */
function spaceBandTotals(row: readonly number[], S: number, openEnded: boolean, allPairs: number): number[] {
  const totals = new Array<number>(S + 1).fill(0);
  for (const r of row) totals[r]!++;
  if (openEnded) totals[S] = allPairs - totals.slice(0, S).reduce((a, b) => a + b, 0);
  return totals.slice(1);
}

/** Number of pairs with |t_i - t_j| < limit, by a two-pointer sweep over sorted times. */
function pairsWithinTime(times: Float64Array, limit: number): number {
  if (limit === Infinity) return (times.length * (times.length - 1)) / 2;
  const t = Float64Array.from(times).sort();
  let count = 0;
  let lo = 0;
  for (let hi = 0; hi < t.length; hi++) {
    while (lo < hi && t[hi]! - t[lo]! >= limit) lo++;
    count += hi - lo;
  }
  return count;
}
