/**
 * The two indexes a prepared area keeps over its edges: a uniform grid (for edges near a segment or a point, and the
 * state of cells no edge reaches) and horizontal bands (for ray casting).
 */

/**
 * Tolerance, in degrees, for a point lying on a boundary (about 0.1 mm): the closed-set semantics of ST_Covers. Edges
 * are entered in every cell they come this close to.
 */
export const ON_EDGE = 1e-9;

export interface EdgeGrid {
  readonly nx: number;
  readonly ny: number;
  readonly cellW: number;
  readonly cellH: number;
  /** CSR: the edges of cell c are ids[start[c] .. start[c + 1]). */
  readonly start: Int32Array;
  readonly ids: Int32Array;
  /**
   * For cells that no edge comes within ON_EDGE of: whether the cell lies in the area (CELL_INSIDE) or not
   * (CELL_OUTSIDE), filled on first use (CELL_UNKNOWN until then). No boundary crosses such a cell, so one ray cast
   * from its centre answers for every point in it.
   */
  readonly state: Int8Array;
}

export const CELL_UNKNOWN = 0;
export const CELL_INSIDE = 1;
export const CELL_OUTSIDE = 2;

export interface EdgeBands {
  readonly n: number;
  readonly bandH: number;
  readonly start: Int32Array;
  readonly ids: Int32Array;
}

/** A cell index clamped to 0 .. n - 1. */
export function clampCell(v: number, n: number): number {
  return v < 0 ? 0 : v >= n ? n - 1 : v;
}

/** The grid over the edges; each edge is entered in every cell its box (widened by ON_EDGE) meets. */
export function buildGrid(
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
  return { nx, ny, cellW, cellH, start, ids, state: new Int8Array(nx * ny) };
}

/** The bands over the edges; each edge is entered in every band its vertical extent meets. */
export function buildBands(edges: Float64Array, count: number, minY: number, bandH: number, n: number): EdgeBands {
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
