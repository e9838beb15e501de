import { check } from './errors.ts';
import type { Points } from './points.ts';
import { toXY } from './points.ts';
import { forEachPairWithin } from './spatial-hash.ts';
import type { Weights } from './weights.ts';

/**
 * Binary distance-band weights: j is a neighbour of i when their Euclidean distance is at most `threshold`
 * (inclusive, as PySAL's DistanceBand), i itself excluded. Neighbours come sorted by index. Found by grid hashing,
 * so the cost is O(n + links), not O(n^2).
 */
export function distanceBandWeights(points: Points, threshold: number): Weights {
  check(threshold >= 0, 'threshold must be a distance >= 0 (metres)');
  const xy = toXY(points);
  const n = xy.n;
  const pairs: number[] = [];
  forEachPairWithin(xy, threshold, true, 'euclidean', (i, j) => {
    pairs.push(i, j);
  });
  const offsets = new Uint32Array(n + 1);
  for (let k = 0; k < pairs.length; k++) offsets[pairs[k]! + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i + 1]! + offsets[i]!;
  const fill = offsets.slice(0, n);
  const indices = new Int32Array(pairs.length);
  for (let k = 0; k < pairs.length; k += 2) {
    const i = pairs[k]!;
    const j = pairs[k + 1]!;
    indices[fill[i]!++] = j;
    indices[fill[j]!++] = i;
  }
  for (let i = 0; i < n; i++) indices.subarray(offsets[i], offsets[i + 1]).sort();
  return { n, offsets, indices, values: new Float64Array(pairs.length).fill(1) };
}
