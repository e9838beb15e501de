import polygonClipping from 'polygon-clipping';
import type { MultiPolygon as TClipMultiPolygon } from 'polygon-clipping';

/** GeoJSON coordinates: [lon, lat] pairs, rings closed, polygons as [outer, ...holes]. */
export type TPosition = readonly [number, number] | readonly number[];
export type TRing = readonly TPosition[];
export type TPolygonCoords = readonly TRing[];
export type TMultiPolygonCoords = readonly TPolygonCoords[];

/** A Polygon or MultiPolygon GeoJSON geometry, as requests and instruments carry them. */
export type TAreaGeometry =
  | { readonly type: 'Polygon'; readonly coordinates: TPolygonCoords }
  | { readonly type: 'MultiPolygon'; readonly coordinates: TMultiPolygonCoords };

/** Tolerance, in degrees, for a point lying on a boundary (about 0.1 mm): the closed-set semantics of ST_Covers. */
const ON_EDGE = 1e-9;
/** Tolerance on the parameter along a segment when splitting it at crossings. */
const PARAM_EPS = 1e-12;

/**
 * An area made ready for repeated "does it cover this?" questions: its parts unioned (as PostGIS ST_Union does, so
 * shared district borders disappear and gaps between parts remain holes), its edges in flat arrays, and two indexes
 * over them: a uniform grid (for edges near a segment or a point) and horizontal bands (for ray casting).
 */
export interface TPreparedArea {
  /** The union, as polygons of [outer, ...holes] rings. */
  readonly polygons: TClipMultiPolygon;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** Edge i is (x1, y1) → (x2, y2) at [4i .. 4i + 3]. */
  readonly edges: Float64Array;
  readonly grid: EdgeGrid;
  readonly bands: EdgeBands;
}

interface EdgeGrid {
  readonly nx: number;
  readonly ny: number;
  readonly cellW: number;
  readonly cellH: number;
  /** CSR: the edges of cell c are ids[start[c] .. start[c + 1]). */
  readonly start: Int32Array;
  readonly ids: Int32Array;
}

interface EdgeBands {
  readonly n: number;
  readonly bandH: number;
  readonly start: Int32Array;
  readonly ids: Int32Array;
}

const toClip = (polygon: TPolygonCoords): [number, number][][] =>
  polygon.map((ring) => ring.map((p) => [Number(p[0]), Number(p[1])] as [number, number]));

/** The polygons of a Polygon or MultiPolygon geometry. */
export function polygonsOf(geometry: TAreaGeometry): TMultiPolygonCoords {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Unions the parts (each a list of polygons) into one prepared area. Returns null for an empty area. The union is
 * computed by `polygon-clipping` (a Martínez–Rueda sweep with robust predicates); it also repairs self-touching or
 * overlapping input the way ST_MakeValid + ST_Union would.
 */
export function prepareArea(parts: readonly TMultiPolygonCoords[]): TPreparedArea | null {
  const geoms = parts.flatMap((mp) => mp.map(toClip)).filter((p) => p.length > 0 && (p[0]?.length ?? 0) >= 4);
  if (geoms.length === 0) return null;
  const [first, ...rest] = geoms;
  const polygons = first ? polygonClipping.union(first, ...rest) : [];
  if (polygons.length === 0) return null;

  let count = 0;
  for (const polygon of polygons) for (const ring of polygon) count += ring.length - 1;
  const edges = new Float64Array(count * 4);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let e = 0;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i += 1) {
        const a = ring[i] as [number, number];
        const b = ring[i + 1] as [number, number];
        edges[e++] = a[0];
        edges[e++] = a[1];
        edges[e++] = b[0];
        edges[e++] = b[1];
        if (a[0] < minX) minX = a[0];
        if (a[0] > maxX) maxX = a[0];
        if (a[1] < minY) minY = a[1];
        if (a[1] > maxY) maxY = a[1];
      }
    }
  }
  const side = Math.max(1, Math.min(256, Math.ceil(Math.sqrt(count / 2))));
  const width = Math.max(maxX - minX, 1e-12);
  const height = Math.max(maxY - minY, 1e-12);
  const grid = buildGrid(edges, count, minX, minY, width / side, height / side, side, side);
  const bands = buildBands(edges, count, minY, height / side, side);
  return { polygons, minX, minY, maxX, maxY, edges, grid, bands };
}

function clampCell(v: number, n: number): number {
  return v < 0 ? 0 : v >= n ? n - 1 : v;
}

function buildGrid(
  edges: Float64Array,
  count: number,
  minX: number,
  minY: number,
  cellW: number,
  cellH: number,
  nx: number,
  ny: number,
): EdgeGrid {
  const cellsOf = (i: number): [number, number, number, number] => {
    const x1 = edges[4 * i] as number;
    const y1 = edges[4 * i + 1] as number;
    const x2 = edges[4 * i + 2] as number;
    const y2 = edges[4 * i + 3] as number;
    return [
      clampCell(Math.floor((Math.min(x1, x2) - ON_EDGE - minX) / cellW), nx),
      clampCell(Math.floor((Math.max(x1, x2) + ON_EDGE - minX) / cellW), nx),
      clampCell(Math.floor((Math.min(y1, y2) - ON_EDGE - minY) / cellH), ny),
      clampCell(Math.floor((Math.max(y1, y2) + ON_EDGE - minY) / cellH), ny),
    ];
  };
  const start = new Int32Array(nx * ny + 1);
  for (let i = 0; i < count; i += 1) {
    const [cx0, cx1, cy0, cy1] = cellsOf(i);
    for (let cy = cy0; cy <= cy1; cy += 1) for (let cx = cx0; cx <= cx1; cx += 1) start[cy * nx + cx + 1]! += 1;
  }
  for (let c = 0; c < nx * ny; c += 1) start[c + 1]! += start[c]!;
  const fill = start.slice(0, nx * ny);
  const ids = new Int32Array(start[nx * ny]!);
  for (let i = 0; i < count; i += 1) {
    const [cx0, cx1, cy0, cy1] = cellsOf(i);
    for (let cy = cy0; cy <= cy1; cy += 1) for (let cx = cx0; cx <= cx1; cx += 1) ids[fill[cy * nx + cx]!++] = i;
  }
  return { nx, ny, cellW, cellH, start, ids };
}

function buildBands(edges: Float64Array, count: number, minY: number, bandH: number, n: number): EdgeBands {
  const range = (i: number): [number, number] => {
    const y1 = edges[4 * i + 1] as number;
    const y2 = edges[4 * i + 3] as number;
    return [
      clampCell(Math.floor((Math.min(y1, y2) - minY) / bandH), n),
      clampCell(Math.floor((Math.max(y1, y2) - minY) / bandH), n),
    ];
  };
  const start = new Int32Array(n + 1);
  for (let i = 0; i < count; i += 1) {
    const [b0, b1] = range(i);
    for (let b = b0; b <= b1; b += 1) start[b + 1]! += 1;
  }
  for (let b = 0; b < n; b += 1) start[b + 1]! += start[b]!;
  const fill = start.slice(0, n);
  const ids = new Int32Array(start[n]!);
  for (let i = 0; i < count; i += 1) {
    const [b0, b1] = range(i);
    for (let b = b0; b <= b1; b += 1) ids[fill[b]!++] = i;
  }
  return { n, bandH, start, ids };
}

/** Distance from (px, py) to the segment (x1, y1)–(x2, y2), squared. */
function segmentDistance2(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - x1) * dx + (py - y1) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = x1 + t * dx - px;
  const ey = y1 + t * dy - py;
  return ex * ex + ey * ey;
}

/** Whether a point lies on the area's boundary (within ON_EDGE). */
function onBoundary(area: TPreparedArea, px: number, py: number): boolean {
  const { grid, edges } = area;
  const cx = Math.floor((px - area.minX) / grid.cellW);
  const cy = Math.floor((py - area.minY) / grid.cellH);
  if (cx < 0 || cy < 0 || cx >= grid.nx || cy >= grid.ny) {
    // Outside the grid only a point within ON_EDGE of the bounding box can touch an edge: check the nearest cell.
    if (px < area.minX - ON_EDGE || px > area.maxX + ON_EDGE || py < area.minY - ON_EDGE || py > area.maxY + ON_EDGE) return false;
  }
  const c = clampCell(cy, grid.ny) * grid.nx + clampCell(cx, grid.nx);
  const limit = ON_EDGE * ON_EDGE;
  for (let k = grid.start[c]!; k < grid.start[c + 1]!; k += 1) {
    const i = grid.ids[k]! * 4;
    if (segmentDistance2(px, py, edges[i]!, edges[i + 1]!, edges[i + 2]!, edges[i + 3]!) <= limit) return true;
  }
  return false;
}

/** Whether a point lies in the closed area (interior or boundary): even-odd ray casting over the point's band. */
export function areaContainsPoint(area: TPreparedArea, px: number, py: number): boolean {
  if (px < area.minX - ON_EDGE || px > area.maxX + ON_EDGE || py < area.minY - ON_EDGE || py > area.maxY + ON_EDGE) return false;
  if (onBoundary(area, px, py)) return true;
  const { bands, edges } = area;
  const b = clampCell(Math.floor((py - area.minY) / bands.bandH), bands.n);
  let inside = false;
  for (let k = bands.start[b]!; k < bands.start[b + 1]!; k += 1) {
    const i = bands.ids[k]! * 4;
    const x1 = edges[i]!;
    const y1 = edges[i + 1]!;
    const x2 = edges[i + 2]!;
    const y2 = edges[i + 3]!;
    if (y1 > py !== y2 > py && px < ((x2 - x1) * (py - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

/** Even-odd point-in-polygons test over plain rings (no index), strict: a point on a boundary is not inside. */
function strictlyInsideRings(rings: readonly TRing[], px: number, py: number): boolean {
  let inside = false;
  const limit = ON_EDGE * ON_EDGE;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i += 1) {
      const a = ring[i] as readonly number[];
      const b = ring[i + 1] as readonly number[];
      const x1 = a[0]!;
      const y1 = a[1]!;
      const x2 = b[0]!;
      const y2 = b[1]!;
      if (segmentDistance2(px, py, x1, y1, x2, y2) <= limit) return false;
      if (y1 > py !== y2 > py && px < ((x2 - x1) * (py - y1)) / (y2 - y1) + x1) inside = !inside;
    }
  }
  return inside;
}

/** Reusable scratch space for collecting the crossing parameters of one segment. */
const scratch = { params: new Float64Array(64), stamp: new Int32Array(0), mark: 0 };

function markEdge(count: number, id: number): boolean {
  if (scratch.stamp.length < count) scratch.stamp = new Int32Array(Math.max(count, scratch.stamp.length * 2));
  if (scratch.stamp[id] === scratch.mark) return false;
  scratch.stamp[id] = scratch.mark;
  return true;
}

/**
 * Whether the segment a→b lies in the closed area: it is split at every point where it meets the area's boundary,
 * and the midpoint of each piece (and its start) must lie in the area. Between two consecutive meeting points a
 * piece is wholly inside or wholly outside, so this is exact up to the tolerances.
 */
function segmentInside(area: TPreparedArea, ax: number, ay: number, bx: number, by: number): boolean {
  if (!areaContainsPoint(area, ax, ay)) return false;
  const { grid, edges } = area;
  const edgeCount = edges.length / 4;
  scratch.mark += 1;
  if (scratch.mark > 2_000_000_000) {
    scratch.mark = 1;
    scratch.stamp.fill(0);
  }
  let n = 0;
  const push = (t: number): void => {
    if (n === scratch.params.length) {
      const bigger = new Float64Array(n * 2);
      bigger.set(scratch.params);
      scratch.params = bigger;
    }
    scratch.params[n++] = t < 0 ? 0 : t > 1 ? 1 : t;
  };
  const cx0 = clampCell(Math.floor((Math.min(ax, bx) - ON_EDGE - area.minX) / grid.cellW), grid.nx);
  const cx1 = clampCell(Math.floor((Math.max(ax, bx) + ON_EDGE - area.minX) / grid.cellW), grid.nx);
  const cy0 = clampCell(Math.floor((Math.min(ay, by) - ON_EDGE - area.minY) / grid.cellH), grid.ny);
  const cy1 = clampCell(Math.floor((Math.max(ay, by) + ON_EDGE - area.minY) / grid.cellH), grid.ny);
  const rx = bx - ax;
  const ry = by - ay;
  const len = Math.hypot(rx, ry);
  if (len === 0) return true;
  for (let cy = cy0; cy <= cy1; cy += 1) {
    for (let cx = cx0; cx <= cx1; cx += 1) {
      const c = cy * grid.nx + cx;
      for (let k = grid.start[c]!; k < grid.start[c + 1]!; k += 1) {
        const id = grid.ids[k]!;
        if (!markEdge(edgeCount, id)) continue;
        const i = id * 4;
        const x1 = edges[i]!;
        const y1 = edges[i + 1]!;
        const x2 = edges[i + 2]!;
        const y2 = edges[i + 3]!;
        const sx = x2 - x1;
        const sy = y2 - y1;
        const denom = rx * sy - ry * sx;
        const qx = x1 - ax;
        const qy = y1 - ay;
        const slen = Math.hypot(sx, sy);
        if (Math.abs(denom) > PARAM_EPS * len * slen) {
          const t = (qx * sy - qy * sx) / denom;
          const u = (qx * ry - qy * rx) / denom;
          const tTol = ON_EDGE / len;
          const uTol = slen > 0 ? ON_EDGE / slen : 0;
          if (t >= -tTol && t <= 1 + tTol && u >= -uTol && u <= 1 + uTol) push(t);
        } else if (Math.abs(qx * ry - qy * rx) <= ON_EDGE * len) {
          // Collinear: the overlap's ends split the segment.
          const len2 = len * len;
          const t1 = (qx * rx + qy * ry) / len2;
          const t2 = ((x2 - ax) * rx + (y2 - ay) * ry) / len2;
          if (t1 > 0 && t1 < 1) push(t1);
          if (t2 > 0 && t2 < 1) push(t2);
        }
      }
    }
  }
  const params = scratch.params.subarray(0, n).sort();
  let previous = 0;
  for (let k = 0; k <= n; k += 1) {
    const t = k < n ? params[k]! : 1;
    if (t - previous > PARAM_EPS) {
      const mid = (previous + t) / 2;
      if (!areaContainsPoint(area, ax + rx * mid, ay + ry * mid)) return false;
    }
    previous = t;
  }
  return areaContainsPoint(area, bx, by);
}

/**
 * Whether `area` covers `target` (every point of the target lies in the closed area), with the meaning of PostGIS
 * ST_Covers: first the target's whole boundary must lie in the area; then no hole of the area may lie inside the
 * target (a boundary inside the area can still enclose one of its holes). The target is taken as given (its rings
 * under even-odd); prepare it first when it may overlap itself.
 */
export function areaCovers(area: TPreparedArea, target: TMultiPolygonCoords): boolean {
  const rings: TRing[] = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of target) {
    for (const ring of polygon) {
      rings.push(ring);
      for (const p of ring) {
        const x = Number(p[0]);
        const y = Number(p[1]);
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (rings.length === 0) return true;
  if (minX < area.minX - ON_EDGE || maxX > area.maxX + ON_EDGE || minY < area.minY - ON_EDGE || maxY > area.maxY + ON_EDGE) return false;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i += 1) {
      const a = ring[i] as readonly number[];
      const b = ring[i + 1] as readonly number[];
      if (!segmentInside(area, a[0]!, a[1]!, b[0]!, b[1]!)) return false;
    }
  }
  for (const polygon of area.polygons) {
    for (let h = 1; h < polygon.length; h += 1) {
      const hole = polygon[h] ?? [];
      const [hx, hy] = hole[0] ?? [NaN, NaN];
      if (hx < minX || hx > maxX || hy < minY || hy > maxY) continue;
      // The hole's inside is off the target's boundary (checked above), so it is all in or all out of the target;
      // one vertex of the hole not on that boundary tells which.
      for (const [x, y] of hole) {
        if (strictlyInsideRings(rings, x, y)) return false;
        if (!onRings(rings, x, y)) break;
      }
    }
  }
  return true;
}

function onRings(rings: readonly TRing[], px: number, py: number): boolean {
  const limit = ON_EDGE * ON_EDGE;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i += 1) {
      const a = ring[i] as readonly number[];
      const b = ring[i + 1] as readonly number[];
      if (segmentDistance2(px, py, a[0]!, a[1]!, b[0]!, b[1]!) <= limit) return true;
    }
  }
  return false;
}
