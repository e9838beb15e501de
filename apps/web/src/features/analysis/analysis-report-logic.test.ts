import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { followingPeriod, periodDays, testPeriodProblem } from './analysis-periods.ts';
import { aggregateCells, displayFactor, metresPerPixel } from './display-cells.ts';
import { intervalLayout, intervalVerdict } from './effect-chart.ts';
import { DEFAULT_SPACE_BREAKS, DEFAULT_TIME_BREAKS, parseBreaks, breaksForApi } from './knox-bands.ts';

const cell = (col: number, row: number, props: Record<string, unknown>) => ({
  type: 'Feature' as const,
  geometry: { type: 'Polygon' as const, coordinates: [[[col, row], [col + 1, row], [col + 1, row + 1], [col, row + 1], [col, row]]] },
  properties: { col, row, ...props },
});

describe('period t + 1 of a hotspot evaluation', () => {
  it('follows t with the same length, across month and leap-year ends', () => {
    expect(periodDays('2026-01-01', '2026-01-31')).toBe(31);
    expect(followingPeriod('2026-01-01', '2026-01-31')).toEqual({ from: '2026-02-01', to: '2026-03-03' });
    expect(followingPeriod('2028-02-01', '2028-02-29')).toEqual({ from: '2028-03-01', to: '2028-03-29' });
    expect(followingPeriod('2026-03-10', '2026-03-10')).toEqual({ from: '2026-03-11', to: '2026-03-11' });
  });

  it('has no t + 1 while t is incomplete or runs backwards', () => {
    expect(followingPeriod('', '2026-01-31')).toBeNull();
    expect(followingPeriod('2026-02-01', '2026-01-31')).toBeNull();
  });

  it('refuses a test period that overlaps t, runs backwards or is missing', () => {
    const t = { from: '2026-01-01', to: '2026-01-31' };
    expect(testPeriodProblem(t, { from: '2026-02-01', to: '2026-02-28' })).toBeNull();
    expect(testPeriodProblem(t, { from: '2026-01-31', to: '2026-02-28' })).toBe('overlaps');
    expect(testPeriodProblem(t, { from: '2026-02-10', to: '2026-02-01' })).toBe('reversed');
    expect(testPeriodProblem(t, { from: '', to: '2026-02-01' })).toBe('missing');
  });
});

describe('editable Knox bands', () => {
  it('parses the defaults, with an open last time band', () => {
    expect(parseBreaks(DEFAULT_SPACE_BREAKS, false)).toEqual({ breaks: [0, 1, 100, 200, 400, 800] });
    expect(parseBreaks(DEFAULT_TIME_BREAKS, true)).toEqual({ breaks: [0, 7, 14, 21, 28, Infinity] });
    expect(parseBreaks('0;3 10, infinity', true)).toEqual({ breaks: [0, 3, 10, Infinity] });
  });

  it.each([
    ['0', true, 'tooFew'],
    ['0, 10, 5', true, 'notIncreasing'],
    ['0, 10, 10', true, 'notIncreasing'],
    ['-5, 10', true, 'negative'],
    ['0, ten', true, 'notNumber'],
    ['0, 1,5x', true, 'notNumber'],
    ['0, ∞, 100', true, 'infinityNotLast'],
    ['0, 100, ∞', false, 'infinityNotAllowed'],
    [Array.from({ length: 21 }, (_, i) => i).join(','), true, 'tooMany'],
  ] as const)('refuses "%s" (∞ allowed: %s) as %s', (text, allowInfinity, error) => {
    expect(parseBreaks(text, allowInfinity)).toMatchObject({ error });
  });

  it('sends an open last band as null (JSON has no ∞)', () => {
    expect(breaksForApi([0, 7, 14, Infinity])).toEqual([0, 7, 14, null]);
    expect(breaksForApi([0, 7])).toEqual([0, 7]);
  });
});

describe('hot-spot cells at every zoom', () => {
  it('draws 100 m cells as themselves close in and merges them at city zoom', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    expect(displayFactor(100, 16, -12)).toBe(1);
    expect(displayFactor(100, 11, -12)).toBe(4); // 100 m ≈ 2.7 px at zoom 11: 4 × 4 blocks ≈ 10.7 px
    expect(displayFactor(100, 9, -12)).toBe(16);
    expect(displayFactor(1000, 11, -12)).toBe(1);
    expect(displayFactor(10, 3, 0)).toBe(64);
  });

  it('gives each block the colour of its strongest cell, hot winning a tie, and sums the incidents', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        cell(0, 0, { bin: 1, count: 2, color: 'pink' }),
        cell(1, 1, { bin: 3, count: 5, color: 'red' }),
        cell(2, 0, { bin: -2, count: 0, color: 'blue' }),
        cell(3, 1, { bin: 2, count: 3, color: 'orange' }),
      ],
    };
    const blocks = aggregateCells(fc, 2).features;
    expect(blocks.map((b) => b.properties)).toEqual([
      { col: 0, row: 0, bin: 3, count: 7, color: 'red', cells: 2 },
      { col: 1, row: 0, bin: 2, count: 3, color: 'orange', cells: 2 },
    ]);
    expect(blocks[1]?.geometry).toEqual({ type: 'Polygon', coordinates: [[[2, 0], [4, 0], [4, 2], [2, 2], [2, 0]]] });
    expect(aggregateCells(fc, 1)).toBe(fc);
  });

  it('uses the KDE level as strength', () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [cell(0, 0, { level: 2, color: 'a' }), cell(1, 0, { level: 5, color: 'b' })] };
    expect(aggregateCells(fc, 4).features[0]?.properties?.['color']).toBe('b');
  });
});

describe('before/after interval charts', () => {
  it('places estimates, intervals and the reference on one scale', () => {
    const layout = intervalLayout([{ key: 'a', estimate: 0.8, low: 0.6, high: 1.0 }, { key: 'b', estimate: 1.2, low: 1.1, high: 1.4 }], 1, 100);
    expect(layout.min).toBeCloseTo(0.56);
    expect(layout.max).toBeCloseTo(1.44);
    expect(layout.reference).toBeCloseTo(50, 0);
    expect(layout.rows[0]).toMatchObject({ key: 'a', low: 4.5 });
    expect(layout.rows[1]?.high).toBeCloseTo(95.5, 0);
    expect(intervalLayout([{ key: 'z', estimate: 0, low: 0, high: 0 }], 0, 10).reference).toBe(5);
  });

  it('says whether an interval excludes the reference', () => {
    expect(intervalVerdict({ key: 'a', estimate: 0.8, low: 0.6, high: 0.9 }, 1)).toBe('below');
    expect(intervalVerdict({ key: 'a', estimate: 1.2, low: 1.1, high: 1.4 }, 1)).toBe('above');
    expect(intervalVerdict({ key: 'a', estimate: 0.9, low: 0.6, high: 1.2 }, 1)).toBe('spans');
  });
});
