import { describe, expect, it } from 'vitest';
import { giStar } from './gi-star.ts';
import { giStarGrid } from './gi-star-grid.ts';
import { binPoints } from './grid.ts';
import { createRng } from './rng.ts';
import { weightsFromLists } from './weights.ts';

/** Pairwise weights of a grid: cells within Chebyshev distance k (the cell itself is added by Gi*). */
function squareWeights(cols: number, rows: number, k: number): ReturnType<typeof weightsFromLists> {
  const lists: number[][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const row: number[] = [];
      for (let rr = 0; rr < rows; rr++) {
        for (let cc = 0; cc < cols; cc++) {
          if ((rr !== r || cc !== c) && Math.abs(rr - r) <= k && Math.abs(cc - c) <= k) row.push(rr * cols + cc);
        }
      }
      lists.push(row);
    }
  }
  return weightsFromLists(lists);
}

describe('giStarGrid', () => {
  it.each([
    [0, 13, 9],
    [1, 13, 9],
    [2, 7, 11],
    [4, 5, 6],
  ])('equals the pairwise Gi* definition on random counts (half-width %d, %d x %d cells)', (k, cols, rows) => {
    const rng = createRng(100 + k);
    const values = Float64Array.from({ length: cols * rows }, () => Math.floor(rng() * rng() * 20));
    const grid = { x0: 0, y0: 0, cellSize: 50, cols, rows, values };
    const fast = giStarGrid(grid, { radius: k * 50 });
    const pairwise = giStar(values, squareWeights(cols, rows, k));
    expect(fast.halfWidth).toBe(k);
    // Where the window covers the whole grid Gi* is 0/0: both must say NaN.
    const same = (a: number, b: number): boolean => (Number.isNaN(a) ? Number.isNaN(b) : Math.abs(a - b) < 1e-10);
    pairwise.z.forEach((z, i) => expect(same(fast.z[i]!, z)).toBe(true));
    pairwise.p.forEach((p, i) => expect(same(fast.p[i]!, p)).toBe(true));
  });

  it.each([
    [1, 13, 9, 0.6],
    [2, 11, 8, 0.3],
    [3, 9, 10, 0.8],
  ])('with a mask equals the pairwise Gi* over the cells inside only (half-width %d, %d x %d cells, %f inside)', (k, cols, rows, share) => {
    const rng = createRng(200 + k);
    const values = Float64Array.from({ length: cols * rows }, () => Math.floor(rng() * rng() * 20));
    const mask = Uint8Array.from({ length: cols * rows }, () => (rng() < share ? 1 : 0));
    const grid = { x0: 0, y0: 0, cellSize: 50, cols, rows, values };
    const fast = giStarGrid(grid, { radius: k * 50, mask });
    // The pairwise definition over the cells inside alone: their values, their links, nothing else.
    const inside = [...mask.keys()].filter((i) => mask[i]);
    const position = new Map(inside.map((cell, j) => [cell, j]));
    const all = squareWeights(cols, rows, k);
    const lists = inside.map((cell) => Array.from(all.indices.subarray(all.offsets[cell], all.offsets[cell + 1])).filter((j) => mask[j]).map((j) => position.get(j)!));
    const pairwise = giStar(inside.map((cell) => values[cell]!), weightsFromLists(lists));
    expect(fast.cells).toBe(inside.length);
    inside.forEach((cell, j) => {
      expect(Math.abs(fast.z[cell]! - pairwise.z[j]!)).toBeLessThan(1e-10);
      expect(Math.abs(fast.p[cell]! - pairwise.p[j]!)).toBeLessThan(1e-10);
    });
    // Outside: no z, no p; and values there change nothing inside.
    mask.forEach((m, i) => expect(m ? Number.isFinite(fast.z[i]) : Number.isNaN(fast.z[i]!) && Number.isNaN(fast.p[i]!)).toBe(true));
    const noisy = Float64Array.from(values, (v, i) => (mask[i] ? v : v + 1000));
    expect(giStarGrid({ ...grid, values: noisy }, { radius: k * 50, mask }).z).toEqual(fast.z);
    // The zeros of the cells outside would have pulled the mean down and made the cells inside look hotter.
    const unmasked = giStarGrid({ ...grid, values: Float64Array.from(values, (v, i) => (mask[i] ? v : 0)) }, { radius: k * 50 });
    expect(unmasked.cells).toBe(cols * rows);
    expect(inside.some((cell) => Math.abs(unmasked.z[cell]! - fast.z[cell]!) > 1e-3)).toBe(true);
  });

  it('a full mask changes nothing, and a mask of the wrong size is refused', () => {
    const values = Float64Array.from({ length: 30 }, (_, i) => (i * 7) % 5);
    const grid = { x0: 0, y0: 0, cellSize: 10, cols: 6, rows: 5, values };
    expect(giStarGrid(grid, { radius: 10, mask: new Uint8Array(30).fill(1) }).z).toEqual(giStarGrid(grid, { radius: 10 }).z);
    expect(() => giStarGrid(grid, { radius: 10, mask: new Uint8Array(29) })).toThrow(/one flag per cell/);
  });

  it('counts points per cell, reports those outside, and keeps the geometry', () => {
    const grid = binPoints([[0, 0], [49.9, 10], [50, 0], [120, 99], [500, 500]], { cellSize: 50, bbox: [0, 0, 150, 100] });
    expect([grid.cols, grid.rows, grid.outside]).toEqual([3, 2, 1]);
    expect(Array.from(grid.values)).toEqual([2, 1, 0, 0, 0, 1]);
    const gi = giStarGrid(grid, { radius: 50 });
    expect([gi.x0, gi.y0, gi.cellSize, gi.cols, gi.rows]).toEqual([0, 0, 50, 3, 2]);
  });

  it('gives NaN on an empty grid rather than a false hot spot', () => {
    const gi = giStarGrid({ x0: 0, y0: 0, cellSize: 10, cols: 4, rows: 4, values: new Float64Array(16) }, { radius: 10 });
    expect(Array.from(gi.z).every(Number.isNaN)).toBe(true);
  });
});
