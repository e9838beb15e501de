import type { TMultiPolygonCoords, TRing } from './polygon-coverage.ts';
import { prepareArea } from './polygon-coverage.ts';

/** A request's polygon made ready to be tested against prepared areas: its polygons and its bounding box. */
export interface TPreparedTarget {
  readonly polygons: TMultiPolygonCoords;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** Rings longer than this go through the union even when simple: the pairwise test below is quadratic. */
const MAX_QUICK_EDGES = 128;
/** Two edges of one ring closer than this (degrees) make it "not simple" here, and the union decides. */
const TOUCH = 1e-9;

/**
 * A request's polygons as ST_MakeValid + ST_Union would leave them. One closed ring that does not touch or cross
 * itself already is that set, so it is taken as given (no index is built: only the target's rings and box are
 * read); anything else (holes, several polygons, a ring that touches itself or is degenerate) goes through
 * `prepareArea`, whose union repairs it. Returns null for an empty area.
 */
export function prepareTarget(parts: readonly TMultiPolygonCoords[]): TPreparedTarget | null {
  const only = parts.length === 1 && parts[0]?.length === 1 ? parts[0][0] : undefined;
  const ring = only?.length === 1 ? only[0] : undefined;
  if (ring && isSimpleClosedRing(ring)) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const p of ring) {
      const x = p[0];
      const y = p[1];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    return { polygons: [[ring]], minX, minY, maxX, maxY };
  }
  return prepareArea(parts);
}

/**
 * Whether a ring is closed, has at least three distinct corners and a non-zero area, and no two of its edges meet
 * or come within TOUCH except consecutive ones at their shared corner (which must not fold back onto each other).
 * Conservative: any doubt answers false.
 */
export function isSimpleClosedRing(ring: TRing): boolean {
  const n = ring.length - 1;
  if (n < 3 || n > MAX_QUICK_EDGES) return false;
  const xs = new Float64Array(n + 1);
  const ys = new Float64Array(n + 1);
  for (let i = 0; i <= n; i += 1) {
    const p = ring[i]!;
    const x = p[0];
    const y = p[1];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return false;
    xs[i] = x;
    ys[i] = y;
  }
  if (xs[0] !== xs[n] || ys[0] !== ys[n]) return false;
  let area2 = 0;
  for (let i = 0; i < n; i += 1) {
    if (Math.hypot(xs[i + 1]! - xs[i]!, ys[i + 1]! - ys[i]!) <= TOUCH) return false;
    area2 += xs[i]! * ys[i + 1]! - xs[i + 1]! * ys[i]!;
  }
  if (!(Math.abs(area2) > TOUCH * TOUCH)) return false;
  for (let i = 0; i < n; i += 1) {
    // Consecutive edges i and i + 1 share a corner: the far corner of each must stay off the other edge.
    const j = (i + 1) % n;
    if (pointSegment(xs[j + 1]!, ys[j + 1]!, xs[i]!, ys[i]!, xs[i + 1]!, ys[i + 1]!) <= TOUCH) return false;
    if (pointSegment(xs[i]!, ys[i]!, xs[j]!, ys[j]!, xs[j + 1]!, ys[j + 1]!) <= TOUCH) return false;
    for (let k = i + 2; k < n; k += 1) {
      if (i === 0 && k === n - 1) continue; // the closing edge shares the first corner
      if (segmentsNear(xs[i]!, ys[i]!, xs[i + 1]!, ys[i + 1]!, xs[k]!, ys[k]!, xs[k + 1]!, ys[k + 1]!)) return false;
    }
  }
  return true;
}

/** Distance from (px, py) to the segment (x1, y1)–(x2, y2). */
function pointSegment(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - x1) * dx + (py - y1) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return Math.hypot(x1 + t * dx - px, y1 + t * dy - py);
}

/** Whether two segments cross, touch or come within TOUCH of each other. */
function segmentsNear(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  if (Math.max(ax, bx) + TOUCH < Math.min(cx, dx) || Math.max(cx, dx) + TOUCH < Math.min(ax, bx)) return false;
  if (Math.max(ay, by) + TOUCH < Math.min(cy, dy) || Math.max(cy, dy) + TOUCH < Math.min(ay, by)) return false;
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    pointSegment(ax, ay, cx, cy, dx, dy) <= TOUCH ||
    pointSegment(bx, by, cx, cy, dx, dy) <= TOUCH ||
    pointSegment(cx, cy, ax, ay, bx, by) <= TOUCH ||
    pointSegment(dx, dy, ax, ay, bx, by) <= TOUCH
  );
}

const orient = (ax: number, ay: number, bx: number, by: number, px: number, py: number): number =>
  (bx - ax) * (py - ay) - (by - ay) * (px - ax);
