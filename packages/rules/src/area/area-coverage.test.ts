import type { TAreaGeoJson } from '@enlace/contracts';
import { describe, expect, it } from 'vitest';
import type { TArea } from '../instruments/instrument.schema.ts';
import type { TCoverageHint } from './area-coverage.ts';
import { areaParts, partCoverage } from './area-coverage.ts';

const POLYGON: TAreaGeoJson = { type: 'Polygon', coordinates: [[[-77.1, -12.1], [-77.0, -12.1], [-77.0, -12.0], [-77.1, -12.1]]] };
const district = (code: string): { label: string; ubigeo: string } => ({ label: code, ubigeo: code });
const geometryPart = { label: 'geometry', ubigeo: null };

describe('partCoverage', () => {
  it.each<[string, { label: string; ubigeo: string | null }, TArea, TCoverageHint | undefined, string]>([
    ['a department covers its districts', district('150101'), { ubigeo: ['15'] }, undefined, 'covered'],
    ['a province covers its districts', district('150101'), { ubigeo: ['1501'] }, undefined, 'covered'],
    ['a district covers itself', district('150101'), { ubigeo: ['150101'] }, undefined, 'covered'],
    ['a province does not cover another province', district('150201'), { ubigeo: ['1501'] }, undefined, 'not_covered'],
    ['a district does not cover its province', district('1501'), { ubigeo: ['150101'] }, undefined, 'not_covered'],
    ['a polygon basis with no hint is unknown', district('150101'), { geometry: POLYGON }, undefined, 'unknown'],
    ['a polygon basis covers a district by hint', district('150101'), { geometry: POLYGON }, { instrumentId: 'X', coveredUbigeo: ['150101'] }, 'covered'],
    ['a polygon basis whose hint leaves the district out', district('150102'), { geometry: POLYGON }, { instrumentId: 'X', coveredUbigeo: ['150101'] }, 'not_covered'],
    ['a request polygon with no hint is unknown', geometryPart, { ubigeo: ['1501'] }, undefined, 'unknown'],
    ['a request polygon inside by hint', geometryPart, { ubigeo: ['1501'] }, { instrumentId: 'X', coversGeometry: true }, 'covered'],
    ['a request polygon that leaves the basis (concave edge)', geometryPart, { geometry: POLYGON }, { instrumentId: 'X', coversGeometry: false }, 'not_covered'],
    ['an empty basis covers nothing', geometryPart, {}, undefined, 'not_covered'],
  ])('%s', (_name, part, basis, hint, expected) => {
    expect(partCoverage(part, basis, hint)).toBe(expected);
  });

  it('splits a request area into its codes (once each) and its polygon', () => {
    expect(areaParts({ ubigeo: ['150101', '150101', '0701'], geometry: POLYGON }).map((p) => p.label)).toEqual(['150101', '0701', 'geometry']);
  });
});
