/**
 * Analytics kernels on one million synthetic incidents (Chicago-sized extent, 50 m cells, r = 500 m): quartic KDE
 * and grid Gi*, each against the naive pairwise computation timed in the same run on a random sample of cells and
 * scaled to the whole grid (the pairwise cost is the same for every cell, so the scaling is linear).
 */
import type { Grid } from '../packages/analytics/src/index.ts';
import { binPoints, cellCentre, createRng, giStarGrid, quarticKde } from '../packages/analytics/src/index.ts';
import type { BenchResult } from './report.ts';

const CELL = 50;
const RADIUS = 500;

/** n points: 60 % in 40 Gaussian clusters (sd 200-1,500 m), 40 % uniform, over 30 x 40 km in UTM metres. */
export function syntheticIncidents(n: number, seed = 1): { x: Float64Array; y: Float64Array } {
  const rng = createRng(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const x0 = 430_000;
  const y0 = 4_620_000;
  const centres = Array.from({ length: 40 }, () => [x0 + 3000 + rng() * 24_000, y0 + 3000 + rng() * 34_000, 200 + rng() * 1300] as const);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (rng() < 0.6) {
      const [cx, cy, sd] = centres[Math.floor(rng() * centres.length)]!;
      x[i] = cx + sd * gauss();
      y[i] = cy + sd * gauss();
    } else {
      x[i] = x0 + rng() * 30_000;
      y[i] = y0 + rng() * 40_000;
    }
  }
  return { x, y };
}

/** Median wall time in ms of `runs` calls after one warm-up call. */
function time<T>(fn: () => T, runs = 3): { ms: number; result: T } {
  let result = fn();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    result = fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)]!, result };
}

function sampleCells(count: number, cells: number, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => Math.floor(rng() * cells));
}

/** Pairwise KDE at the sampled cells: every point against every sampled cell centre. */
function naiveKde(pts: { x: Float64Array; y: Float64Array }, g: Omit<Grid, 'values'>, cells: number[]): Float64Array {
  const out = new Float64Array(cells.length);
  const c = 3 / (Math.PI * RADIUS * RADIUS);
  cells.forEach((cell, k) => {
    const [cx, cy] = cellCentre(g, cell % g.cols, Math.floor(cell / g.cols));
    let sum = 0;
    for (let i = 0; i < pts.x.length; i++) {
      const q = ((pts.x[i]! - cx) ** 2 + (pts.y[i]! - cy) ** 2) / (RADIUS * RADIUS);
      if (q < 1) sum += c * (1 - q) ** 2;
    }
    out[k] = sum;
  });
  return out;
}

/** Pairwise Gi* at the sampled cells: every cell tested for membership of each sampled cell's neighbourhood. */
function naiveGiStar(g: Grid, halfWidth: number, cells: number[]): Float64Array {
  const n = g.values.length;
  let mean = 0;
  let sq = 0;
  for (const v of g.values) {
    mean += v;
    sq += v * v;
  }
  mean /= n;
  const s = Math.sqrt(sq / n - mean * mean);
  return Float64Array.from(cells, (cell) => {
    const ci = cell % g.cols;
    const ri = Math.floor(cell / g.cols);
    let sw = 0;
    let swx = 0;
    for (let j = 0; j < n; j++) {
      const w = Math.abs((j % g.cols) - ci) <= halfWidth && Math.abs(Math.floor(j / g.cols) - ri) <= halfWidth ? 1 : 0;
      sw += w;
      swx += w * g.values[j]!;
    }
    return (swx - mean * sw) / (s * Math.sqrt((n * sw - sw * sw) / (n - 1)));
  });
}

const maxRelDiff = (a: ArrayLike<number>, b: ArrayLike<number>, at: (k: number) => number, scale: number): number =>
  Array.from(b).reduce((worst, v, k) => Math.max(worst, Math.abs(a[at(k)]! - v) / scale), 0);

/** The analytics figures of docs/benchmarks.md. */
export async function benchAnalytics(n = 1_000_000): Promise<BenchResult[]> {
  process.stderr.write(`analytics: ${n} synthetic incidents...\n`);
  const pts = syntheticIncidents(n);
  const binned = time(() => binPoints(pts, { cellSize: CELL, bbox: [430_000, 4_620_000, 460_000, 4_660_000] }));
  const kde = time(() => quarticKde(pts, { radius: RADIUS, cellSize: CELL }));
  const counts = binPoints(pts, { cellSize: CELL, bbox: [kde.result.x0, kde.result.y0, kde.result.x0 + kde.result.cols * CELL, kde.result.y0 + kde.result.rows * CELL] });
  const gi = time(() => giStarGrid(counts, { radius: RADIUS }));
  const cells = kde.result.values.length;

  process.stderr.write('analytics: naive baselines on a sample of cells...\n');
  const kdeSample = sampleCells(200, cells, 2);
  let t = performance.now();
  const naiveDensity = naiveKde(pts, kde.result, kdeSample);
  const naiveKdeMs = ((performance.now() - t) / kdeSample.length) * cells;
  const giSample = sampleCells(100, cells, 3);
  t = performance.now();
  const naiveZ = naiveGiStar(counts, gi.result.halfWidth, giSample);
  const naiveGiMs = ((performance.now() - t) / giSample.length) * cells;
  const peak = kde.result.values.reduce((a, b) => Math.max(a, b), 0);
  const otherRadii = [250, 1000].map((radius) => ({ radius, ms: time(() => quarticKde(pts, { radius, cellSize: CELL }), 1).ms }));

  return [
    { name: `grid: ${kde.result.cols} x ${kde.result.rows} cells of ${CELL} m`, value: cells, unit: 'cells' },
    { name: `binning ${n} points`, value: binned.ms, unit: 'ms' },
    { name: `quartic KDE, r = ${RADIUS} m (binning + stencil)`, value: kde.ms, unit: 'ms' },
    { name: 'quartic KDE, naive pairwise (scaled from 200 cells)', value: naiveKdeMs, unit: 'ms' },
    { name: 'KDE speed-up over naive', value: naiveKdeMs / kde.ms, unit: 'ratio' },
    { name: 'KDE max difference from pairwise at sampled cells', value: 100 * maxRelDiff(kde.result.values, naiveDensity, (k) => kdeSample[k]!, peak), unit: '% of peak' },
    ...otherRadii.map(({ radius, ms }) => ({ name: `quartic KDE, r = ${radius} m`, value: ms, unit: 'ms' })),
    { name: `grid Gi*, ${RADIUS} m square (summed-area table)`, value: gi.ms, unit: 'ms' },
    { name: 'grid Gi*, naive pairwise (scaled from 100 cells)', value: naiveGiMs, unit: 'ms' },
    { name: 'Gi* speed-up over naive', value: naiveGiMs / gi.ms, unit: 'ratio' },
    { name: 'Gi* max difference from pairwise at sampled cells', value: maxRelDiff(gi.result.z, naiveZ, (k) => giSample[k]!, 1), unit: 'z' },
  ];
}
