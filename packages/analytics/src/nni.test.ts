import { describe, expect, it } from 'vitest';
import { nearestNeighbourIndex } from './nni.ts';
import { createRng } from './rng.ts';

describe('nearestNeighbourIndex', () => {
  it('gives R = 2 for a square lattice (spacing s over area n s^2: observed s, expected s / 2)', () => {
    const pts = Array.from({ length: 100 }, (_, i): [number, number] => [(i % 10) * 10, Math.floor(i / 10) * 10]);
    const r = nearestNeighbourIndex(pts, 100 * 100);
    expect(r.observedMean).toBeCloseTo(10, 12);
    expect(r.expectedMean).toBeCloseTo(5, 12);
    expect(r.index).toBeCloseTo(2, 12);
    expect(r.z).toBeCloseTo((10 - 5) / (0.26136 / Math.sqrt(100 * 100 / 10_000)), 9);
  });

  it.each([1, 2, 3])('equals the brute-force mean nearest-neighbour distance on clustered data (seed %d)', (seed) => {
    const rng = createRng(seed);
    const pts = Array.from({ length: 700 }, (_, i): [number, number] =>
      i % 2 === 0 ? [5000 + 30 * rng(), 5000 + 30 * rng()] : [rng() * 10_000, rng() * 3000],
    );
    pts.push([...pts[0]!]); // a duplicate: nearest distance 0
    const brute =
      pts.reduce((sum, p, i) => sum + Math.min(...pts.map((q, j) => (i === j ? Infinity : Math.hypot(p[0] - q[0], p[1] - q[1])))), 0) / pts.length;
    const r = nearestNeighbourIndex(pts, 10_000 * 3000);
    expect(r.observedMean).toBeCloseTo(brute, 9);
    expect(r.index).toBeLessThan(1); // clustered
    expect(r.p).toBeLessThan(0.001);
  });

  it('needs two points and a positive area', () => {
    expect(() => nearestNeighbourIndex([[0, 0]], 10)).toThrow(/two points/);
    expect(() => nearestNeighbourIndex([[0, 0], [1, 1]], 0)).toThrow(/area/);
  });
});
