import { describe, expect, it } from 'vitest';
import { moranI, weightSums } from './moran.ts';
import { permutationsOf, rookLattice } from './test-fixtures.ts';
import { weightsFromLists } from './weights.ts';

describe('moranI', () => {
  it('reproduces PySAL on the 3x3 rook lattice, values 1..9, binary: I 0.5, Var_norm 0.053125, Var_rand 0.0596875', () => {
    const r = moranI([1, 2, 3, 4, 5, 6, 7, 8, 9], rookLattice(3, 3), { transform: 'b' });
    expect(r.I).toBeCloseTo(0.5, 12);
    expect(r.EI).toBeCloseTo(-0.125, 15);
    expect(r.VI_norm).toBeCloseTo(0.053125, 12);
    expect(r.VI_rand).toBeCloseTo(0.0596875, 12);
    expect(r.z_norm).toBeCloseTo((0.5 + 0.125) / Math.sqrt(0.053125), 12);
    expect(r.p_norm).toBeCloseTo(0.0033476567693754, 12); // 1 - Phi(2.7116307227332), one-sided
  });

  it('has the exact permutation mean and variance: VI_rand equals the variance of I over all 7! orderings', () => {
    // The randomisation moments are, by construction, the moments of I over every reordering of the values.
    const w = weightsFromLists([[1, 2], [0, 3], [0, 3, 4], [1, 2, 5, 6], [2], [3, 6], [3, 5]], [[1, 2], [1, 0.5], [1, 1, 3], [1, 1, 1, 1], [1], [2, 1], [1, 1]]);
    const x = [3, 8, 1, 7, 7, 2, 10];
    const Is = permutationsOf(7).map((p) => moranI(p.map((k) => x[k]!), w).I);
    const mean = Is.reduce((a, b) => a + b, 0) / Is.length;
    const variance = Is.reduce((a, b) => a + (b - mean) ** 2, 0) / Is.length;
    const r = moranI(x, w);
    expect(mean).toBeCloseTo(r.EI, 12);
    expect(variance).toBeCloseTo(r.VI_rand, 12);
  });

  it('computes S0, S1, S2 of asymmetric weights as the dense sums', () => {
    const w = weightsFromLists([[1, 2], [0], [1]], [[2, 3], [5], [7]]);
    const dense = [[0, 2, 3], [5, 0, 0], [0, 7, 0]];
    let S1 = 0;
    let S2 = 0;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) S1 += 0.5 * (dense[i]![j]! + dense[j]![i]!) ** 2;
      S2 += (dense[i]!.reduce((a, b) => a + b, 0) + dense.reduce((a, row) => a + row[i]!, 0)) ** 2;
    }
    expect(weightSums(w)).toEqual({ S0: 17, S1, S2 });
  });

  it('row-standardises on request (S0 becomes n without islands)', () => {
    const r = moranI([1, 2, 3, 4, 5, 6, 7, 8, 9], rookLattice(3, 3), { transform: 'r' });
    expect(r.S0).toBeCloseTo(9, 12);
    expect(r.I).toBeGreaterThan(0);
  });

  it('is undefined (NaN) when every value is the same', () => {
    const r = moranI([4, 4, 4, 4, 4, 4, 4, 4, 4], rookLattice(3, 3));
    expect([r.I, r.z_norm, r.z_rand, r.p_norm].every(Number.isNaN)).toBe(true);
    expect(r.VI_norm).toBeCloseTo(0.053125, 12);
  });
});
