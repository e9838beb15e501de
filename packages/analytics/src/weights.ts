import { AnalyticsError } from './errors.ts';

/**
 * Spatial weights in compressed sparse rows: the neighbours of observation i are
 * `indices[offsets[i] .. offsets[i + 1])` with weights `values[...]` at the same positions. Observation i is the
 * i-th entry of the values array passed to a statistic.
 */
export interface Weights {
  readonly n: number;
  readonly offsets: Uint32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  /** Observation ids in order, when the weights came from a file. */
  readonly ids?: readonly string[];
}

/** How to transform weights before a statistic: 'b' binary (every link 1), 'r' row-standardised (rows sum to 1). */
export type Transform = 'b' | 'r';

/** Builds weights from neighbour lists (indices) and optional weights per link (default 1). */
export function weightsFromLists(
  neighbours: readonly (readonly number[])[],
  weights?: readonly (readonly number[])[],
  ids?: readonly string[],
): Weights {
  const n = neighbours.length;
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + neighbours[i]!.length;
  const indices = new Int32Array(offsets[n]!);
  const values = new Float64Array(offsets[n]!);
  for (let i = 0; i < n; i++) {
    const row = neighbours[i]!;
    const wrow = weights?.[i];
    if (wrow && wrow.length !== row.length) throw new AnalyticsError('WEIGHTS_MISMATCH', `row ${i}: ${row.length} neighbours but ${wrow.length} weights`);
    for (let k = 0; k < row.length; k++) {
      const j = row[k]!;
      if (!Number.isInteger(j) || j < 0 || j >= n) throw new AnalyticsError('WEIGHTS_MISMATCH', `row ${i}: neighbour ${j} is not an observation index`);
      indices[offsets[i]! + k] = j;
      values[offsets[i]! + k] = wrow ? wrow[k]! : 1;
    }
  }
  return ids ? { n, offsets, indices, values, ids } : { n, offsets, indices, values };
}

/** Neighbour lists back from CSR (for inspection and tests). */
export function weightsToLists(w: Weights): { neighbours: number[][]; weights: number[][] } {
  const neighbours: number[][] = [];
  const weights: number[][] = [];
  for (let i = 0; i < w.n; i++) {
    neighbours.push(Array.from(w.indices.subarray(w.offsets[i], w.offsets[i + 1])));
    weights.push(Array.from(w.values.subarray(w.offsets[i], w.offsets[i + 1])));
  }
  return { neighbours, weights };
}

/** Returns transformed weights (a new object), or `w` itself when no transform is asked. Islands stay empty. */
export function transformWeights(w: Weights, transform: Transform | undefined): Weights {
  if (transform === undefined) return w;
  const values = new Float64Array(w.values.length);
  for (let i = 0; i < w.n; i++) {
    const a = w.offsets[i]!;
    const b = w.offsets[i + 1]!;
    if (transform === 'b') {
      values.fill(1, a, b);
      continue;
    }
    let sum = 0;
    for (let k = a; k < b; k++) sum += w.values[k]!;
    for (let k = a; k < b; k++) values[k] = sum === 0 ? 0 : w.values[k]! / sum;
  }
  return { ...w, values };
}

/** Throws unless the weights describe exactly `n` observations. */
export function assertAligned(w: Weights, n: number): void {
  if (w.n !== n) throw new AnalyticsError('WEIGHTS_MISMATCH', `the weights describe ${w.n} observations but ${n} values were given`);
}

/** The transpose (w_ji in row i); rows come out sorted by column index. */
export function transposeWeights(w: Weights): Weights {
  const n = w.n;
  const offsets = new Uint32Array(n + 1);
  for (let k = 0; k < w.indices.length; k++) offsets[w.indices[k]! + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i + 1]! + offsets[i]!;
  const fill = offsets.slice(0, n);
  const indices = new Int32Array(w.indices.length);
  const values = new Float64Array(w.indices.length);
  for (let i = 0; i < n; i++) {
    for (let k = w.offsets[i]!; k < w.offsets[i + 1]!; k++) {
      const at = fill[w.indices[k]!]!++;
      indices[at] = i;
      values[at] = w.values[k]!;
    }
  }
  return { n, offsets, indices, values };
}

/** Number of neighbours of each observation. */
export function cardinalities(w: Weights): Uint32Array {
  const out = new Uint32Array(w.n);
  for (let i = 0; i < w.n; i++) out[i] = w.offsets[i + 1]! - w.offsets[i]!;
  return out;
}
