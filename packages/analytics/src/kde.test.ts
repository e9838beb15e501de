import { describe, expect, it } from 'vitest';
import type { Grid } from './grid.ts';
import { cellCentre } from './grid.ts';
import { quarticKde } from './kde.ts';
import { createRng } from './rng.ts';

/** The ArcGIS / CrimeStat definition evaluated pairwise at every cell centre. */
function pairwiseKde(points: [number, number][], g: Omit<Grid, 'values'>, r: number): Float64Array {
  const out = new Float64Array(g.cols * g.rows);
  for (let row = 0; row < g.rows; row++) {
    for (let col = 0; col < g.cols; col++) {
      const [cx, cy] = cellCentre(g, col, row);
      for (const [x, y] of points) {
        const q = ((x - cx) ** 2 + (y - cy) ** 2) / (r * r);
        if (q < 1) out[row * g.cols + col]! += (3 / (Math.PI * r * r)) * (1 - q) ** 2;
      }
    }
  }
  return out;
}

function clustered(n: number, seed: number): [number, number][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i): [number, number] =>
    i % 3 === 0 ? [1000 + 150 * (rng() + rng() - 1), 700 + 150 * (rng() + rng() - 1)] : [rng() * 2000, rng() * 1500],
  );
}

describe('quarticKde', () => {
  it('is exact for an event on a cell centre: 3 / (pi r^2) (1 - (d / r)^2)^2', () => {
    const g = quarticKde([[125, 125]], { radius: 100, cellSize: 50, bbox: [0, 0, 300, 300] });
    expect(g.values[2 * 6 + 2]).toBeCloseTo(3 / (Math.PI * 100 ** 2), 15);
    expect(g.values[2 * 6 + 3]).toBeCloseTo((3 / (Math.PI * 100 ** 2)) * (1 - 0.25) ** 2, 15);
    expect(g.values[2 * 6 + 4]).toBe(0); // d = r: outside the kernel
  });

  it.each([
    [500, 50, 0.01],
    [300, 25, 0.01],
    [250, 50, 0.03],
    [120, 40, 0.06],
  ])('binned: matches the pairwise definition at every cell centre (r = %d m, cell %d m) within %f of the peak', (radius, cellSize, tolerance) => {
    const points = clustered(600, radius);
    const g = quarticKde(points, { radius, cellSize });
    const exact = pairwiseKde(points, g, radius);
    const peak = Math.max(...exact);
    let worst = 0;
    exact.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - g.values[i]!))));
    expect(worst / peak).toBeLessThan(tolerance);
  });

  it.each([
    [500, 50],
    [120, 40],
    [30, 50],
  ])('exact: equals the pairwise definition (r = %d m, cell %d m)', (radius, cellSize) => {
    const points = clustered(300, 3);
    const g = quarticKde(points, { radius, cellSize, method: 'exact', bbox: [-100, 100, 1900, 1300] });
    const exact = pairwiseKde(points, g, radius);
    exact.forEach((v, i) => expect(g.values[i]).toBeCloseTo(v, 15));
  });

  it('returns the number of events when density x cell area is summed over a grid that reaches past the edges (0.5 %)', () => {
    const points = clustered(3000, 1);
    for (const [radius, cellSize] of [[250, 50], [500, 50], [1000, 50], [150, 50]] as const) {
      const g = quarticKde(points, { radius, cellSize });
      const mass = g.values.reduce((a, b) => a + b, 0) * cellSize * cellSize;
      expect(Math.abs(mass - points.length) / points.length).toBeLessThan(0.005);
    }
  });

  it('counts events outside the bbox for the cells within r of them', () => {
    const points: [number, number][] = [[-40, 60], [260, 90], [130, 130], [900, 900]];
    const g = quarticKde(points, { radius: 100, cellSize: 20, bbox: [0, 0, 240, 200] });
    expect([g.cols, g.rows, g.x0, g.y0]).toEqual([12, 10, 0, 0]);
    const exact = pairwiseKde(points, g, 100);
    exact.forEach((v, i) => expect(Math.abs(v - g.values[i]!)).toBeLessThan(0.03 * 3 / (Math.PI * 100 ** 2)));
    expect(g.values[3 * 12]).toBeGreaterThan(0); // west edge, fed by the event at x = -40
  });

  it('weights events', () => {
    const one = quarticKde([[10, 10]], { radius: 50, cellSize: 10 });
    const three = quarticKde([[10, 10]], { radius: 50, cellSize: 10, weights: [3] });
    three.values.forEach((v, i) => expect(v).toBeCloseTo(3 * one.values[i]!, 15));
  });

  it('takes coordinate columns and rejects a bad radius', () => {
    const g = quarticKde({ x: Float64Array.of(0, 100), y: Float64Array.of(0, 0) }, { radius: 50, cellSize: 10 });
    expect(g.radius).toBe(50);
    expect(() => quarticKde([[0, 0]], { radius: 0, cellSize: 10 })).toThrow(/radius/);
    expect(() => quarticKde([[0, 0]], { radius: 10, cellSize: -1 })).toThrow(/cellSize/);
  });
});
