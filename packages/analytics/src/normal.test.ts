import { describe, expect, it } from 'vitest';
import { erfcReference, normalCdf, normalSf, twoSidedP, twoSidedPInto } from './normal.ts';

// Reference values from scipy.stats.norm.sf (SciPy 1.17).
const SCIPY_SF: [number, number][] = [
  [0, 0.5],
  [0.5, 0.3085375387259869],
  [1, 0.15865525393145707],
  [1.6448536269514722, 0.05],
  [1.959963984540054, 0.025],
  [2.5, 0.006209665325776132],
  [2.9, 0.0018658133003840375],
  [3, 0.0013498980316300933],
  [3.5, 0.00023262907903552502],
  [4, 3.167124183311986e-5],
  [6, 9.865876450376946e-10],
  [10, 7.61985302416047e-24],
  [20, 2.7536241186061556e-89],
  [37, 5.7255712225239266e-300],
];

describe('normal distribution', () => {
  it.each(SCIPY_SF)('upper tail at z = %f matches SciPy to 1e-12 relative', (z, expected) => {
    expect(Math.abs(normalSf(z) - expected) / expected).toBeLessThan(1e-12);
  });

  it.each(SCIPY_SF)('is symmetric: cdf(-%f) equals the upper tail', (z, expected) => {
    expect(normalCdf(-z)).toBeCloseTo(expected, 15);
    expect(normalCdf(z) + normalSf(z)).toBeCloseTo(1, 15);
  });

  it('gives two-sided p-values, and NaN for NaN', () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedP(0)).toBe(1);
    expect(twoSidedP(Number.NaN)).toBeNaN();
  });
});

describe('normal tail interpolation', () => {
  it('agrees with the slow reference erfc to 1e-13 relative across the table', () => {
    let worst = 0;
    for (let k = 0; k <= 60_000; k++) {
      const x = (k / 60_000) * 6.2;
      const ref = erfcReference(x);
      worst = Math.max(worst, Math.abs(2 * normalSf(x * Math.SQRT2) - ref) / ref);
    }
    expect(worst).toBeLessThan(1e-13);
  });
});

describe('many p-values at once (twoSidedPInto)', () => {
  it('agrees with the exact two-sided p to 1e-9 relative from z = 0 to 37 (table, then asymptotic series), NaN kept', () => {
    const z = Float64Array.from({ length: 200_001 }, (_, k) => ((k - 100_000) / 100_000) * 37); // -37 .. 37
    z[5] = Number.NaN;
    const p = twoSidedPInto(z, new Float64Array(z.length));
    let worst = 0;
    z.forEach((v, i) => {
      if (Number.isNaN(v)) return expect(p[i]).toBeNaN();
      const exact = twoSidedP(v);
      worst = Math.max(worst, Math.abs(p[i]! - exact) / exact);
    });
    expect(worst).toBeLessThan(1e-9);
  });

  it.each(SCIPY_SF)('matches SciPy at z = %f (runs of equal z computed once)', (z, expected) => {
    const p = twoSidedPInto([z, z, -z], new Float64Array(3));
    for (const v of p) expect(Math.abs(v - Math.min(1, 2 * expected)) / Math.min(1, 2 * expected)).toBeLessThan(1e-9);
  });
});
