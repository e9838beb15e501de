import { check } from './errors.ts';

/** A flag per cell: true (or non-zero) where the hotspot map flags the cell. */
export type Flags = ArrayLike<boolean | number>;

function totals(flagged: Flags, future: ArrayLike<number>): { n: number; N: number; flaggedCells: number } {
  check(flagged.length === future.length, 'flagged and future must have one entry per cell');
  let n = 0;
  let N = 0;
  let flaggedCells = 0;
  for (let i = 0; i < future.length; i++) {
    N += future[i]!;
    if (flagged[i]) {
      n += future[i]!;
      flaggedCells++;
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

/** One row of {@link evaluateHotspots}. */
export interface HotspotScore {
  share: number;
  cells: number;
  hitRate: number;
  pai: number;
  pei: number;
}

/**
 * Scores a hotspot map built from period t against the events of period t + 1 at several area shares. Run it for
 * the model and for the naive baseline (period t's own counts as scores) and always show both.
 */
export function evaluateHotspots(scores: ArrayLike<number>, future: ArrayLike<number>, shares: readonly number[] = [0.01, 0.05, 0.1]): HotspotScore[] {
  return shares.map((share) => {
    const flags = topCells(scores, share);
    const cells = flags.reduce((s, f) => s + f, 0);
    return { share, cells, hitRate: hitRate(flags, future), pai: pai(flags, future), pei: pei(flags, future) };
  });
}
