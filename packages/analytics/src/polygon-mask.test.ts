import { describe, expect, it } from 'vitest';
import { polygonMask } from './polygon-mask.ts';
import type { Polygon } from './polygon-mask.ts';

/** The mask as text, northern row first: '#' inside, '.' outside. */
function picture(mask: Uint8Array, cols: number): string[] {
  const lines: string[] = [];
  for (let r = mask.length / cols - 1; r >= 0; r--) lines.push(Array.from(mask.subarray(r * cols, (r + 1) * cols), (v) => (v ? '#' : '.')).join(''));
  return lines;
}

/** Cells of 10 m from (0, 0): centres at 5, 15, 25, ... */
const grid = (cols: number, rows: number) => ({ x0: 0, y0: 0, cellSize: 10, cols, rows });

describe('polygonMask', () => {
  it('fills the cells whose centres lie in a square', () => {
    const square: Polygon = [[[12, 12], [38, 12], [38, 28], [12, 28], [12, 12]]];
    expect(picture(polygonMask([square], grid(5, 4)), 5)).toEqual(['.....', '.###.', '.###.', '.....']);
  });

  it('leaves a hole empty, and unites polygons (a second part inside the hole is filled)', () => {
    const ring: Polygon = [
      [[0, 0], [50, 0], [50, 50], [0, 50]],
      [[10, 10], [10, 40], [40, 40], [40, 10]], // hole, either orientation
    ];
    expect(picture(polygonMask([ring], grid(5, 5)), 5)).toEqual(['#####', '#...#', '#...#', '#...#', '#####']);
    const island: Polygon = [[[20, 20], [30, 20], [30, 30], [20, 30]]];
    expect(picture(polygonMask([ring, island], grid(5, 5)), 5)).toEqual(['#####', '#...#', '#.#.#', '#...#', '#####']);
    // Overlapping polygons do not cancel each other.
    expect(picture(polygonMask([island, island], grid(5, 5)), 5)[2]).toBe('..#..');
  });

  it('fills a concave polygon (a U) without its notch', () => {
    const u: Polygon = [[[0, 0], [50, 0], [50, 50], [40, 50], [40, 10], [10, 10], [10, 50], [0, 50]]];
    expect(picture(polygonMask([u], grid(6, 6)), 6)).toEqual(['......', '#...#.', '#...#.', '#...#.', '#...#.', '#####.']);
  });

  it('takes a centre on the west or south edge and leaves one on the east or north edge', () => {
    // The square [15, 35] x [15, 35] passes exactly through centres 15 and 35 on both axes.
    const square: Polygon = [[[15, 15], [35, 15], [35, 35], [15, 35]]];
    expect(picture(polygonMask([square], grid(5, 5)), 5)).toEqual(['.....', '.....', '.##..', '.##..', '.....']);
    // Two squares sharing the edge x = 25 (through centres 25): each centre on it goes to exactly one of them.
    const west: Polygon = [[[0, 0], [25, 0], [25, 50], [0, 50]]];
    const east: Polygon = [[[25, 0], [50, 0], [50, 50], [25, 50]]];
    const a = polygonMask([west], grid(5, 5));
    const b = polygonMask([east], grid(5, 5));
    expect(picture(a, 5)[0]).toBe('##...');
    expect(picture(b, 5)[0]).toBe('..###');
    expect(a.every((v, i) => v + b[i]! === 1)).toBe(true);
    // A slanted edge through centres: the triangle below the diagonal y = x takes the centres on it (area to the east).
    const triangle: Polygon = [[[0, 0], [50, 0], [50, 50]]];
    expect(picture(polygonMask([triangle], grid(5, 5)), 5)).toEqual(['....#', '...##', '..###', '.####', '#####']);
  });

  it('clips to the grid and ignores polygons outside it', () => {
    const big: Polygon = [[[-100, -100], [100, -100], [100, 20], [-100, 20]]];
    const away: Polygon = [[[500, 500], [600, 500], [600, 600]]];
    expect(picture(polygonMask([big, away], grid(3, 3)), 3)).toEqual(['...', '###', '###']);
  });
});
