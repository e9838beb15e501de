import { describe, expect, it } from 'vitest';
import type { TMultiPolygonCoords } from './polygon-coverage.ts';
import { areaCovers, prepareArea } from './polygon-coverage.ts';
import { isSimpleClosedRing, prepareTarget } from './prepare-target.ts';

type Pt = [number, number];
const box = (x0: number, y0: number, x1: number, y1: number): Pt[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('isSimpleClosedRing', () => {
  it.each([
    ['a square', box(0, 0, 1, 1), true],
    ['a concave U', [[0, 0], [10, 0], [10, 10], [7, 10], [7, 3], [3, 3], [3, 10], [0, 10], [0, 0]] as Pt[], true],
    ['a bow-tie (two edges cross)', [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]] as Pt[], false],
    ['a ring that touches itself at a corner', [[0, 0], [4, 0], [2, 2], [4, 4], [0, 4], [2, 2], [0, 0]] as Pt[], false],
    ['a ring that folds back along an edge', [[0, 0], [2, 0], [1, 0], [1, 1], [0, 0]] as Pt[], false],
    ['an open ring', [[0, 0], [1, 0], [1, 1], [0, 1]] as Pt[], false],
    ['a flat ring (no area)', [[0, 0], [1, 0], [2, 0], [0, 0]] as Pt[], false],
    ['a ring with a repeated corner', [[0, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 0]] as Pt[], false],
  ])('%s: %s', (_name, ring, expected) => {
    expect(isSimpleClosedRing(ring)).toBe(expected);
  });
});

describe('prepareTarget', () => {
  it('takes a simple ring as given, with its box', () => {
    const ring = box(1, 2, 3, 5);
    const target = prepareTarget([[[ring]]]);
    expect(target).toMatchObject({ minX: 1, minY: 2, maxX: 3, maxY: 5 });
    expect(target?.polygons).toEqual([[ring]]);
  });

  it('repairs a bow-tie through the union, as ST_MakeValid would (two triangles)', () => {
    const target = prepareTarget([[[[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]]]);
    expect(target?.polygons).toHaveLength(2);
  });

  it('unions the parts of a MultiPolygon and keeps holes (no shortcut)', () => {
    const overlapping: TMultiPolygonCoords = [[box(0, 0, 2, 2)], [box(1, 0, 3, 2)]];
    expect(prepareTarget([overlapping])?.polygons).toHaveLength(1);
    const withHole: TMultiPolygonCoords = [[box(0, 0, 4, 4), box(1, 1, 2, 2).reverse()]];
    expect(prepareTarget([withHole])?.polygons[0]).toHaveLength(2);
  });

  it('answers coverage exactly as the union would, on seeded star-shaped rings', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const basis = prepareArea([[[[[0, 0], [10, 0], [10, 10], [7, 10], [7, 3], [3, 3], [3, 10], [0, 10], [0, 0]]]]]);
    if (!basis) throw new Error('empty basis');
    let simple = 0;
    for (let trial = 0; trial < 200; trial += 1) {
      const cx = rnd() * 10;
      const cy = rnd() * 10;
      const n = 3 + Math.floor(rnd() * 9);
      const ring: Pt[] = Array.from({ length: n }, (_, i) => {
        const a = (2 * Math.PI * i) / n;
        const r = 0.5 + rnd() * 2;
        return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
      });
      ring.push(ring[0] as Pt);
      const quick = prepareTarget([[[ring]]]);
      const union = prepareArea([[[ring]]]);
      if (!quick || !union) throw new Error('empty target');
      if (isSimpleClosedRing(ring)) simple += 1;
      expect([quick.minX, quick.minY, quick.maxX, quick.maxY]).toEqual([union.minX, union.minY, union.maxX, union.maxY]);
      expect(areaCovers(basis, quick.polygons)).toBe(areaCovers(basis, union.polygons));
    }
    expect(simple).toBe(200);
  });
});
