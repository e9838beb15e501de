import { describe, expect, it } from 'vitest';
import { createCoverageEngine } from './coverage-engine.ts';
import type { TMultiPolygonCoords } from './polygon-coverage.ts';
import { areaContainsPoint, areaCovers, prepareArea } from './polygon-coverage.ts';
import type { TInstrument } from '../instruments/instrument.schema.ts';

type Pt = [number, number];
const box = (x0: number, y0: number, x1: number, y1: number): Pt[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const poly = (...rings: Pt[][]): TMultiPolygonCoords => [rings];
const multi = (...polys: Pt[][][]): TMultiPolygonCoords => polys;
const prepared = (...parts: TMultiPolygonCoords[]) => {
  const area = prepareArea(parts);
  if (!area) throw new Error('empty area');
  return area;
};

/** A U: a 10×10 square with the notch x∈(3,7), y∈(3,10] cut out. Concave. */
const U: Pt[] = [[0, 0], [10, 0], [10, 10], [7, 10], [7, 3], [3, 3], [3, 10], [0, 10], [0, 0]];

describe('areaCovers (ST_Covers semantics, closed sets)', () => {
  const square = prepared(poly(box(0, 0, 10, 10)));

  it.each([
    ['a polygon strictly inside', poly(box(2, 2, 8, 8)), true],
    ['the same polygon (boundary shared)', poly(box(0, 0, 10, 10)), true],
    ['a polygon touching the boundary from inside along an edge', poly(box(0, 2, 5, 8)), true],
    ['a polygon poking out by a little', poly(box(2, 2, 10.001, 8)), false],
    ['a polygon wholly outside', poly(box(20, 20, 30, 30)), false],
    ['a polygon containing the area', poly(box(-1, -1, 11, 11)), false],
  ])('square covers %s: %s', (_name, target, expected) => {
    expect(areaCovers(square, target)).toBe(expected);
  });

  it('finds the edge of a request that leaves a concave basis although every vertex is inside', () => {
    const basis = prepared(poly(U));
    // Vertices in both arms of the U; the top edge crosses the notch.
    const bridge = poly([[1, 8], [9, 8], [9, 9], [1, 9], [1, 8]]);
    expect(bridge[0]?.[0]?.every(([x, y]) => areaContainsPoint(basis, x, y))).toBe(true);
    expect(areaCovers(basis, bridge)).toBe(false);
    expect(areaCovers(basis, poly([[1, 1], [9, 1], [9, 2], [1, 2], [1, 1]]))).toBe(true);
    // Running exactly along the inner edge of the notch is still covered (closed set).
    expect(areaCovers(basis, poly([[1, 1], [3, 1], [3, 9], [1, 9], [1, 1]]))).toBe(true);
  });

  it('does not cover a request that encloses a hole of the basis, and covers one beside it', () => {
    const withHole = prepared(poly(box(0, 0, 10, 10), box(4, 4, 6, 6).reverse()));
    expect(areaCovers(withHole, poly(box(2, 2, 8, 8)))).toBe(false);
    expect(areaCovers(withHole, poly(box(0.5, 0.5, 3.5, 9)))).toBe(true);
    expect(areaContainsPoint(withHole, 5, 5)).toBe(false);
    expect(areaContainsPoint(withHole, 4, 5)).toBe(true);
  });

  it('unions MultiPolygon bases: adjacent parts cover a request across their shared border, disjoint ones do not', () => {
    const adjacent = prepared(multi([box(0, 0, 5, 10)], [box(5, 0, 10, 10)]));
    expect(areaCovers(adjacent, poly(box(2, 2, 8, 8)))).toBe(true);
    const apart = prepared(multi([box(0, 0, 4, 10)], [box(6, 0, 10, 10)]));
    expect(areaCovers(apart, poly(box(2, 2, 8, 8)))).toBe(false);
    expect(areaCovers(apart, multi([box(1, 1, 3, 3)], [box(7, 7, 9, 9)]))).toBe(true);
    expect(areaCovers(apart, multi([box(1, 1, 3, 3)], [box(4.5, 7, 5.5, 9)]))).toBe(false);
  });

  it('a gap enclosed by the parts of a basis is a hole of their union', () => {
    // A ring of four boxes around (4..6, 4..6): the union has a hole there.
    const frame = prepared(multi([box(0, 0, 10, 4)], [box(0, 6, 10, 10)], [box(0, 4, 4, 6)], [box(6, 4, 10, 6)]));
    expect(areaCovers(frame, poly(box(1, 1, 9, 9)))).toBe(false);
    expect(areaCovers(frame, poly(box(1, 1, 9, 3.5)))).toBe(true);
  });

  it('agrees with a dense point sampling on random star-shaped polygons', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const star = (cx: number, cy: number, r: number, n: number): Pt[] => {
      const ring: Pt[] = [];
      for (let i = 0; i < n; i += 1) {
        const a = (2 * Math.PI * i) / n;
        const rr = r * (0.4 + 0.6 * rnd());
        ring.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
      }
      ring.push(ring[0] as Pt);
      return ring;
    };
    let agreed = 0;
    for (let trial = 0; trial < 60; trial += 1) {
      const basis = prepared(poly(star(0, 0, 10, 12)));
      const target = poly(star(rnd() * 6 - 3, rnd() * 6 - 3, 1 + rnd() * 4, 7));
      const targetArea = prepared(target);
      // Sampling can only prove "not covered": a sampled target point outside the basis.
      let outside = false;
      for (let i = 0; i < 4000 && !outside; i += 1) {
        const x = targetArea.minX + rnd() * (targetArea.maxX - targetArea.minX);
        const y = targetArea.minY + rnd() * (targetArea.maxY - targetArea.minY);
        if (areaContainsPoint(targetArea, x, y) && !areaContainsPoint(basis, x, y)) outside = true;
      }
      if (outside) expect(areaCovers(basis, target)).toBe(false);
      else agreed += 1;
    }
    expect(agreed).toBeGreaterThan(5);
  });
});

describe('createCoverageEngine (the server\'s PostGIS hints, in memory)', () => {
  // Four districts on a 2×2 grid: 150101 (0..5, 0..5), 150102 (5..10, 0..5), 150103 (0..5, 5..10), 150201 (5..10, 5..10).
  const districts = new Map<string, TMultiPolygonCoords>([
    ['150101', poly(box(0, 0, 5, 5))],
    ['150102', poly(box(5, 0, 10, 5))],
    ['150103', poly(box(0, 5, 5, 10))],
    ['150201', poly(box(5, 5, 10, 10))],
  ]);
  const engine = createCoverageEngine(districts);
  const decree = (id: string, area: TInstrument['area']): TInstrument =>
    ({ id, kind: 'DS_ESTADO_EMERGENCIA', number: id, scenario: 'S1', validFrom: '2026-01-01', validTo: '2026-02-01', area }) as unknown as TInstrument;
  const polygon = (ring: Pt[]) => ({ type: 'Polygon' as const, coordinates: [ring] });

  it('needs no hints when only codes are involved', () => {
    expect(engine.hints({ ubigeo: ['150101'] }, [decree('D1', { ubigeo: ['1501'] })])).toBeUndefined();
  });

  it('covers a request polygon by the union of the districts under a basis code, and not beyond them', () => {
    const instruments = [decree('D1', { ubigeo: ['1501'] })];
    const inside = engine.hints({ geometry: polygon(box(1, 1, 9, 4)) }, instruments);
    expect(inside).toEqual([{ instrumentId: 'D1', coversGeometry: true, coveredUbigeo: [] }]);
    // Outside every basis: an empty, complete list (the evaluator then finds no basis for the polygon).
    expect(engine.hints({ geometry: polygon(box(6, 4, 9, 6)) }, instruments)).toEqual([]);
  });

  it('covers requested districts by a basis polygon, only those wholly inside', () => {
    const instruments = [decree('P1', { geometry: polygon(box(-1, -1, 10, 5.5)) })];
    const hints = engine.hints({ ubigeo: ['150101', '150102', '150103', '1502'] }, instruments);
    expect(hints).toEqual([{ instrumentId: 'P1', coveredUbigeo: ['150101', '150102'] }]);
  });

  it('judges extensions by the area they inherit', () => {
    const parent = decree('D1', { ubigeo: ['150101'] });
    const extension = { ...decree('D2', undefined), kind: 'DS_PRORROGA', extends: 'D1', validFrom: '2026-02-02', validTo: '2026-03-01' } as TInstrument;
    const hints = engine.hints({ geometry: polygon(box(1, 1, 2, 2)) }, [parent, extension]);
    expect(hints?.map((h) => [h.instrumentId, h.coversGeometry])).toEqual([['D1', true], ['D2', true]]);
  });
});

describe('edge-free cells (answered from the cell\'s state)', () => {
  /** Even-odd ray casting over every edge, with no index: the reference. Points are kept off the boundary. */
  const plainInside = (rings: Pt[][], px: number, py: number): boolean => {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i += 1) {
        const [x1, y1] = ring[i] as Pt;
        const [x2, y2] = ring[i + 1] as Pt;
        if (y1 > py !== y2 > py && px < ((x2 - x1) * (py - y1)) / (y2 - y1) + x1) inside = !inside;
      }
    }
    return inside;
  };

  it('agree with plain ray casting on a lattice over a concave area with a hole', () => {
    const rings = [U, box(0.5, 0.5, 2.5, 2.5).reverse()];
    const area = prepared(poly(...rings));
    let emptyCells = 0;
    for (let c = 0; c < area.grid.nx * area.grid.ny; c += 1) if (area.grid.start[c] === area.grid.start[c + 1]) emptyCells += 1;
    expect(emptyCells).toBeGreaterThan(10);
    for (let i = 0; i <= 120; i += 1) {
      for (let j = 0; j <= 120; j += 1) {
        const x = -0.5 + i * 0.0917;
        const y = -0.5 + j * 0.0921;
        expect(areaContainsPoint(area, x, y), `(${x}, ${y})`).toBe(plainInside(rings, x, y));
      }
    }
  });

  it('answer a target inside, outside, or over the hole of a large square alike', () => {
    const withHole = prepared(poly(box(0, 0, 100, 100), box(40, 40, 60, 60).reverse()));
    expect(areaCovers(withHole, poly(box(10, 10, 11, 11)))).toBe(true);
    expect(areaCovers(withHole, poly(box(45, 45, 46, 46)))).toBe(false);
    expect(areaCovers(withHole, poly(box(35, 35, 65, 65)))).toBe(false);
    expect(areaCovers(withHole, poly(box(110, 10, 111, 11)))).toBe(false);
    expect(areaCovers(withHole, poly(box(5, 5, 39, 95)))).toBe(true);
  });
});
