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
 * Prepared areas are cached per code and per combination of codes, so a long-lived engine answers repeated
 * requests against the same registry from its indexes; nothing about a request is cached.
 */
export interface TCoverageEngine {
  /**
   * Hints for the basis instruments that cover some polygon part of the request (a complete list: a basis without a
   * hint covers none), or undefined when no polygon is involved (codes suffice).
   */
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
  const byCodeSet = new Map<string, TPreparedArea | null>();
  const boxOfCode = new Map<string, TBox>();
  const boxOfInstrument = new WeakMap<TEffectiveInstrument, TBox>();

  /** The districts under a code at any level ("15" → every district of Lima department). */
  const districtsUnder = (code: string): TMultiPolygonCoords[] => {
    const { map, codes } = geometries();
    const found: TMultiPolygonCoords[] = [];
    for (const c of codes) if (c.startsWith(code)) found.push(map.get(c) ?? []);
    return found;
  };
  const codeBox = (code: string): TBox => {
    let box = boxOfCode.get(code);
    if (!box) {
      box = EMPTY_BOX;
      for (const polygons of districtsUnder(code)) box = joinBoxes(box, boxOf(polygons));
      boxOfCode.set(code, box);
    }
    return box;
  };
  const codeArea = (code: string): TPreparedArea | null => {
    if (!byCode.has(code)) byCode.set(code, prepareArea(districtsUnder(code)));
    return byCode.get(code) ?? null;
  };
  const basisBox = (basis: TEffectiveInstrument): TBox => {
    let box = boxOfInstrument.get(basis);
    if (!box) {
      box = basis.area?.geometry ? boxOf(polygonsOf(basis.area.geometry)) : EMPTY_BOX;
      for (const code of basis.area?.ubigeo ?? []) box = joinBoxes(box, codeBox(code));
      boxOfInstrument.set(basis, box);
    }
    return box;
  };
  const geometryIds = new WeakMap<object, number>();
  let nextGeometryId = 0;
  /**
   * The part of a basis that can matter for a target box, unioned: its polygon and the areas of its codes whose
   * boxes meet the target's. Whatever lies outside the target's box cannot help cover it, so this answers exactly as
   * the whole basis would. Unions are cached per code and per combination, so repeated questions reuse them.
   */
  const basisAreaNear = (basis: TEffectiveInstrument, target: TBox): TPreparedArea | null => {
    const geometry = basis.area?.geometry;
    const codes = [...new Set(basis.area?.ubigeo ?? [])].filter((c) => boxesMeet(codeBox(c), target)).sort();
    let key = codes.join(',');
    if (geometry) {
      let id = geometryIds.get(geometry);
      if (id === undefined) geometryIds.set(geometry, (id = nextGeometryId++));
      key += `|g${id}`;
    }
    if (!byCodeSet.has(key)) {
      const parts: TMultiPolygonCoords[] = [];
      if (geometry) parts.push(polygonsOf(geometry));
      for (const code of codes) {
        const area = codeArea(code);
        if (area) parts.push(area.polygons);
      }
      byCodeSet.set(key, parts.length === 1 && !geometry ? codeArea(codes[0] ?? '') : prepareArea(parts));
    }
    return byCodeSet.get(key) ?? null;
  };

  return {
    hints(area, instruments) {
      const { withArea, withPolygon } = basesOf(instruments);
      if (area.geometry === undefined && withPolygon.length === 0) return undefined;
      // The request's polygon, repaired like ST_MakeValid would (self-overlaps resolved by the union).
      const request = area.geometry ? prepareArea([polygonsOf(area.geometry)]) : null;
      const requestBox: TBox = request ? [request.minX, request.minY, request.maxX, request.maxY] : EMPTY_BOX;
      const requestCodes = [...new Set(area.ubigeo ?? [])];
      const hints: TCoverageHint[] = [];
      // Only positive answers are returned: the evaluator takes the list as complete, so a basis without a hint
      // covers none of the polygon parts. A requested code against a basis without a polygon is settled by the codes
      // alone, so those bases are asked only about the request's polygon.
      for (const basis of area.geometry ? withArea : withPolygon) {
        // A basis whose bounding box does not hold the target's cannot cover it: answered without preparing it.
        const box = basisBox(basis);
        let coversGeometry = false;
        if (request && boxHolds(box, requestBox)) {
          const covering = basisAreaNear(basis, requestBox);
          coversGeometry = covering !== null && areaCovers(covering, request.polygons);
        }
        const coveredUbigeo: string[] = [];
        if (basis.area?.geometry) {
          for (const code of requestCodes) {
            const targetBox = codeBox(code);
            if (!boxHolds(box, targetBox)) continue;
            const covering = basisAreaNear(basis, targetBox);
            const target = codeArea(code);
            if (covering && target && areaCovers(covering, target.polygons)) coveredUbigeo.push(code);
          }
        }
        if (coversGeometry || coveredUbigeo.length > 0) {
          hints.push({ instrumentId: basis.id, ...(area.geometry ? { coversGeometry } : {}), coveredUbigeo });
        }
      }
      return hints;
    },
  };
}

const basesCache = new WeakMap<readonly TInstrument[], { withArea: TEffectiveInstrument[]; withPolygon: TEffectiveInstrument[] }>();

/** The bases of a registry that have an area, and those with a polygon; computed once per instruments array. */
function basesOf(instruments: readonly TInstrument[]): { withArea: TEffectiveInstrument[]; withPolygon: TEffectiveInstrument[] } {
  let found = basesCache.get(instruments);
  if (!found) {
    const withArea = indexInstruments(instruments).bases.filter((b) => (b.area?.ubigeo?.length ?? 0) > 0 || b.area?.geometry);
    found = { withArea, withPolygon: withArea.filter((b) => b.area?.geometry) };
    basesCache.set(instruments, found);
  }
  return found;
}

/** [minX, minY, maxX, maxY]. */
type TBox = readonly [number, number, number, number];
const EMPTY_BOX: TBox = [Infinity, Infinity, -Infinity, -Infinity];
const BOX_SLACK = 1e-9;

function boxOf(polygons: TMultiPolygonCoords): TBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygons) {
    for (const p of polygon[0] ?? []) {
      const x = Number(p[0]);
      const y = Number(p[1]);
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

function joinBoxes(a: TBox, b: TBox): TBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** Whether two boxes share at least a point. */
function boxesMeet(a: TBox, b: TBox): boolean {
  return a[0] <= b[2] + BOX_SLACK && b[0] <= a[2] + BOX_SLACK && a[1] <= b[3] + BOX_SLACK && b[1] <= a[3] + BOX_SLACK;
}

/** Whether `outer` holds `inner`; an empty inner box (no geometry known) is let through to the exact test. */
function boxHolds(outer: TBox, inner: TBox): boolean {
  if (inner[0] > inner[2]) return true;
  return inner[0] >= outer[0] - BOX_SLACK && inner[1] >= outer[1] - BOX_SLACK && inner[2] <= outer[2] + BOX_SLACK && inner[3] <= outer[3] + BOX_SLACK;
}
