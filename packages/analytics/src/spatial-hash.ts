import type { XY } from './points.ts';
import { extent } from './points.ts';

/** Points bucketed into square cells (counting sort): the points of cell c are `items[start[c] .. start[c + 1])`. */
export interface CellIndex {
  readonly minX: number;
  readonly minY: number;
  readonly size: number;
  readonly cols: number;
  readonly rows: number;
  readonly start: Uint32Array;
  readonly items: Int32Array;
  readonly cellOf: Int32Array;
}

/**
 * Buckets points into cells at least `minSize` wide. The size grows when the grid would have many more cells than
 * points (sparse or elongated data), which keeps memory O(n) and never breaks a search whose reach is `minSize`.
 */
export function buildCellIndex(xy: XY, minSize: number): CellIndex {
  const [minX, minY, maxX, maxY] = extent(xy);
  const w = maxX - minX;
  const h = maxY - minY;
  // Any positive size is correct; without a reach, aim at about one point per cell.
  let size = minSize > 0 ? minSize : Math.max(Math.sqrt((w * h) / xy.n), Math.max(w, h) / xy.n) || 1;
  const dims = (s: number): [number, number] => [Number.isFinite(s) ? Math.floor(w / s) + 1 : 1, Number.isFinite(s) ? Math.floor(h / s) + 1 : 1];
  let [cols, rows] = dims(size);
  while (cols * rows > 4 * xy.n + 16) {
    size *= 2;
    [cols, rows] = dims(size);
  }
  const cellOf = new Int32Array(xy.n);
  const start = new Uint32Array(cols * rows + 1);
  for (let i = 0; i < xy.n; i++) {
    const cx = Number.isFinite(size) ? Math.min(cols - 1, Math.floor((xy.x[i]! - minX) / size)) : 0;
    const cy = Number.isFinite(size) ? Math.min(rows - 1, Math.floor((xy.y[i]! - minY) / size)) : 0;
    const c = cy * cols + cx;
    cellOf[i] = c;
    start[c + 1]!++;
  }
  for (let c = 0; c < cols * rows; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const fill = start.slice(0, cols * rows);
  const items = new Int32Array(xy.n);
  for (let i = 0; i < xy.n; i++) items[fill[cellOf[i]!]!++] = i;
  return { minX, minY, size, cols, rows, start, items, cellOf };
}

/** Distance between points i and j. */
export type Metric = 'euclidean' | 'manhattan';

/**
 * Calls `visit(i, j, d)` once for every pair i < j whose distance is below `reach` (or equal to it when
 * `inclusive`), in a deterministic order. Cost O(n + pairs found) for well-spread data, from grid hashing.
 */
export function forEachPairWithin(
  xy: XY,
  reach: number,
  inclusive: boolean,
  metric: Metric,
  visit: (i: number, j: number, d: number) => void,
): void {
  if (xy.n < 2) return;
  const idx = buildCellIndex(xy, reach);
  const { cols, rows, start, items, cellOf } = idx;
  const { x, y } = xy;
  for (let i = 0; i < xy.n; i++) {
    const c = cellOf[i]!;
    const cx = c % cols;
    const cy = (c - cx) / cols;
    const xi = x[i]!;
    const yi = y[i]!;
    for (let ny = Math.max(0, cy - 1); ny <= Math.min(rows - 1, cy + 1); ny++) {
      for (let nx = Math.max(0, cx - 1); nx <= Math.min(cols - 1, cx + 1); nx++) {
        const cell = ny * cols + nx;
        for (let k = start[cell]!; k < start[cell + 1]!; k++) {
          const j = items[k]!;
          if (j <= i) continue;
          const dx = x[j]! - xi;
          const dy = y[j]! - yi;
          const d = metric === 'euclidean' ? Math.sqrt(dx * dx + dy * dy) : Math.abs(dx) + Math.abs(dy);
          if (d < reach || (inclusive && d === reach)) visit(i, j, d);
        }
      }
    }
  }
}
