import { describe, expect, it } from 'vitest';
import type { KnoxEvent } from './knox.ts';
import { knox } from './knox.ts';
import { createRng } from './rng.ts';

/** Pair counts straight from the definition, O(n^2). */
function bruteCounts(events: KnoxEvent[], sb: number[], tb: number[], metric: 'euclidean' | 'manhattan'): number[][] {
  const band = (bands: number[], v: number): number => bands.findIndex((b, k) => k < bands.length - 1 && v >= b && v < bands[k + 1]!);
  const counts = sb.slice(1).map(() => tb.slice(1).map(() => 0));
  events.forEach((a, i) =>
    events.slice(i + 1).forEach((b) => {
      const d = metric === 'euclidean' ? Math.hypot(a.x - b.x, a.y - b.y) : Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
      const s = band(sb, d);
      const t = band(tb, Math.abs(a.t - b.t));
      if (s >= 0 && t >= 0) counts[s]![t]!++;
    }),
  );
  return counts;
}

function randomEvents(n: number, seed: number, integer = false): KnoxEvent[] {
  const rng = createRng(seed);
  const r = (scale: number): number => (integer ? Math.round(rng() * scale / 50) * 50 : rng() * scale);
  return Array.from({ length: n }, () => ({ x: r(3000), y: r(2000), t: integer ? Math.round(rng() * 60) : rng() * 60 }));
}

describe('knox', () => {
  it.each<['euclidean' | 'manhattan', number[], number[]]>([
    ['manhattan', [0, 100, 200, 400, Infinity], [0, 1, 7, 14, Infinity]],
    ['euclidean', [0, 100, 200, 400, Infinity], [0, 7, 30]],
    ['manhattan', [50, 300, 600], [2, 10, 20]],
    ['euclidean', [0, 250], [0, Infinity]],
  ])('counts pairs as the O(n^2) definition (%s, space %j, time %j), break points going to the upper band', (metric, sb, tb) => {
    const events = randomEvents(300, 5, true); // on a 50 m lattice and whole days, so many pairs sit on a break
    const r = knox(events, { spaceBands: sb, timeBands: tb, metric, permutations: 0 });
    expect(r.observed).toEqual(bruteCounts(events, sb, tb, metric));
  });

  it('estimates the expected counts by permutation: close to the exact expectation, and seeded', () => {
    const events = randomEvents(200, 8);
    const options = { spaceBands: [0, 200, 500, Infinity], timeBands: [0, 3, 10, Infinity], permutations: 400, seed: 4 };
    const a = knox(events, options);
    expect(a).toEqual(knox(events, options));
    a.expected.forEach((row, s) => row.forEach((e, t) => expect(Math.abs(e - a.expectedExact[s]![t]!) / a.expectedExact[s]![t]!).toBeLessThan(0.05)));
    a.p.forEach((row) => row.forEach((p) => expect(p >= 1 / 401 && p <= 1).toBe(true)));
    // Without structure the Knox ratios sit near 1.
    a.ratio.forEach((row) => row.forEach((k) => expect(Math.abs(k - 1)).toBeLessThan(0.3)));
  });

  it('detects planted near repeats: ratio above 1 and the smallest attainable p in the close/soon cell', () => {
    const rng = createRng(21);
    const events = randomEvents(300, 9);
    for (let k = 0; k < 60; k++) {
      const e = events[k]!;
      events.push({ x: e.x + rng() * 40, y: e.y + rng() * 40, t: e.t + rng() * 2 });
    }
    const r = knox(events, { spaceBands: [0, 100, Infinity], timeBands: [0, 3, Infinity], permutations: 99, seed: 2 });
    expect(r.ratio[0]![0]).toBeGreaterThan(2);
    expect(r.p[0]![0]).toBeCloseTo(0.01, 12);
  });

  it('handles fewer than two events and rejects bad bands', () => {
    expect(knox([{ x: 0, y: 0, t: 0 }], { spaceBands: [0, 100], timeBands: [0, 7], permutations: 9 }).observed).toEqual([[0]]);
    expect(() => knox([], { spaceBands: [0, Infinity, Infinity], timeBands: [0, 1] })).toThrow(/spaceBands/);
    expect(() => knox([], { spaceBands: [100, 50], timeBands: [0, 1] })).toThrow(expect.objectContaining({ code: 'BAD_BANDS' }) as Error);
    expect(() => knox([], { spaceBands: [0, 100], timeBands: [0] })).toThrow(/timeBands/);
  });
});
