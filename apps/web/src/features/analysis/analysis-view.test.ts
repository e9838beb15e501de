import { describe, expect, it } from 'vitest';
import type { THotspotResult } from '@enlace/contracts';
import { cellBounds, colouredCells, groupSeries, limaInstant, linePoints, monthTicks, parseUbigeos, partialMonths, toScope, topCells } from './analysis-view.ts';
import { bandLabel, knoxSignificant } from './knox-bands.ts';

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
    expect(toScope({ ubigeo: '', from: '2026-01-01', to: '2026-01-01', types: [], exercise: true })).toMatchObject({ exercise: true });
    expect(toScope({ ubigeo: '', from: '2026-01-01', to: '2026-01-01', types: [], exercise: false })).not.toHaveProperty('exercise');
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

  it('lists the strongest hot cells with their centres, leaving out cold and unclassed cells', () => {
    const result = {
      method: 'gi',
      legend: [],
      cells: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: square(0, 0), properties: { col: 0, row: 0, count: 4, z: 2.1, bin: 2 } },
          { type: 'Feature', geometry: square(4, 2), properties: { col: 4, row: 2, count: 9, z: 3.4, bin: 3 } },
          { type: 'Feature', geometry: square(1, 0), properties: { col: 1, row: 0, count: 1, z: 0.3, bin: 0 } },
          { type: 'Feature', geometry: square(2, 2), properties: { col: 2, row: 2, count: 0, z: -3, bin: -3 } },
        ],
      },
    } as unknown as THotspotResult;
    expect(topCells(result)).toEqual([
      { lat: 2.5, lon: 4.5, count: 9, value: 3.4, legendValue: 3 },
      { lat: 0.5, lon: 0.5, count: 4, value: 2.1, legendValue: 2 },
    ]);
    expect(topCells(result, 1)).toHaveLength(1);
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

  it('labels at most eight months, always the first and the last', () => {
    expect(monthTicks(3)).toEqual([0, 1, 2]);
    expect(monthTicks(24)).toEqual([0, 4, 8, 12, 16, 20, 23]);
    expect(monthTicks(14)).toEqual([0, 2, 4, 6, 8, 10, 13]);
    expect(monthTicks(0)).toEqual([]);
  });

  it('marks the months the period covers only in part', () => {
    expect(partialMonths(['2026-01', '2026-02', '2026-03'], '2026-01-15', '2026-03-31')).toEqual([true, false, false]);
    expect(partialMonths(['2028-02'], '2028-02-01', '2028-02-28')).toEqual([true]);
    expect(partialMonths(['2028-02'], '2028-02-01', '2028-02-29')).toEqual([false]);
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
