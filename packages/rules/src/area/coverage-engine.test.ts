import { describe, expect, it } from 'vitest';
import type { TInstrument } from '../instruments/instrument.schema.ts';
import type { TArea } from '../instruments/instrument.schema.ts';
import { createCoverageEngine } from './coverage-engine.ts';
import type { TMultiPolygonCoords } from './polygon-coverage.ts';

/**
 * What the engine keeps between requests (per registry array: basis boxes, which bases cover a code; per engine: a
 * bounded cache of district unions) must never change an answer: a changed registry is judged afresh, and a tiny
 * union cache gives the same hints as a large one.
 */
type Pt = [number, number];
const box = (x0: number, y0: number, x1: number, y1: number): Pt[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const polygon = (ring: Pt[]) => ({ type: 'Polygon' as const, coordinates: [ring] });
// Four districts on a 2×2 grid: 150101 (0..5, 0..5), 150102 (5..10, 0..5), 150103 (0..5, 5..10), 150201 (5..10, 5..10).
const districts = new Map<string, TMultiPolygonCoords>([
  ['150101', [[box(0, 0, 5, 5)]]],
  ['150102', [[box(5, 0, 10, 5)]]],
  ['150103', [[box(0, 5, 5, 10)]]],
  ['150201', [[box(5, 5, 10, 10)]]],
]);
const decree = (id: string, area: TInstrument['area']): TInstrument =>
  ({ id, kind: 'DS_ESTADO_EMERGENCIA', number: id, scenario: 'S1', validFrom: '2026-01-01', validTo: '2026-02-01', area }) as unknown as TInstrument;

describe('coverage engine caches', () => {
  it('judges a changed registry afresh, and keeps each registry\'s own answers', () => {
    const engine = createCoverageEngine(districts);
    const before = [decree('P1', { geometry: polygon(box(-1, -1, 6, 6)) })];
    const after = [decree('P1', { geometry: polygon(box(4, 4, 11, 11)) })];
    const ask: TArea = { ubigeo: ['150101', '150201'] };
    expect(engine.hints(ask, before)).toEqual([{ instrumentId: 'P1', coveredUbigeo: ['150101'] }]);
    expect(engine.hints(ask, after)).toEqual([{ instrumentId: 'P1', coveredUbigeo: ['150201'] }]);
    expect(engine.hints(ask, before)).toEqual([{ instrumentId: 'P1', coveredUbigeo: ['150101'] }]);
  });

  it('gives the same hints with a one-union cache as with the default one, whatever the order of requests', () => {
    const instruments = [
      decree('D1', { ubigeo: ['1501'] }),
      decree('D2', { ubigeo: ['150101', '150201'] }),
      decree('P1', { geometry: polygon(box(-1, -1, 10.5, 5.5)) }),
      decree('M1', { ubigeo: ['150103'], geometry: polygon(box(4, 4, 6, 10)) }),
    ];
    const requests: TArea[] = [
      { geometry: polygon(box(1, 1, 9, 4)) },
      { geometry: polygon(box(6, 6, 9, 9)) },
      { geometry: polygon(box(4, 4, 6, 6)) },
      { geometry: polygon(box(1, 6, 5.5, 9)) },
      { ubigeo: ['150101', '150102', '150103', '15', '150201'] },
      { ubigeo: ['150103'], geometry: polygon(box(0.5, 0.5, 1, 1)) },
    ];
    const roomy = createCoverageEngine(districts);
    const tight = createCoverageEngine(districts, { maxUnions: 1 });
    const expected = requests.map((r) => createCoverageEngine(districts).hints(r, instruments));
    for (let round = 0; round < 2; round += 1) {
      for (const [i, r] of [...requests.entries()].reverse()) {
        expect(roomy.hints(r, instruments)).toEqual(expected[i]);
        expect(tight.hints(r, instruments)).toEqual(expected[i]);
      }
    }
    expect(expected[0]).toEqual([
      { instrumentId: 'D1', coversGeometry: true, coveredUbigeo: [] },
      { instrumentId: 'P1', coversGeometry: true, coveredUbigeo: [] },
    ]);
    expect(expected[3]).toEqual([
      { instrumentId: 'M1', coversGeometry: true, coveredUbigeo: [] },
    ]);
    expect(expected[4]).toEqual([
      { instrumentId: 'P1', coveredUbigeo: ['150101', '150102'] },
      { instrumentId: 'M1', coveredUbigeo: ['150103'] },
    ]);
  });

  it('does not let a basis whose districts lie apart cover a polygon between them (its bounding box holds it)', () => {
    const engine = createCoverageEngine(districts);
    const apart = [decree('D2', { ubigeo: ['150101', '150201'] })];
    expect(engine.hints({ geometry: polygon(box(6, 1, 9, 4)) }, apart)).toEqual([]);
    expect(engine.hints({ geometry: polygon(box(4, 4, 6, 6)) }, apart)).toEqual([]);
    expect(engine.hints({ geometry: polygon(box(1, 1, 4, 4)) }, apart)).toEqual([{ instrumentId: 'D2', coversGeometry: true, coveredUbigeo: [] }]);
  });

  it('answers a code outside the geography as covered by nothing', () => {
    const engine = createCoverageEngine(districts);
    const instruments = [decree('P1', { geometry: polygon(box(-100, -100, 100, 100)) })];
    expect(engine.hints({ ubigeo: ['990101', '150101'] }, instruments)).toEqual([{ instrumentId: 'P1', coveredUbigeo: ['150101'] }]);
    expect(engine.hints({ ubigeo: ['990101'] }, instruments)).toEqual([]);
  });
});
