import type { TArea, TInstrument } from '../instruments/instrument.schema.ts';
import type { TEffectiveInstrument } from '../instruments/index-instruments.ts';
import { indexInstruments } from '../instruments/index-instruments.ts';
import type { TCoverageHint } from './area-coverage.ts';
import type { TMultiPolygonCoords, TPreparedArea } from './polygon-coverage.ts';
import { areaCovers, polygonsOf, prepareArea } from './polygon-coverage.ts';
import { LruCache } from './lru-cache.ts';
import { prepareTarget } from './prepare-target.ts';

/**
 * Polygon coverage without a database: the same hints the server computes with PostGIS (`coverageHints` in the
 * legal repository), computed in memory from district boundaries the caller holds (the committed reference
 * geography). A basis area is the union of its polygon and the districts under its UBIGEO codes; `coversGeometry`
 * says whether it covers the request's polygon, `coveredUbigeo` which requested codes it covers whole.
 *
 * What a long-lived engine keeps, none of it about a request:
 * - unions of district boundaries, per code and per combination of codes (a bounded, least-recently-used cache);
 * - per registry (instruments array, as `indexInstruments`): each basis's bounding box, and whether a basis with a
 *   polygon covers a given district, province or department. Both depend on the registry and the boundaries only;
 *   a new registry array starts afresh (arrays are treated as immutable, as the registry cache hands them out).
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

export interface TCoverageEngineOptions {
  /** Most unions of district boundaries kept at once (least recently used ones are dropped); 4,096 by default. */
  readonly maxUnions?: number;
}

/** One basis of a registry as the engine sees it: its distinct codes (sorted), its polygon, what was learnt. */
interface TBasisState {
  readonly basis: TEffectiveInstrument;
  readonly codes: readonly string[];
  readonly polygons: TMultiPolygonCoords | undefined;
  /** `|g<n>` naming the polygon in union keys ('' without one): bases sharing one geometry share unions. */
  readonly geometryKey: string;
  box: TBox | undefined;
}

interface TRegistryState {
  readonly withArea: readonly TBasisState[];
  readonly withPolygon: readonly TBasisState[];
  /** Per requested code asked about: the bases with a polygon that cover it whole, in `withPolygon` order. */
  readonly coveringCode: Map<string, readonly TBasisState[]>;
  /** The boxes of every basis's parts (its polygon, each of its codes), built on the first polygon request. */
  parts: TPartBoxes | undefined;
}

/**
 * The boxes of the parts of a registry's bases, flat: part p is [4p .. 4p + 3], of basis `basisOf[p]` (its position
 * in `withArea`). A basis none of whose parts meets a request's box cannot cover any of the request: its bounding box
 * may still hold the request when its codes lie in several departments.
 */
interface TPartBoxes {
  readonly boxes: Float64Array;
  readonly basisOf: Int32Array;
  /** Scratch: which bases have a part meeting the current request's box. */
  readonly near: Uint8Array;
}

/** `districts` may be a function: the boundaries are then loaded on the first question that involves a polygon. */
export function createCoverageEngine(
  districts: TDistrictGeometries | (() => TDistrictGeometries),
  options: TCoverageEngineOptions = {},
): TCoverageEngine {
  let loaded: { map: TDistrictGeometries; codes: string[] } | undefined;
  const geometries = () => {
    if (!loaded) {
      const map = typeof districts === 'function' ? districts() : districts;
      loaded = { map, codes: [...map.keys()].sort() };
    }
    return loaded;
  };
  const unions = new LruCache<string, TPreparedArea | null>(options.maxUnions ?? 4096);
  /** Boxes of known codes only (bounded by the geography); an unknown code has no districts and no box. */
  const boxOfCode = new Map<string, TBox>();
  const registries = new WeakMap<readonly TInstrument[], TRegistryState>();
  const geometryIds = new WeakMap<object, number>();
  let nextGeometryId = 0;

  /** The districts under a code at any level ("15" → every district of Lima department): a range of sorted codes. */
  const districtsUnder = (code: string): TMultiPolygonCoords[] => {
    const { map, codes } = geometries();
    const found: TMultiPolygonCoords[] = [];
    for (let i = lowerBound(codes, code); i < codes.length && (codes[i] as string).startsWith(code); i += 1) {
      found.push(map.get(codes[i] as string) ?? []);
    }
    return found;
  };
  const codeBox = (code: string): TBox => {
    let box = boxOfCode.get(code);
    if (!box) {
      const under = districtsUnder(code);
      box = EMPTY_BOX;
      for (const polygons of under) box = joinBoxes(box, boxOf(polygons));
      if (under.length > 0) boxOfCode.set(code, box);
    }
    return box;
  };
  const codeArea = (code: string): TPreparedArea | null => {
    let area = unions.get(code);
    if (area === undefined) {
      area = prepareArea(districtsUnder(code));
      unions.set(code, area);
    }
    return area;
  };
  const registry = (instruments: readonly TInstrument[]): TRegistryState => {
    let state = registries.get(instruments);
    if (!state) {
      const withArea = indexInstruments(instruments)
        .bases.filter((b) => (b.area?.ubigeo?.length ?? 0) > 0 || b.area?.geometry)
        .map((basis): TBasisState => {
          const geometry = basis.area?.geometry;
          let geometryKey = '';
          if (geometry) {
            let id = geometryIds.get(geometry);
            if (id === undefined) geometryIds.set(geometry, (id = nextGeometryId++));
            geometryKey = `|g${id}`;
          }
          const codes = [...new Set(basis.area?.ubigeo ?? [])].sort();
          return { basis, codes, polygons: geometry ? polygonsOf(geometry) : undefined, geometryKey, box: undefined };
        });
      state = { withArea, withPolygon: withArea.filter((b) => b.polygons !== undefined), coveringCode: new Map(), parts: undefined };
      registries.set(instruments, state);
    }
    return state;
  };
  const basisBox = (state: TBasisState): TBox => {
    if (!state.box) {
      let box = state.polygons ? boxOf(state.polygons) : EMPTY_BOX;
      for (const code of state.codes) box = joinBoxes(box, codeBox(code));
      state.box = box;
    }
    return state.box;
  };
  const partBoxes = (registryState: TRegistryState): TPartBoxes => {
    if (!registryState.parts) {
      const boxes: number[] = [];
      const basisOf: number[] = [];
      registryState.withArea.forEach((state, i) => {
        const parts = state.codes.map(codeBox);
        if (state.polygons) parts.push(boxOf(state.polygons));
        for (const box of parts) {
          if (box === EMPTY_BOX) continue;
          boxes.push(...box);
          basisOf.push(i);
        }
      });
      registryState.parts = {
        boxes: Float64Array.from(boxes),
        basisOf: Int32Array.from(basisOf),
        near: new Uint8Array(registryState.withArea.length),
      };
    }
    return registryState.parts;
  };
  /**
   * The part of a basis that can matter for a target box, unioned: its polygon and the areas of its codes whose
   * boxes meet the target's. Whatever lies outside the target's box cannot help cover it, so this answers exactly as
   * the whole basis would.
   */
  const basisAreaNear = (state: TBasisState, target: TBox): TPreparedArea | null => {
    let key = '';
    let first: string | undefined;
    let near = 0;
    for (const code of state.codes) {
      if (!boxesMeet(codeBox(code), target)) continue;
      key = near === 0 ? code : `${key},${code}`;
      first ??= code;
      near += 1;
    }
    if (!state.polygons) return near === 1 ? codeArea(first ?? '') : near === 0 ? null : unionOf(key, state);
    return unionOf(key + state.geometryKey, state);
  };
  const unionOf = (key: string, state: TBasisState): TPreparedArea | null => {
    let area = unions.get(key);
    if (area === undefined) {
      const parts: TMultiPolygonCoords[] = [];
      if (state.polygons) parts.push(state.polygons);
      const codes = key.split('|')[0] ?? '';
      for (const code of codes === '' ? [] : codes.split(',')) {
        const codeUnion = codeArea(code);
        if (codeUnion) parts.push(codeUnion.polygons);
      }
      area = prepareArea(parts);
      unions.set(key, area);
    }
    return area;
  };
  /** Whether a basis with a polygon covers a code whole. */
  const coversCode = (state: TBasisState, code: string, targetBox: TBox): boolean => {
    if (!boxHolds(basisBox(state), targetBox)) return false;
    const covering = basisAreaNear(state, targetBox);
    const target = codeArea(code);
    return covering !== null && target !== null && areaCovers(covering, target.polygons);
  };
  /** The bases with a polygon that cover a code whole; settled once per registry and code. */
  const coveringCode = (registryState: TRegistryState, code: string): readonly TBasisState[] => {
    let found = registryState.coveringCode.get(code);
    if (!found) {
      const targetBox = codeBox(code);
      // An unknown code has no districts, hence nothing to cover (and is not remembered: the cache stays bounded).
      if (targetBox === EMPTY_BOX) return NONE;
      found = registryState.withPolygon.filter((state) => coversCode(state, code, targetBox));
      registryState.coveringCode.set(code, found);
    }
    return found;
  };

  return {
    hints(area, instruments) {
      const state = registry(instruments);
      const { withArea, withPolygon } = state;
      if (area.geometry === undefined && withPolygon.length === 0) return undefined;
      // The request's polygon, repaired like ST_MakeValid would (self-overlaps resolved by the union).
      const request = area.geometry ? prepareTarget([polygonsOf(area.geometry)]) : null;
      const requestBox: TBox = request ? [request.minX, request.minY, request.maxX, request.maxY] : EMPTY_BOX;
      const requestCodes = area.ubigeo && area.ubigeo.length > 0 ? [...new Set(area.ubigeo)] : [];
      const covering = requestCodes.map((code) => coveringCode(state, code));
      if (!area.geometry) return hintsForCodes(withPolygon, requestCodes, covering);
      const hints: TCoverageHint[] = [];
      // Only positive answers are returned: the evaluator takes the list as complete, so a basis without a hint
      // covers none of the polygon parts. A requested code against a basis without a polygon is settled by the codes
      // alone, so those bases are asked only about the request's polygon.
      const near = request ? nearBases(partBoxes(state), requestBox) : undefined;
      // Bases over the same districts near the request share one prepared area: each is tested once per request.
      const answered = new Map<TPreparedArea, boolean>();
      for (let i = 0; i < withArea.length; i += 1) {
        const basis = withArea[i] as TBasisState;
        if (near?.[i] !== 1 && !(basis.polygons && requestCodes.length > 0)) continue;
        let coversGeometry = false;
        // A basis whose bounding box does not hold the target's cannot cover it: answered without preparing it.
        if (request && near?.[i] === 1 && boxHolds(basisBox(basis), requestBox)) {
          const near = basisAreaNear(basis, requestBox);
          if (near !== null) {
            let covers = answered.get(near);
            if (covers === undefined) {
              covers = areaCovers(near, request.polygons);
              answered.set(near, covers);
            }
            coversGeometry = covers;
          }
        }
        const coveredUbigeo = basis.polygons ? requestCodes.filter((_code, i) => covering[i]?.includes(basis)) : [];
        if (coversGeometry || coveredUbigeo.length > 0) hints.push({ instrumentId: basis.basis.id, coversGeometry, coveredUbigeo });
      }
      return hints;
    },
  };
}

const NONE: readonly TBasisState[] = [];

/** Marks, in the registry's scratch array, the bases with a part whose box meets `target`. */
function nearBases(parts: TPartBoxes, target: TBox): Uint8Array {
  const { boxes, basisOf, near } = parts;
  near.fill(0);
  const [x0, y0, x1, y1] = target;
  for (let p = 0; p < basisOf.length; p += 1) {
    const k = 4 * p;
    if (boxes[k]! <= x1 + BOX_SLACK && x0 <= boxes[k + 2]! + BOX_SLACK && boxes[k + 1]! <= y1 + BOX_SLACK && y0 <= boxes[k + 3]! + BOX_SLACK) {
      near[basisOf[p]!] = 1;
    }
  }
  return near;
}

/** Hints for a request named by codes only: one per basis with a polygon that covers some of them, in registry order. */
function hintsForCodes(
  withPolygon: readonly TBasisState[],
  codes: readonly string[],
  covering: readonly (readonly TBasisState[])[],
): TCoverageHint[] {
  if (covering.every((list) => list.length === 0)) return [];
  const hints: TCoverageHint[] = [];
  for (const basis of withPolygon) {
    const coveredUbigeo = codes.filter((_code, i) => covering[i]?.includes(basis));
    if (coveredUbigeo.length > 0) hints.push({ instrumentId: basis.basis.id, coveredUbigeo });
  }
  return hints;
}

/** The first index of a sorted list whose value is not below `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
