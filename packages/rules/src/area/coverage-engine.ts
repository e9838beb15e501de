import type { TArea, TInstrument } from '../instruments/instrument.schema.ts';
import type { TEffectiveInstrument } from '../instruments/index-instruments.ts';
import { indexInstruments } from '../instruments/index-instruments.ts';
import type { TCoverageHint } from './area-coverage.ts';
import type { TMultiPolygonCoords, TPreparedArea } from './polygon-coverage.ts';
import { areaCovers, polygonsOf, prepareArea } from './polygon-coverage.ts';

/**
 * Polygon coverage without a database: the same hints the server computes with PostGIS (`coverageHints` in the
 * legal repository), computed in memory from district boundaries the caller holds (the committed reference
 * geography). A basis area is the union of its polygon and the districts under its UBIGEO codes; `coversGeometry`
 * says whether it covers the request's polygon, `coveredUbigeo` which requested codes it covers whole.
 *
 * Prepared areas are cached per instrument object and per code, so a long-lived engine answers repeated requests
 * against the same registry from its indexes; nothing about a request is cached.
 */
export interface TCoverageEngine {
  /** Hints for every basis instrument with an area, or undefined when no polygon is involved (codes suffice). */
  hints(area: TArea, instruments: readonly TInstrument[]): TCoverageHint[] | undefined;
}

/** District boundaries by 6-digit UBIGEO. */
export type TDistrictGeometries = ReadonlyMap<string, TMultiPolygonCoords>;

/** `districts` may be a function: the boundaries are then loaded on the first question that involves a polygon. */
export function createCoverageEngine(districts: TDistrictGeometries | (() => TDistrictGeometries)): TCoverageEngine {
  let loaded: { map: TDistrictGeometries; codes: string[] } | undefined;
  const geometries = () => {
    if (!loaded) {
      const map = typeof districts === 'function' ? districts() : districts;
      loaded = { map, codes: [...map.keys()].sort() };
    }
    return loaded;
  };
  const byCode = new Map<string, TPreparedArea | null>();
  const byInstrument = new WeakMap<TEffectiveInstrument, TPreparedArea | null>();

  /** The districts under a code at any level ("15" → every district of Lima department). */
  const districtsUnder = (code: string): TMultiPolygonCoords[] => {
    const { map, codes } = geometries();
    const found: TMultiPolygonCoords[] = [];
    for (const c of codes) if (c.startsWith(code)) found.push(map.get(c) ?? []);
    return found;
  };
  const codeArea = (code: string): TPreparedArea | null => {
    if (!byCode.has(code)) byCode.set(code, prepareArea(districtsUnder(code)));
    return byCode.get(code) ?? null;
  };
  const basisArea = (basis: TEffectiveInstrument): TPreparedArea | null => {
    if (!byInstrument.has(basis)) {
      const parts: TMultiPolygonCoords[] = [];
      if (basis.area?.geometry) parts.push(polygonsOf(basis.area.geometry));
      for (const code of new Set(basis.area?.ubigeo ?? [])) parts.push(...districtsUnder(code));
      byInstrument.set(basis, prepareArea(parts));
    }
    return byInstrument.get(basis) ?? null;
  };

  return {
    hints(area, instruments) {
      const index = indexInstruments(instruments);
      const bases = index.bases.filter((b) => (b.area?.ubigeo?.length ?? 0) > 0 || b.area?.geometry);
      const polygonInvolved = area.geometry !== undefined || bases.some((b) => b.area?.geometry);
      if (!polygonInvolved) return undefined;
      // The request's polygon, repaired like ST_MakeValid would (self-overlaps resolved by the union).
      const request = area.geometry ? prepareArea([polygonsOf(area.geometry)]) : null;
      const requestCodes = [...new Set(area.ubigeo ?? [])];
      return bases.map((basis): TCoverageHint => {
        const covering = basisArea(basis);
        const hint: { instrumentId: string; coversGeometry?: boolean; coveredUbigeo: string[] } = {
          instrumentId: basis.id,
          coveredUbigeo: [],
        };
        if (area.geometry) hint.coversGeometry = covering !== null && request !== null && areaCovers(covering, request.polygons);
        if (covering) {
          for (const code of requestCodes) {
            const target = codeArea(code);
            if (target && areaCovers(covering, target.polygons)) hint.coveredUbigeo.push(code);
          }
        }
        return hint;
      });
    },
  };
}
