import { describe, expect, it } from 'vitest';
import { localMoran } from './local-moran.ts';
import { moranI } from './moran.ts';
import { permutationsOf, rookLattice } from './test-fixtures.ts';
import { weightsFromLists } from './weights.ts';

const W7 = weightsFromLists([[1, 2], [0, 3], [0, 3, 4], [1, 2, 5, 6], [2], [3, 6], [3, 5], []], [[1, 2], [1, 0.5], [1, 1, 3], [1, 1, 1, 1], [1], [2, 1], [1, 1], []]);
const X7 = [3, 8, 1, 7, 7, 2, 10, 4];

describe('localMoran', () => {
  it('follows Anselin (1995) on the 3x3 lattice: I_i = z_i sum_j w_ij z_j / m2', () => {
    const r = localMoran([1, 2, 3, 4, 5, 6, 7, 8, 9], rookLattice(3, 3), { permutations: 0 });
    // z = -4..4, m2 = 60 / 9; corner 0 has neighbours 1 and 3 (z -3, -1): I_0 = -4 * -4 / (60 / 9) = 2.4.
    expect(r.Is[0]).toBeCloseTo(2.4, 12);
    expect(r.EIs[0]).toBeCloseTo(-2 / 8, 15);
    expect(r.quadrant).toEqual(['LL', 'LL', 'LL', 'LL', 'LL', 'HH', 'HH', 'HH', 'HH']);
  });

  it('sums to S0 times the global I', () => {
    const r = localMoran(X7, W7, { permutations: 0 });
    const g = moranI(X7, W7);
    expect(r.Is.reduce((a, b) => a + b, 0)).toBeCloseTo(g.S0 * g.I, 12);
  });

  it('has analytic E and Var equal to the exact moments over all 8! permutations of the values', () => {
    const perms = permutationsOf(8);
    const runs = perms.map((p) => localMoran(p.map((k) => X7[k]!), W7, { permutations: 0 }).Is);
    const r = localMoran(X7, W7, { permutations: 0 });
    for (let i = 0; i < 7; i++) {
      const mean = runs.reduce((a, run) => a + run[i]!, 0) / runs.length;
      const variance = runs.reduce((a, run) => a + (run[i]! - mean) ** 2, 0) / runs.length;
      expect(r.EIs[i]).toBeCloseTo(mean, 12);
      expect(r.VIs[i]).toBeCloseTo(variance, 12);
    }
  });

  it('gives islands I = 0 and NaN z and pseudo p-value', () => {
    const r = localMoran(X7, W7, { permutations: 99 });
    expect([r.Is[7], r.EIs[7], r.VIs[7]]).toEqual([0, 0, 0]);
    expect(Number.isNaN(r.zs[7]) && Number.isNaN(r.pSim[7])).toBe(true);
  });

  it('gives the same pseudo p-values for the same seed, in [1 / (P + 1), 0.5 + 1 / (P + 1)]', () => {
    const x = Array.from({ length: 25 }, (_, i) => (i * 7919) % 31);
    const a = localMoran(x, rookLattice(5, 5), { permutations: 199, seed: 9 });
    const b = localMoran(x, rookLattice(5, 5), { permutations: 199, seed: 9 });
    const c = localMoran(x, rookLattice(5, 5), { permutations: 199, seed: 10 });
    expect(a.pSim).toEqual(b.pSim);
    expect(a.pSim).not.toEqual(c.pSim);
    for (const p of a.pSim) expect(p >= 1 / 200 && p <= 0.5 + 1 / 200).toBe(true);
  });

  it('finds a planted high-high cluster with small pseudo p-values', () => {
    const x = Array.from({ length: 100 }, (_, i) => ((i * 37) % 11) + (i % 10 < 3 && i < 30 ? 40 : 0));
    const r = localMoran(x, rookLattice(10, 10), { permutations: 999, seed: 1 });
    expect(r.quadrant[11]).toBe('HH');
    expect(r.pSim[11]).toBeLessThan(0.01);
    expect(r.zs[11]).toBeGreaterThan(2.58);
  });

  it('gives p = 1, not 1 / (P + 1), to a location exactly at the mean, and NaN everywhere for zero variance', () => {
    const r = localMoran([1, 2, 3, 4, 5, 6, 7, 8, 9], rookLattice(3, 3), { permutations: 99 });
    expect(r.pSim[4]).toBe(1);
    const flat = localMoran([2, 2, 2, 2], rookLattice(2, 2));
    expect([...flat.Is, ...flat.zs, ...flat.pSim].every(Number.isNaN)).toBe(true);
  });
});
