import { describe, expect, it } from 'vitest';
import type { THotspotResult } from '@enlace/contracts';
import { bandLabel, cellBounds, colouredCells, groupSeries, knoxSignificant, limaInstant, linePoints, parseUbigeos, toScope } from './analysis-view.ts';

const square = (x: number, y: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]] as [number, number][]] });

describe('analysis view logic', () => {
  it('parses UBIGEO lists and reports malformed codes', () => {
    expect(parseUbigeos(' 15, 1501;150101 ')).toEqual({ codes: ['15', '1501', '150101'], invalid: [] });
    expect(parseUbigeos('15 123 abc').invalid).toEqual(['123', 'abc']);
  });

  it('turns Lima local dates into an inclusive-end period', () => {
    expect(limaInstant('2026-01-31')).toBe('2026-01-31T05:00:00.000Z');
    expect(limaInstant('2026-01-31', true)).toBe('2026-02-01T05:00:00.000Z');
    expect(toScope({ ubigeo: '', from: '2026-01-01', to: '2026-01-31', types: [] })).toEqual({ from: '2026-01-01T05:00:00.000Z', to: '2026-02-01T05:00:00.000Z' });
    expect(toScope({ ubigeo: '1501', from: '2026-01-01', to: '2026-01-01', types: ['ROBO'] })).toMatchObject({ ubigeo: ['1501'], types: ['ROBO'] });
  });

  it('colours Gi* cells by bin from the legend and drops non-significant cells', () => {
    const result = {
      method: 'gi',
      legend: [{ value: 3, color: '#b00', label: { es: 'a', en: 'a' } }, { value: -1, color: '#00b', label: { es: 'b', en: 'b' } }],
      cells: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: square(0, 0), properties: { col: 0, row: 0, count: 4, bin: 3 } },
          { type: 'Feature', geometry: square(1, 0), properties: { col: 1, row: 0, count: 1, bin: 0 } },
          { type: 'Feature', geometry: square(2, 2), properties: { col: 2, row: 2, count: 0, bin: -1 } },
        ],
      },
    } as unknown as THotspotResult;
    const fc = colouredCells(result);
    expect(fc.features.map((f) => f.properties?.['color'] as unknown)).toEqual(['#b00', '#00b']);
    expect(cellBounds(fc)).toEqual([[0, 0], [3, 3]]);
    expect(cellBounds({ type: 'FeatureCollection', features: [] })).toBeNull();
  });

  it('colours KDE cells by level', () => {
    const result = {
      method: 'kde',
      legend: [{ value: 5, color: '#f00', label: { es: '', en: '' } }],
      cells: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: square(0, 0), properties: { col: 0, row: 0, count: 2, bin: 3, level: 5 } }] },
    } as unknown as THotspotResult;
    expect(colouredCells(result).features[0]?.properties?.['color']).toBe('#f00');
  });

  it('draws chart lines scaled to the box', () => {
    expect(linePoints([0, 5, 10], 10, 100, 50)).toBe('0,50 50,25 100,0');
    expect(linePoints([3], 0, 100, 50)).toBe('0,50');
    expect(linePoints([], 1, 100, 50)).toBe('');
  });

  it('groups series by key, biggest first', () => {
    const series = [
      { ubigeo: '150101', crimeType: 'ROBO', counts: [1, 2] },
      { ubigeo: '150102', crimeType: 'ROBO', counts: [3, 0] },
      { ubigeo: '150101', crimeType: 'HURTO', counts: [0, 1] },
    ];
    expect(groupSeries(series, 'crimeType')).toEqual([
      { key: 'ROBO', counts: [4, 2], total: 6 },
      { key: 'HURTO', counts: [0, 1], total: 1 },
    ]);
    expect(groupSeries(series, 'ubigeo', 1)).toEqual([{ key: '150101', counts: [1, 3], total: 4 }]);
  });

  it('flags Knox cells only when more pairs than expected at p <= 0.05', () => {
    expect(knoxSignificant(1.8, 0.01)).toBe(true);
    expect(knoxSignificant(1.8, 0.2)).toBe(false);
    expect(knoxSignificant(0.5, 0.01)).toBe(false);
    expect(knoxSignificant(null, 0.01)).toBe(false);
    expect(bandLabel([0, 100, null], 0, 'm')).toBe('0–100 m');
    expect(bandLabel([0, 100, null], 1, 'm')).toBe('≥ 100 m');
  });
});
