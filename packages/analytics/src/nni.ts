import { check } from './errors.ts';
import { twoSidedP } from './normal.ts';
import type { Points, XY } from './points.ts';
import { toXY } from './points.ts';
import { buildCellIndex } from './spatial-hash.ts';

/** Clark-Evans nearest neighbour index and its test. */
export interface NearestNeighbourResult {
  /** Mean distance from each point to its nearest other point, metres. */
  observedMean: number;
  /** Expected mean under complete spatial randomness, 0.5 / sqrt(n / area). */
  expectedMean: number;
  /** observed / expected: below 1 clustered, about 1 random, above 1 dispersed. */
  index: number;
  /** (observed - expected) / (0.26136 / sqrt(n^2 / area)). */
  z: number;
  /** Two-sided p-value. */
  p: number;
}

/** Distance from point i to its nearest other point, by rings of cells around its own cell. */
function nearestDistance(xy: XY, index: ReturnType<typeof buildCellIndex>, i: number): number {
  const { cols, rows, start, items, cellOf, size } = index;
  const c = cellOf[i]!;
  const cx = c % cols;
  const cy = (c - cx) / cols;
  let best = Infinity;
  for (let ring = 0; ring <= Math.max(cols, rows); ring++) {
    for (let ny = cy - ring; ny <= cy + ring; ny++) {
      if (ny < 0 || ny >= rows) continue;
      const edgeRow = ny === cy - ring || ny === cy + ring;
      for (let nx = cx - ring; nx <= cx + ring; nx += edgeRow ? 1 : 2 * ring) {
        if (nx >= 0 && nx < cols) {
          const cell = ny * cols + nx;
          for (let k = start[cell]!; k < start[cell + 1]!; k++) {
            const j = items[k]!;
            if (j === i) continue;
            const d = Math.hypot(xy.x[j]! - xy.x[i]!, xy.y[j]! - xy.y[i]!);
            if (d < best) best = d;
          }
        }
        if (ring === 0) break;
      }
    }
    // Every point not yet seen lies at least `ring` whole cells away.
    if (best <= ring * size) break;
  }
  return best;
}

/**
 * Nearest neighbour index (Clark and Evans 1954) as CrimeStat and ArcGIS's Average Nearest Neighbor report it, for
 * points in metres over a study area of `area` square metres (no edge correction). Nearest neighbours come from a
 * grid of cells about one point wide, searched ring by ring: O(n) for spread data.
 */
export function nearestNeighbourIndex(points: Points, area: number): NearestNeighbourResult {
  check(area > 0, 'area must be the study area in square metres (> 0)');
  const xy = toXY(points);
  const n = xy.n;
  check(n >= 2, 'at least two points are needed');
  const index = buildCellIndex(xy, 0);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += nearestDistance(xy, index, i);
  const observedMean = sum / n;
  const expectedMean = 0.5 / Math.sqrt(n / area);
  const se = 0.26136 / Math.sqrt((n * n) / area);
  const z = (observedMean - expectedMean) / se;
  return { observedMean, expectedMean, index: observedMean / expectedMean, z, p: twoSidedP(z) };
}
