import { describe, expect, it } from 'vitest';
import { createRng, randomInt, shuffleInPlace } from './rng.ts';

const draw = (seed: number, k: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: k }, () => rng());
};

describe('seeded random numbers', () => {
  it('give the same sequence for the same seed in every run (pinned values)', () => {
    expect(draw(42, 3)).toEqual(PINNED_42);
    expect(draw(42, 1000)).toEqual(draw(42, 1000));
  });

  it('give unrelated sequences for neighbouring seeds, including seeds beyond 2^32', () => {
    expect(draw(1, 5)).not.toEqual(draw(2, 5));
    expect(draw(2 ** 32 + 1, 5)).not.toEqual(draw(1, 5));
  });

  it('are uniform in [0, 1) and unbiased on integers', () => {
    const rng = createRng(7);
    const counts = new Array<number>(10).fill(0);
    let sum = 0;
    let outside = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = rng();
      if (u < 0 || u >= 1) outside++;
      sum += u;
      counts[randomInt(rng, 10)]!++;
    }
    expect(outside).toBe(0);
    expect(sum / n).toBeCloseTo(0.5, 2);
    for (const c of counts) expect(Math.abs(c - n / 10)).toBeLessThan(500); // about 5 standard deviations
  });

  it('shuffle keeps the multiset', () => {
    const a = Float64Array.from({ length: 100 }, (_, i) => i);
    shuffleInPlace(a, createRng(3));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

const PINNED_42 = [0.5767213918734342, 0.5318840781692415, 0.212930012261495];
