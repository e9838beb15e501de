import polygonClipping from 'polygon-clipping';
import type { MultiPolygon as TClipMultiPolygon } from 'polygon-clipping';
import type { EdgeBands, EdgeGrid } from './edge-index.ts';
import { CELL_INSIDE, CELL_OUTSIDE, CELL_UNKNOWN, ON_EDGE, buildBands, buildGrid, clampCell } from './edge-index.ts';

/** GeoJSON coordinates: [lon, lat] pairs, rings closed, polygons as [outer, ...holes]. */
export type TPosition = readonly [number, number] | readonly number[];
export type TRing = readonly TPosition[];
export type TPolygonCoords = readonly TRing[];
export type TMultiPolygonCoords = readonly TPolygonCoords[];

/** A Polygon or MultiPolygon GeoJSON geometry, as requests and instruments carry them. */
export type TAreaGeometry =
  | { readonly type: 'Polygon'; readonly coordinates: TPolygonCoords }
  | { readonly type: 'MultiPolygon'; readonly coordinates: TMultiPolygonCoords };

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
  // About half a cell per edge, and never fewer than 8 × 8 cells: most cells then hold no edge, and a target over
  // such cells is answered from the cell's state alone (even against a small polygon).
  const side = Math.max(8, Math.min(256, Math.ceil(Math.sqrt(count * 2))));
  const width = Math.max(maxX - minX, 1e-12);
  const height = Math.max(maxY - minY, 1e-12);
  const grid = buildGrid(edges, count, minX, minY, width / side, height / side, side, side);
  const bands = buildBands(edges, count, minY, height / side, side);
  return { polygons, minX, minY, maxX, maxY, edges, grid, bands };
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
  const { grid } = area;
  const cx = Math.floor((px - area.minX) / grid.cellW);
  const cy = Math.floor((py - area.minY) / grid.cellH);
  if (cx >= 0 && cy >= 0 && cx < grid.nx && cy < grid.ny) {
    const c = cy * grid.nx + cx;
    if (grid.start[c] === grid.start[c + 1]) return emptyCellInside(area, c);
  }
  if (onBoundary(area, px, py)) return true;
  return rayCastInside(area, px, py);
}

/** Even-odd ray casting over the point's band (the point is known not to lie on the boundary). */
function rayCastInside(area: TPreparedArea, px: number, py: number): boolean {
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

/** Whether an edge-free cell lies in the area: one ray cast from its centre, kept in the grid's cell states. */
function emptyCellInside(area: TPreparedArea, c: number): boolean {
  const { grid } = area;
  let state = grid.state[c];
  if (state === CELL_UNKNOWN) {
    const cx = c % grid.nx;
    const cy = (c - cx) / grid.nx;
    state = rayCastInside(area, area.minX + (cx + 0.5) * grid.cellW, area.minY + (cy + 0.5) * grid.cellH) ? CELL_INSIDE : CELL_OUTSIDE;
    grid.state[c] = state;
  }
  return state === CELL_INSIDE;
}

/**
 * The state of a box (already widened by ON_EDGE) that lies within the grid over cells no edge reaches: then no
 * boundary passes through it, so all of it is inside or all outside. Null when the box leaves the grid or some cell
 * in it holds an edge (the exact test must run).
 */
function boxInEmptyCells(area: TPreparedArea, x0: number, y0: number, x1: number, y1: number): boolean | null {
  const { grid } = area;
  const cx0 = Math.floor((x0 - area.minX) / grid.cellW);
  const cx1 = Math.floor((x1 - area.minX) / grid.cellW);
  const cy0 = Math.floor((y0 - area.minY) / grid.cellH);
  const cy1 = Math.floor((y1 - area.minY) / grid.cellH);
  if (cx0 < 0 || cy0 < 0 || cx1 >= grid.nx || cy1 >= grid.ny) return null;
  for (let cy = cy0; cy <= cy1; cy += 1) {
    for (let cx = cx0; cx <= cx1; cx += 1) {
      const c = cy * grid.nx + cx;
      if (grid.start[c] !== grid.start[c + 1]) return null;
    }
  }
  return emptyCellInside(area, cy0 * grid.nx + cx0);
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
const scratch = { params: new Float64Array(64), n: 0, stamp: new Int32Array(0), mark: 0 };

function markEdge(count: number, id: number): boolean {
  if (scratch.stamp.length < count) scratch.stamp = new Int32Array(Math.max(count, scratch.stamp.length * 2));
  if (scratch.stamp[id] === scratch.mark) return false;
  scratch.stamp[id] = scratch.mark;
  return true;
}

// A module function, not a closure inside segmentInside: that runs once per edge of every request.
function pushParam(t: number): void {
  if (scratch.n === scratch.params.length) {
    const bigger = new Float64Array(scratch.n * 2);
    bigger.set(scratch.params);
    scratch.params = bigger;
  }
  scratch.params[scratch.n++] = t < 0 ? 0 : t > 1 ? 1 : t;
}

/**
 * Whether the segment a→b lies in the closed area: it is split at every point where it meets the area's boundary,
 * and the midpoint of each piece (and its start) must lie in the area. Between two consecutive meeting points a
 * piece is wholly inside or wholly outside, so this is exact up to the tolerances. A segment over cells that no
 * edge reaches meets no boundary: the state of those cells answers at once.
 */
function segmentInside(area: TPreparedArea, ax: number, ay: number, bx: number, by: number): boolean {
  const loX = Math.min(ax, bx) - ON_EDGE;
  const hiX = Math.max(ax, bx) + ON_EDGE;
  const loY = Math.min(ay, by) - ON_EDGE;
  const hiY = Math.max(ay, by) + ON_EDGE;
  const quick = boxInEmptyCells(area, loX, loY, hiX, hiY);
  if (quick !== null) return quick;
  if (!areaContainsPoint(area, ax, ay)) return false;
  const { grid, edges } = area;
  const edgeCount = edges.length / 4;
  scratch.mark += 1;
  if (scratch.mark > 2_000_000_000) {
    scratch.mark = 1;
    scratch.stamp.fill(0);
  }
  scratch.n = 0;
  const cx0 = clampCell(Math.floor((loX - area.minX) / grid.cellW), grid.nx);
  const cx1 = clampCell(Math.floor((hiX - area.minX) / grid.cellW), grid.nx);
  const cy0 = clampCell(Math.floor((loY - area.minY) / grid.cellH), grid.ny);
  const cy1 = clampCell(Math.floor((hiY - area.minY) / grid.cellH), grid.ny);
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
          if (t >= -tTol && t <= 1 + tTol && u >= -uTol && u <= 1 + uTol) pushParam(t);
        } else if (Math.abs(qx * ry - qy * rx) <= ON_EDGE * len) {
          // Collinear: the overlap's ends split the segment.
          const len2 = len * len;
          const t1 = (qx * rx + qy * ry) / len2;
          const t2 = ((x2 - ax) * rx + (y2 - ay) * ry) / len2;
          if (t1 > 0 && t1 < 1) pushParam(t1);
          if (t2 > 0 && t2 < 1) pushParam(t2);
        }
      }
    }
  }
  const n = scratch.n;
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
  // A target whose box lies over edge-free cells meets no boundary and no hole: the cells' state answers.
  const quick = boxInEmptyCells(area, minX - ON_EDGE, minY - ON_EDGE, maxX + ON_EDGE, maxY + ON_EDGE);
  if (quick !== null) return quick;
  // Every corner must lie in the area; checking them first rejects a target that reaches outside at little cost.
  for (const ring of rings) for (const p of ring) if (!areaContainsPoint(area, p[0], p[1])) return false;
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
