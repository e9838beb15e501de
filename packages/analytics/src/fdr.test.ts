import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, hotspotBins } from './fdr.ts';

describe('benjaminiHochberg', () => {
  it('reproduces the worked example of analytics.md: cut-off 0.0125, the first two significant', () => {
    const r = benjaminiHochberg([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205], 0.05);
    expect(r.threshold).toBeCloseTo(0.0125, 15);
    expect(r.significant).toEqual([true, true, false, false, false, false, false, false]);
  });

  it.each<[string, number[], number, number, boolean[]]>([
    ['input order does not matter', [0.205, 0.008, 0.06, 0.001], 0.05, 0.025, [false, true, false, true]],
    ['tied p-values are all in', [0.01, 0.01, 0.01, 0.5], 0.05, 0.0375, [true, true, true, false]],
    ['step-up: a tie above its own rank bound is rescued by the tie above', [0.02, 0.02], 0.03, 0.03, [true, true]],
    ['a p equal to its bound counts (k alpha / m = 3 * 0.05 / 4)', [0.0375, 0.0375, 0.0375, 0.9], 0.05, 0.0375, [true, true, true, false]],
    ['nothing significant gives threshold 0', [0.2, 0.5, 0.9], 0.05, 0, [false, false, false]],
    ['NaN is never significant and is not counted', [0.001, Number.NaN, 0.04], 0.05, 0.05, [true, false, true]],
    ['an empty list', [], 0.05, 0, []],
  ])('%s', (_what, p, alpha, threshold, significant) => {
    const r = benjaminiHochberg(p, alpha);
    expect(r.threshold).toBeCloseTo(threshold, 15);
    expect(r.significant).toEqual(significant);
  });

  it('rejects alpha outside (0, 1)', () => {
    expect(() => benjaminiHochberg([0.1], 1.5)).toThrow(/alpha/);
  });
});

describe('hotspotBins', () => {
  const z = [3, -2.2, 1.8, 0.5, -3.5, Number.NaN];
  const p = [0.0027, 0.0278, 0.0719, 0.617, 0.000465, Number.NaN];

  it('bins at 90/95/99 % confidence with the sign of z', () => {
    expect(Array.from(hotspotBins(z, p))).toEqual([3, -2, 1, 0, -3, 0]);
  });

  it('applies the false discovery rate at each level', () => {
    // m = 5: at alpha 0.01, k* = 2 (0.000465 <= 0.002, 0.0027 <= 0.004); at 0.05, k* = 3 (0.0278 <= 0.03);
    // at 0.10, k* = 4 (0.0719 <= 0.08).
    expect(Array.from(hotspotBins(z, p, { fdr: true }))).toEqual([3, -2, 1, 0, -3, 0]);
    // One p of 0.015 among five: 95 % unadjusted, but its FDR bound at 95 % is 0.05 / 5 = 0.01: only 90 % remains.
    const lone = [0.015, 0.9, 0.9, 0.9, 0.9];
    expect(Array.from(hotspotBins([2.4, 0, 0, 0, 0], lone))).toEqual([2, 0, 0, 0, 0]);
    expect(Array.from(hotspotBins([2.4, 0, 0, 0, 0], lone, { fdr: true }))).toEqual([1, 0, 0, 0, 0]);
  });
});
