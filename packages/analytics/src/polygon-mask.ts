import { check } from './errors.ts';
import type { Grid } from './grid.ts';

/** A ring of planar [x, y] positions (closed or not: the last position joins the first either way). */
export type Ring = ReadonlyArray<readonly [number, number]>;
/** A polygon as in GeoJSON: the outer ring first, then its holes. */
export type Polygon = ReadonlyArray<Ring>;

/**
 * A study-area mask for a grid: 1 for each cell whose centre lies inside any of the polygons (GeoJSON Polygon
 * coordinates, e.g. every part of a MultiPolygon, in the grid's metres), 0 elsewhere; one byte per cell in the
 * grid's order (row 0 in the south). Holes are holes (even-odd rule within a polygon); the polygons are united, so
 * overlapping ones do not cancel. A centre exactly on a boundary is inside where the area lies to its east (or
 * north, on a horizontal edge) and outside otherwise: of two polygons sharing an edge, exactly one takes the cell.
 *
 * A scanline fill: each edge is met once per row whose centre line it crosses (crossings bucketed by row, a
 * counting sort), and each cell is filled at most once per polygon, so the cost is O(cells + edges + crossings).
 */
export function polygonMask(polygons: ReadonlyArray<Polygon>, grid: Omit<Grid, 'values'>): Uint8Array {
  const { x0, y0, cellSize, cols, rows } = grid;
  check(cellSize > 0 && cols > 0 && rows > 0, 'the grid needs a positive cellSize, cols and rows');
  const mask = new Uint8Array(cols * rows);
  // Position of a coordinate in cell units, relative to the centres: cell centre k sits at k.
  const gx = (x: number): number => (x - x0) / cellSize - 0.5;
  const gy = (y: number): number => (y - y0) / cellSize - 0.5;
  for (const polygon of polygons) {
    let edges = 0;
    let minRow = Infinity;
    let maxRow = -Infinity;
    for (const ring of polygon) {
      check(ring.length === 0 || ring.length >= 3, 'a polygon ring needs at least three positions');
      edges += ring.length;
      for (const [, y] of ring) {
        check(Number.isFinite(y), 'polygon coordinates must be finite numbers (metres)');
        const v = gy(y);
        if (v < minRow) minRow = v;
        if (v > maxRow) maxRow = v;
      }
    }
    if (edges === 0) continue;
    // Rows whose centre line can meet the polygon: centre r with minY <= r < maxY (in cell units).
    const first = Math.max(0, Math.ceil(minRow));
    const last = Math.min(rows - 1, Math.ceil(maxRow) - 1);
    if (last < first) continue;
    const span = last - first + 1;
    // Pass 1: crossings per row. An edge crosses centre line r when min(ya, yb) <= r < max(ya, yb) (half-open,
    // so a vertex on a centre line counts once and horizontal edges never count).
    const perRow = new Int32Array(span + 1);
    const visit = (each: (row: number, x: number) => void): void => {
      for (const ring of polygon) {
        const m = ring.length;
        for (let i = 0; i < m; i++) {
          const a = ring[i]!;
          const b = ring[(i + 1) % m]!;
          const ya = gy(a[1]);
          const yb = gy(b[1]);
          if (ya === yb) continue;
          const lo = Math.max(first, Math.ceil(Math.min(ya, yb)));
          const hi = Math.min(last, Math.ceil(Math.max(ya, yb)) - 1);
          if (hi < lo) continue;
          const xa = gx(a[0]);
          const slope = (gx(b[0]) - xa) / (yb - ya);
          for (let r = lo; r <= hi; r++) each(r, xa + (r - ya) * slope);
        }
      }
    };
    visit((r) => perRow[r - first + 1]!++);
    for (let k = 1; k <= span; k++) perRow[k]! += perRow[k - 1]!;
    // Pass 2: the crossings' x, grouped by row.
    const xs = new Float64Array(perRow[span]!);
    const at = perRow.slice(0, span);
    visit((r, x) => {
      xs[at[r - first]!++] = x;
    });
    for (let k = 0; k < span; k++) {
      const row = xs.subarray(perRow[k], perRow[k + 1]).sort();
      const base = (first + k) * cols;
      // Even-odd: cells with centre c, x_in <= c < x_out, are inside.
      for (let j = 0; j + 1 < row.length; j += 2) {
        const from = Math.max(0, Math.ceil(row[j]!));
        const to = Math.min(cols, Math.ceil(row[j + 1]!));
        for (let c = from; c < to; c++) mask[base + c] = 1;
      }
    }
  }
  return mask;
}
