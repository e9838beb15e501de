import { check } from './errors.ts';

/**
 * Planar points in metres (project longitude/latitude first, e.g. to UTM 18S for Lima): either an array of
 * `[x, y]` pairs, or two coordinate columns (cheaper for a million points: no array per point).
 */
export type Points = ReadonlyArray<readonly [number, number]> | { readonly x: ArrayLike<number>; readonly y: ArrayLike<number> };

/** Coordinates as two columns. */
export interface XY {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly n: number;
}

/** Normalises either input shape to columns, copying only when given pairs. */
export function toXY(points: Points): XY {
  if ('x' in points) {
    check(points.x.length === points.y.length, 'points.x and points.y must have the same length');
    return { x: points.x, y: points.y, n: points.x.length };
  }
  const pairs = points;
  const n = pairs.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = pairs[i]!;
    x[i] = p[0];
    y[i] = p[1];
  }
  return { x, y, n };
}

/** Bounding box as [minX, minY, maxX, maxY]. */
export type BBox = readonly [number, number, number, number];

/** The extent of the points; throws on an empty set or non-finite coordinates. */
export function extent(xy: XY): BBox {
  check(xy.n > 0, 'at least one point is needed');
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < xy.n; i++) {
    const x = xy.x[i]!;
    const y = xy.y[i]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  check(Number.isFinite(minX + maxX + minY + maxY), 'point coordinates must be finite numbers (metres, not NaN)');
  return [minX, minY, maxX, maxY];
}
