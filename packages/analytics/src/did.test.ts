import { describe, expect, it } from 'vitest';
import { differenceInDifferences, dispersionIndex, fdrThresholds, normalQuantileTwoSided } from './did.ts';
import { benjaminiHochberg } from './fdr.ts';
import { createRng } from './rng.ts';

describe('differenceInDifferences', () => {
  it('computes the hand-worked example: treated 100 -> 60, control 400 -> 380, neighbours 80 -> 90', () => {
    const r = differenceInDifferences({ treatedBefore: 100, treatedAfter: 60, controlBefore: 400, controlAfter: 380, neighboursBefore: 80, neighboursAfter: 90 });
    expect(r.z).toBeCloseTo(1.959964, 5);
    // Expected after = 100 * 380 / 400 = 95; difference 60 - 95 = -35.
    expect(r.difference.estimate).toBeCloseTo(-35, 12);
    // Var = 60 + 0.95^2 100 + 0.25^2 380 + (100 * 380 / 160000)^2 400 = 60 + 90.25 + 23.75 + 22.5625 = 196.5625.
    expect(r.difference.high - r.difference.estimate).toBeCloseTo(1.959964 * Math.sqrt(196.5625), 4);
    // Ratio of ratios 0.6 / 0.95; log se sqrt(1/60 + 1/100 + 1/380 + 1/400).
    expect(r.relative.estimate).toBeCloseTo(0.6 / 0.95, 12);
    const se = Math.sqrt(1 / 60 + 1 / 100 + 1 / 380 + 1 / 400);
    expect(r.relative.low).toBeCloseTo((0.6 / 0.95) * Math.exp(-1.959964 * se), 5);
    expect(r.relative.high).toBeLessThan(1); // the drop is significant at 95 %
    expect(r.displacement!.estimate).toBeCloseTo(90 / 80 / 0.95, 12);
    // WDD = (-40 + 20) + (10 + 20) = 10, Var = 100 + 60 + 80 + 90 + 4 (400 + 380) = 3450.
    expect(r.wdd!.estimate).toBe(10);
    expect(r.wdd!.high - 10).toBeCloseTo(1.959964 * Math.sqrt(3450), 4);
    expect(r.continuityCorrected).toBe(false);
  });

  it('finds no effect when the treated area follows the control trend, and corrects zero counts', () => {
    const r = differenceInDifferences({ treatedBefore: 50, treatedAfter: 100, controlBefore: 200, controlAfter: 400 }, { confidence: 0.9 });
    expect(r.difference.estimate).toBeCloseTo(0, 12);
    expect(r.relative.estimate).toBeCloseTo(1, 12);
    expect(r.relative.low).toBeLessThan(1);
    expect(r.relative.high).toBeGreaterThan(1);
    expect(r.displacement).toBeNull();
    const zero = differenceInDifferences({ treatedBefore: 10, treatedAfter: 0, controlBefore: 20, controlAfter: 20 });
    expect(zero.continuityCorrected).toBe(true);
    expect(zero.relative.estimate).toBeCloseTo(0.5 / 10.5, 12);
  });

  it('refuses a control without incidents before and negative counts', () => {
    expect(() => differenceInDifferences({ treatedBefore: 1, treatedAfter: 1, controlBefore: 0, controlAfter: 1 })).toThrow(/control/);
    expect(() => differenceInDifferences({ treatedBefore: -1, treatedAfter: 1, controlBefore: 1, controlAfter: 1 })).toThrow(/non-negative/);
  });

  it('widens every interval by the square root of the dispersion (quasi-Poisson), estimates unchanged', () => {
    const counts = { treatedBefore: 100, treatedAfter: 60, controlBefore: 400, controlAfter: 380, neighboursBefore: 80, neighboursAfter: 90 };
    const poisson = differenceInDifferences(counts);
    const wide = differenceInDifferences(counts, { dispersion: 4 });
    expect(wide.dispersion).toBe(4);
    expect(wide.difference.estimate).toBe(poisson.difference.estimate);
    expect(wide.difference.high - wide.difference.estimate).toBeCloseTo(2 * (poisson.difference.high - poisson.difference.estimate), 10);
    expect(Math.log(wide.relative.high / wide.relative.estimate)).toBeCloseTo(2 * Math.log(poisson.relative.high / poisson.relative.estimate), 10);
    expect(Math.log(wide.displacement!.high / wide.displacement!.estimate)).toBeCloseTo(2 * Math.log(poisson.displacement!.high / poisson.displacement!.estimate), 10);
    expect(wide.wdd!.high - wide.wdd!.estimate).toBeCloseTo(2 * (poisson.wdd!.high - poisson.wdd!.estimate), 10);
    // The hand-worked drop is significant for Poisson counts and not once the counts vary four times as much.
    expect(poisson.relative.high).toBeLessThan(1);
    expect(wide.relative.high).toBeGreaterThan(1);
    expect(() => differenceInDifferences(counts, { dispersion: 0.5 })).toThrow(/dispersion/);
  });

  it('pools the Pearson dispersion of sub-period counts, never below 1', () => {
    // Series 1: mean 25, sum of squares 500, / 25 = 20; series 2: mean 100, 200 / 100 = 2; df 3 + 3.
    expect(dispersionIndex([[20, 30, 10, 40], [100, 90, 110, 100]])).toBeCloseTo(22 / 6, 12);
    expect(dispersionIndex([[10, 10, 10]])).toBe(1); // less variable than Poisson: 1, never narrower
    expect(dispersionIndex([[0, 0, 0], [5]])).toBe(1); // nothing to pool
    // Poisson counts come out near 1.
    const rng = createRng(3);
    const poissonDraw = (mean: number): number => { let k = 0; let p = Math.exp(-mean); let s = p; const u = rng(); while (u > s) { k++; p *= mean / k; s += p; } return k; };
    const draws = Array.from({ length: 4 }, () => Array.from({ length: 200 }, () => poissonDraw(12)));
    expect(dispersionIndex(draws)).toBeLessThan(1.25);
    expect(() => dispersionIndex([[1, -1]])).toThrow(/non-negative/);
  });

  it('uses the usual normal quantiles', () => {
    expect(normalQuantileTwoSided(0.9)).toBeCloseTo(1.644854, 5);
    expect(normalQuantileTwoSided(0.99)).toBeCloseTo(2.575829, 5);
  });
});

describe('fdrThresholds', () => {
  it('equals benjaminiHochberg thresholds, with one sort for several alphas', () => {
    const example = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205];
    expect(fdrThresholds(example, [0.05])[0]).toBeCloseTo(0.0125, 15);
    const rng = createRng(7);
    const p = Array.from({ length: 5000 }, (_, i) => (i % 97 === 0 ? Number.NaN : rng() ** 3));
    const alphas = [0.1, 0.05, 0.01];
    expect(fdrThresholds(p, alphas)).toEqual(alphas.map((a) => benjaminiHochberg(p, a).threshold));
  });
});
