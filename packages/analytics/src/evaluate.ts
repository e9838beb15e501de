import { check } from './errors.ts';

/**
 * What a hotspot map flags, per cell: true or 1 where flagged, false or 0 where not, or a weight in between for a
 * cell that shares the last flagged places with others tied at the same score (see {@link topCellWeights}).
 */
export type Flags = ArrayLike<boolean | number>;

function totals(flagged: Flags, future: ArrayLike<number>): { n: number; N: number; flaggedCells: number } {
  check(flagged.length === future.length, 'flagged and future must have one entry per cell');
  let n = 0;
  let N = 0;
  let flaggedCells = 0;
  for (let i = 0; i < future.length; i++) {
    N += future[i]!;
    const f = flagged[i]!;
    const w = f === true ? 1 : f === false ? 0 : f;
    check(w >= 0 && w <= 1, 'a flag must be a boolean or a weight between 0 and 1');
    if (w > 0) {
      n += w * future[i]!;
      flaggedCells += w;
    }
  }
  return { n, N, flaggedCells };
}

/** Hit rate n / N: the share of the future events (period t + 1) that fall in flagged cells. */
export function hitRate(flagged: Flags, future: ArrayLike<number>): number {
  const { n, N } = totals(flagged, future);
  return n / N;
}

/**
 * Predictive accuracy index (Chainey et al. 2008): (n / N) / (a / A), the hit rate over the share of the area
 * flagged. `areas` gives each cell's area; without it cells are equal (a grid).
 */
export function pai(flagged: Flags, future: ArrayLike<number>, areas?: ArrayLike<number>): number {
  const { n, N, flaggedCells } = totals(flagged, future);
  let a = flaggedCells;
  let A = future.length;
  if (areas) {
    check(areas.length === future.length, 'areas must have one entry per cell');
    a = 0;
    A = 0;
    for (let i = 0; i < areas.length; i++) {
      A += areas[i]!;
      if (flagged[i]) a += areas[i]!;
    }
  }
  return (n * A) / (N * a); // one rounding fewer than (n / N) / (a / A)
}

/**
 * Predictive efficiency index (Hunt 2016): PAI / PAI_max, where PAI_max flags the same number of equal cells chosen
 * with hindsight (those with the most future events). Equivalent to n / n*, in [0, 1].
 */
export function pei(flagged: Flags, future: ArrayLike<number>): number {
  const { n, flaggedCells } = totals(flagged, future);
  const best = Float64Array.from(future).sort().reverse();
  let nStar = 0;
  for (let i = 0; i < flaggedCells; i++) nStar += best[i]!;
  return n / nStar;
}

/**
 * Flags the top `share` (0..1) of cells by score (rounded to whole cells, at least one when share > 0). Ties are
 * broken by cell order, so the flagged area is exactly the share asked for.
 */
export function topCells(scores: ArrayLike<number>, share: number): Uint8Array {
  check(share >= 0 && share <= 1, 'share must be between 0 and 1');
  const count = share > 0 ? Math.max(1, Math.round(share * scores.length)) : 0;
  const order = Array.from({ length: scores.length }, (_, i) => i);
  const key = (i: number): number => (Number.isNaN(scores[i]) ? -Infinity : scores[i]!);
  order.sort((a, b) => key(b) - key(a) || a - b);
  const flags = new Uint8Array(scores.length);
  for (let k = 0; k < count; k++) flags[order[k]!] = 1;
  return flags;
}

/**
 * The top `share` (0..1) of cells by score as weights: 1 for each cell above the cut, and the places left at the cut
 * shared equally among the cells tied there. The flagged area is exactly the share asked for (rounded to whole cells,
 * at least one when share > 0), and the scores that follow are the expectation over every way of breaking the ties,
 * so a map with many equal scores (the naive baseline's counts of 0 and 1) is not favoured or handicapped by where
 * its tied cells happen to lie. NaN scores come last.
 */
export function topCellWeights(scores: ArrayLike<number>, share: number): Float64Array {
  check(share >= 0 && share <= 1, 'share must be between 0 and 1');
  const count = share > 0 ? Math.max(1, Math.round(share * scores.length)) : 0;
  const weights = new Float64Array(scores.length);
  if (count === 0) return weights;
  const key = (i: number): number => (Number.isNaN(scores[i]) ? -Infinity : scores[i]!);
  const sorted = Float64Array.from({ length: scores.length }, (_, i) => key(i)).sort().reverse();
  const cut = sorted[count - 1]!;
  let above = 0;
  let tied = 0;
  for (let i = 0; i < scores.length; i++) {
    const k = key(i);
    if (k > cut) above++;
    else if (k === cut) tied++;
  }
  const shareOfTied = (count - above) / tied;
  for (let i = 0; i < scores.length; i++) {
    const k = key(i);
    weights[i] = k > cut ? 1 : k === cut ? shareOfTied : 0;
  }
  return weights;
}

/** One row of {@link evaluateHotspots}. */
export interface HotspotScore {
  share: number;
  cells: number;
  hitRate: number;
  pai: number;
  pei: number;
}

/** Options of {@link evaluateHotspots}. */
export interface EvaluateOptions {
  /** Events of period t + 1 that fell outside the grid: they count as missed (in N, never in n). */
  eventsOutside?: number;
}

/**
 * Scores a hotspot map built from period t against the events of period t + 1 at several area shares. Run it for
 * the model and for the naive baseline (period t's own counts as scores) and always show both. Cells tied at the
 * cut share the last places ({@link topCellWeights}), so both maps are scored without favour from tie order.
 */
export function evaluateHotspots(
  scores: ArrayLike<number>,
  future: ArrayLike<number>,
  shares: readonly number[] = [0.01, 0.05, 0.1],
  options: EvaluateOptions = {},
): HotspotScore[] {
  const outside = options.eventsOutside ?? 0;
  check(outside >= 0, 'eventsOutside must not be negative');
  const best = Float64Array.from(future).sort().reverse();
  return shares.map((share) => {
    const weights = topCellWeights(scores, share);
    const { n, N, flaggedCells } = totals(weights, future);
    const cells = Math.round(flaggedCells);
    let nStar = 0;
    for (let i = 0; i < cells; i++) nStar += best[i]!;
    const all = N + outside;
    return { share, cells, hitRate: n / all, pai: (n * future.length) / (all * cells), pei: n / nStar };
  });
}
