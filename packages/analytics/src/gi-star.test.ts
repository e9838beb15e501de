import { describe, expect, it } from 'vitest';
import { distanceBandWeights } from './distance-band.ts';
import { giStar } from './gi-star.ts';
import { weightsFromLists } from './weights.ts';

const POINTS: [number, number][] = [[10, 10], [20, 10], [40, 10], [15, 20], [30, 20], [30, 30]];
const Y = [2, 3, 3.2, 5, 8, 7];
// PySAL esda, G_Local(y, DistanceBand(points, 15), transform='B', star=True).Zs (esda/getisord.py docstring and
// esda/tests/test_getisord.py), quoted in shared/domain/analytics.md.
const PYSAL_GI_STAR = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331];

/** Gi* written out from the definition in analytics.md over a dense matrix. */
function giStarDense(x: number[], w: number[][]): number[] {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(x.reduce((a, b) => a + b * b, 0) / n - mean * mean);
  return x.map((_, i) => {
    const row = w[i]!;
    const sw = row.reduce((a, b) => a + b, 0);
    const sw2 = row.reduce((a, b) => a + b * b, 0);
    const swx = row.reduce((a, b, j) => a + b * x[j]!, 0);
    return (swx - mean * sw) / (s * Math.sqrt((n * sw2 - sw * sw) / (n - 1)));
  });
}

describe('giStar', () => {
  const w = distanceBandWeights(POINTS, 15);

  it('reproduces all six z-scores of the PySAL esda six-point example to 1e-6', () => {
    const { z } = giStar(Y, w, { transform: 'b' });
    z.forEach((zi, i) => expect(Math.abs(zi - PYSAL_GI_STAR[i]!)).toBeLessThan(1e-6));
  });

  it('gives two-sided p-values (PySAL p_norm doubled)', () => {
    const { p } = giStar(Y, w);
    expect(p[5]).toBeCloseTo(0.04294512, 7); // 2 * (1 - Phi(2.02424331))
  });

  it('gives the same z with row standardisation, since z does not change when a row is scaled', () => {
    const b = giStar(Y, w, { transform: 'b' }).z;
    giStar(Y, w, { transform: 'r' }).z.forEach((zi, i) => expect(zi).toBeCloseTo(b[i]!, 12));
  });

  it('matches the dense definition with general (inverse-distance) weights and with them binarised', () => {
    const nb = POINTS.map((_, i) => POINTS.map((_, j) => j).filter((j) => j !== i));
    const inv = POINTS.map((p, i) => nb[i]!.map((j) => 1 / Math.hypot(p[0] - POINTS[j]![0], p[1] - POINTS[j]![1])));
    const wInv = weightsFromLists(nb, inv);
    const dense = POINTS.map((_, i) => POINTS.map((_, j) => (i === j ? 1 : inv[i]![nb[i]!.indexOf(j)]!)));
    const z = giStar(Y, wInv).z;
    giStarDense(Y, dense).forEach((zi, i) => expect(z[i]).toBeCloseTo(zi, 12));
    // Binary weights linking everyone: every row is the same complete window, so Gi* is 0/0.
    expect(giStar(Y, wInv, { transform: 'b' }).z.every(Number.isNaN)).toBe(true);
  });

  it('uses a self weight already present in the weights instead of adding one', () => {
    const withSelf = weightsFromLists([[0, 1], [1, 0], [2]], [[2, 1], [2, 1], [2]]);
    const dense = [[2, 1, 0], [1, 2, 0], [0, 0, 2]];
    const z = giStar([1, 4, 9], withSelf).z;
    giStarDense([1, 4, 9], dense).forEach((zi, i) => expect(z[i]).toBeCloseTo(zi, 12));
  });

  it('scores an island by its own value alone: (x_i - mean) / S', () => {
    const island = weightsFromLists([[1], [0], []]);
    const x = [1, 2, 6];
    const mean = 3;
    const s = Math.sqrt((4 + 1 + 9) / 3);
    expect(giStar(x, island).z[2]).toBeCloseTo((6 - mean) / s, 12);
  });

  it('returns NaN z and p for zero variance', () => {
    const { z, p } = giStar([5, 5, 5, 5, 5, 5], w);
    expect(z.every(Number.isNaN) && p.every(Number.isNaN)).toBe(true);
  });

  it('rejects weights for a different number of observations', () => {
    expect(() => giStar([1, 2], w)).toThrow(/6 observations but 2 values/);
  });
});
