import { describe, expect, it } from 'vitest';
import { evaluateHotspots, hitRate, pai, pei, topCells, topCellWeights } from './evaluate.ts';

// Ten equal cells; period t + 1 has 20 events.
const FUTURE = [6, 0, 4, 1, 0, 3, 0, 2, 4, 0];

describe('hotspot evaluation', () => {
  it.each<[string, number[], number, number, number]>([
    // flagged cells, hit rate n/N, PAI (n/N)/(a/A), PEI n/n*
    ['the two best cells', [0, 2], 10 / 20, 0.5 / 0.2, 1],
    ['two cells, one empty', [0, 1], 6 / 20, 0.3 / 0.2, 6 / 10],
    ['three middling cells', [3, 5, 7], 6 / 20, 0.3 / 0.3, 6 / 14],
    ['nothing flagged', [], 0, Number.NaN, Number.NaN],
    ['everything flagged', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 1, 1, 1],
  ])('%s', (_what, cells, hr, expectedPai, expectedPei) => {
    const flags = FUTURE.map((_, i) => cells.includes(i));
    expect(hitRate(flags, FUTURE)).toBeCloseTo(hr, 12);
    if (Number.isNaN(expectedPai)) expect(pai(flags, FUTURE)).toBeNaN();
    else expect(pai(flags, FUTURE)).toBeCloseTo(expectedPai, 12);
    if (Number.isNaN(expectedPei)) expect(pei(flags, FUTURE)).toBeNaN();
    else expect(pei(flags, FUTURE)).toBeCloseTo(expectedPei, 12);
  });

  it('weighs PAI by cell areas when given', () => {
    const flags = [1, 0, 0];
    expect(pai(flags, [5, 5, 0], [1, 3, 6])).toBeCloseTo(0.5 / 0.1, 12);
  });

  it('flags the top share of cells, ties broken by cell order, NaN last', () => {
    expect(Array.from(topCells([1, 5, 5, Number.NaN, 2], 0.4))).toEqual([0, 1, 1, 0, 0]);
    expect(Array.from(topCells([Number.NaN, 1, 1, 1], 0.5))).toEqual([0, 1, 1, 0]);
    expect(Array.from(topCells([3, 2, 1], 0.01))).toEqual([1, 0, 0]); // at least one cell
    expect(Array.from(topCells([3, 2, 1], 0))).toEqual([0, 0, 0]);
  });

  it('scores a model and the naive last-period baseline the same way', () => {
    const lastPeriod = [5, 1, 3, 0, 0, 2, 0, 0, 5, 1];
    const rows = evaluateHotspots(lastPeriod, FUTURE, [0.2, 0.5]);
    expect(rows[0]).toEqual({ share: 0.2, cells: 2, hitRate: 0.5, pai: 2.5, pei: 1 });
    expect(rows[1]!.cells).toBe(5);
  });

  it('shares the last places among the cells tied at the cut, NaN last', () => {
    expect(Array.from(topCellWeights([2, 1, 1, 1, 0], 0.4))).toEqual([1, 1 / 3, 1 / 3, 1 / 3, 0]);
    expect(Array.from(topCellWeights([1, 5, 5, Number.NaN, 2], 0.4))).toEqual([0, 1, 1, 0, 0]);
    expect(Array.from(topCellWeights([Number.NaN, 0, 0, 0], 0.5))).toEqual([0, 2 / 3, 2 / 3, 2 / 3]);
    expect(Array.from(topCellWeights([3, 2, 1], 0))).toEqual([0, 0, 0]);
  });

  it('scores tied cells as the mean over every way of breaking the tie, whatever their order in the grid', () => {
    const future = [4, 3, 0, 0, 1];
    // Flag two cells: the 2, and one of the three 1s. The three choices give hit rates 7/8, 4/8 and 4/8.
    const [row] = evaluateHotspots([2, 1, 1, 1, 0], future, [0.4]);
    expect(row!.cells).toBe(2);
    expect(row!.hitRate).toBeCloseTo((7 / 8 + 4 / 8 + 4 / 8) / 3, 12);
    expect(row!.pai).toBeCloseTo(((7 + 4 + 4) / 3 / 8) / (2 / 5), 12);
    expect(row!.pei).toBeCloseTo((7 / 7 + 4 / 7 + 4 / 7) / 3, 12);
    // Moving the tied cells around the grid moves nothing.
    const [moved] = evaluateHotspots([1, 1, 0, 2, 1], [0, 3, 1, 4, 0], [0.4]);
    expect(moved).toEqual(row);
  });

  it('counts the events of period t + 1 outside the grid as missed', () => {
    const inside = evaluateHotspots([5, 1, 3, 0, 0, 2, 0, 0, 5, 1], FUTURE, [0.2])[0]!;
    const withOutside = evaluateHotspots([5, 1, 3, 0, 0, 2, 0, 0, 5, 1], FUTURE, [0.2], { eventsOutside: 5 })[0]!;
    expect(withOutside.hitRate).toBeCloseTo(inside.hitRate * 20 / 25, 12);
    expect(withOutside.pai).toBeCloseTo(inside.pai * 20 / 25, 12);
    expect(withOutside.pei).toBe(inside.pei);
  });

  it('refuses a flag that is not a boolean or a weight between 0 and 1', () => {
    expect(() => hitRate([2, 0], [1, 1])).toThrow(/weight between 0 and 1/);
  });

  it('rejects mismatched lengths', () => {
    expect(() => hitRate([true], [1, 2])).toThrow(/one entry per cell/);
  });
});
