/**
 * Incidents at scale (issue 6): one million incidents, the Chicago file resampled with jitter.
 * - Enlace's quartic KDE (50 m grid, r = 500 m) and grid Gi* (same grid, 500 m square), timed;
 * - the same computations in PostGIS SQL in the same run (KDE: each cell sums the kernel over the points within r,
 *   found with ST_DWithin on a GiST index; Gi*: counts binned by GROUP BY, each cell sums its square neighbourhood
 *   of bins): run on a random sample of cells and scaled to the whole grid (every cell costs about the same), with
 *   the sampled values checked against Enlace's;
 * - a NumPy reference (binning + FFT convolution for KDE, summed-area table for Gi*) when python3 has numpy;
 * - the hotspot API end to end on PostgreSQL (POST /api/v1/analysis/hotspot over the million stored incidents).
 * PostgreSQL parts need ENLACE_BENCH_DATABASE_URL (a scratch database: 1M rows are written to it once).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import proj4 from 'proj4';
import { binPoints, cellCentre, createRng, giStarGrid, quarticKde } from '../packages/analytics/src/index.ts';
import type { GiStarGridResult, Grid } from '../packages/analytics/src/index.ts';
import type { Db } from '../apps/server/src/platform/db/db.ts';
import { scopeFilter } from '../apps/server/src/modules/analysis/analysis-points.ts';
import { incidentPages, loadPoints } from '../apps/server/src/modules/analysis/analysis.repository.ts';
import { migrate } from '../apps/server/src/platform/db/migrate.ts';
import { openPostgres } from '../apps/server/src/platform/db/open-postgres.ts';
import { makeUser } from '../test/support/factories.ts';
import { testApp } from '../test/support/test-app.ts';
import type { BenchResult } from './report.ts';

const CELL = 50;
const RADIUS = 500;
const N = 1_000_000;
const EPSG = 32616; // UTM 16N: Chicago
const SOURCE = 'BENCHCHI';
const FILE = resolve(import.meta.dirname, '../../shared/data/incidents/ashby_chicago_aggravated_assaults.csv.gz');

interface Sample {
  x: Float64Array;
  y: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  t: Float64Array;
}

/** The Chicago file resampled to n points: each a random row moved by a Gaussian jitter of 50 m, in UTM 16N. */
function resampleChicago(n: number): Sample {
  const lines = gunzipSync(readFileSync(FILE)).toString('utf8').split('\n').slice(1).filter(Boolean);
  const lon0 = new Float64Array(lines.length);
  const lat0 = new Float64Array(lines.length);
  const t0 = new Float64Array(lines.length);
  lines.forEach((l, i) => {
    const [date, , lon, lat] = l.split(',');
    lon0[i] = Number(lon);
    lat0[i] = Number(lat);
    t0[i] = Date.parse(`${date!.replace(' ', 'T')}:00-06:00`);
  });
  const to = proj4('+proj=longlat +datum=WGS84 +no_defs', '+proj=utm +zone=16 +datum=WGS84 +units=m +no_defs');
  const from = proj4('+proj=utm +zone=16 +datum=WGS84 +units=m +no_defs', '+proj=longlat +datum=WGS84 +no_defs');
  const rng = createRng(6);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const s: Sample = { x: new Float64Array(n), y: new Float64Array(n), lon: new Float64Array(n), lat: new Float64Array(n), t: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rng() * lines.length);
    const [x, y] = to.forward([lon0[k]!, lat0[k]!]);
    s.x[i] = x + 50 * gauss();
    s.y[i] = y + 50 * gauss();
    const [lon, lat] = from.forward([s.x[i]!, s.y[i]!]);
    s.lon[i] = lon!;
    s.lat[i] = lat!;
    s.t[i] = t0[k]!;
  }
  return s;
}

/** The largest finite value (no spread: a million arguments overflow the stack). */
function maxOf(a: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) if (a[i]! > m && Number.isFinite(a[i])) m = a[i]!;
  return m;
}

/**
 * The best of `runs` timed calls after a warm-up. The minimum, not the median: on a machine shared with other
 * work, every other estimate mostly measures the others' load. The NumPy reference uses the same rule.
 */
function time<T>(fn: () => T, runs = 7): { ms: number; result: T } {
  let result = fn();
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, result };
}

/** The NumPy reference: the same binning, the kernel by FFT convolution, Gi* from a summed-area table. */
const NUMPY = String.raw`
import sys, time, numpy as np
d = np.fromfile(sys.argv[1], dtype='<f8').reshape(-1, 2)
x0, y0, cell, cols, rows, radius = [float(v) for v in sys.argv[2:8]]
cols, rows = int(cols), int(rows)
def kde():
    reach = int(np.ceil(radius / cell)); pad = reach + 1
    u = (d[:, 0] - x0) / cell - 0.5 + pad; v = (d[:, 1] - y0) / cell - 0.5 + pad
    c = np.floor(u).astype(np.int64); r = np.floor(v).astype(np.int64); fu = u - c; fv = v - r
    bc, br = cols + 2 * pad, rows + 2 * pad
    bins = np.zeros(bc * br)
    for dc, dr, w in ((0, 0, (1 - fu) * (1 - fv)), (1, 0, fu * (1 - fv)), (0, 1, (1 - fu) * fv), (1, 1, fu * fv)):
        bins += np.bincount((r + dr) * bc + c + dc, weights=w, minlength=bc * br)
    bins = bins.reshape(br, bc)
    k = np.arange(-reach, reach + 1) * cell
    q = (k[None, :] ** 2 + k[:, None] ** 2) / radius ** 2
    kern = np.where(q < 1, 3 / (np.pi * radius ** 2) * (1 - q) ** 2, 0.0)
    sh = (br + 2 * reach, bc + 2 * reach)
    out = np.fft.irfft2(np.fft.rfft2(bins, sh) * np.fft.rfft2(kern, sh), sh)
    return out[pad + reach:pad + reach + rows, pad + reach:pad + reach + cols]
def gi():
    c = np.floor((d[:, 0] - x0) / cell).astype(np.int64); r = np.floor((d[:, 1] - y0) / cell).astype(np.int64)
    ok = (c >= 0) & (c < cols) & (r >= 0) & (r < rows)
    g = np.bincount(r[ok] * cols + c[ok], minlength=cols * rows).astype(float).reshape(rows, cols)
    n = g.size; m = g.mean(); s = np.sqrt((g ** 2).mean() - m ** 2); h = int(np.floor(radius / cell + 1e-9))
    sat = np.zeros((rows + 1, cols + 1)); sat[1:, 1:] = g.cumsum(0).cumsum(1)
    ri = np.arange(rows); ci = np.arange(cols)
    r0 = np.clip(ri - h, 0, rows); r1 = np.clip(ri + h + 1, 0, rows); c0 = np.clip(ci - h, 0, cols); c1 = np.clip(ci + h + 1, 0, cols)
    local = sat[r1][:, c1] - sat[r0][:, c1] - sat[r1][:, c0] + sat[r0][:, c0]
    sw = (r1 - r0)[:, None] * (c1 - c0)[None, :]
    z = (local - m * sw) / (s * np.sqrt((n * sw - sw ** 2) / (n - 1)))
    return z, erfc(np.abs(z) / np.sqrt(2))  # two-sided p, as Enlace computes it
try:
    from scipy.special import erfc
    ERFC = 'scipy.special.erfc'
except ImportError:
    ERFC = 'NumPy erfc (Numerical Recipes erfcc, 1.2e-7)'
    def erfc(x):
        t = 1 / (1 + 0.5 * x)
        return t * np.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
def best(f):
    f(); ts = []
    for _ in range(7):
        t = time.perf_counter(); out = f(); ts.append((time.perf_counter() - t) * 1000)
    return min(ts), out
tk, k = best(kde); tg, (z, p) = best(gi)
p.astype('<f8').tofile(sys.argv[8])
print(tk, tg, float(k.max()), float(np.nanmax(z)), ERFC)
`;

interface NumpyResult {
  kdeMs: number;
  giMs: number;
  kdeMax: number;
  giMax: number;
  /** How NumPy's side computed erfc (SciPy when present). */
  erfc: string;
  /** Largest |p - NumPy's p| over the cells where both are numbers. */
  pDiff: (p: Float64Array) => number;
}

function numpyReference(s: Sample, g: { x0: number; y0: number; cols: number; rows: number }): NumpyResult | null {
  if (spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'enlace-numpy-'));
  try {
    const xy = new Float64Array(s.x.length * 2);
    for (let i = 0; i < s.x.length; i++) {
      xy[2 * i] = s.x[i]!;
      xy[2 * i + 1] = s.y[i]!;
    }
    writeFileSync(join(dir, 'pts.bin'), Buffer.from(xy.buffer));
    writeFileSync(join(dir, 'ref.py'), NUMPY);
    const outText = execFileSync('python3', [join(dir, 'ref.py'), join(dir, 'pts.bin'), ...[g.x0, g.y0, CELL, g.cols, g.rows, RADIUS].map(String), join(dir, 'p.bin')], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const [kdeMs, giMs, kdeMax, giMax, ...erfc] = outText.trim().split(/\s+/);
    const bytes = readFileSync(join(dir, 'p.bin'));
    const npP = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const pDiff = (p: Float64Array): number => {
      let worst = 0;
      for (let i = 0; i < p.length; i++) if (Number.isFinite(p[i]) && Number.isFinite(npP[i])) worst = Math.max(worst, Math.abs(p[i]! - npP[i]!));
      return worst;
    };
    return { kdeMs: Number(kdeMs), giMs: Number(giMs), kdeMax: Number(kdeMax), giMax: Number(giMax), erfc: erfc.join(' '), pDiff };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PostGIS: the same KDE and Gi* on a sample of cells, timed and scaled to the whole grid. */
async function postgisReference(db: Db, s: Sample, g: { x0: number; y0: number; cols: number; rows: number }, kdeValues: Float64Array, z: Float64Array) {
  process.stderr.write('incidents: loading 1M points into a PostGIS table...\n');
  await db.exec('DROP TABLE IF EXISTS bench_pts; CREATE TABLE bench_pts (g geometry(Point, 32616) NOT NULL, x float8 NOT NULL, y float8 NOT NULL)');
  for (let k = 0; k < s.x.length; k += 50_000) {
    const xs = Array.from(s.x.subarray(k, k + 50_000));
    const ys = Array.from(s.y.subarray(k, k + 50_000));
    await db.query('INSERT INTO bench_pts SELECT ST_SetSRID(ST_MakePoint(a, b), 32616), a, b FROM unnest($1::float8[], $2::float8[]) AS u(a, b)', [xs, ys]);
  }
  await db.exec('CREATE INDEX bench_pts_gix ON bench_pts USING gist (g); ANALYZE bench_pts');
  const cells = g.cols * g.rows;
  const rng = createRng(11);
  const sample = Array.from({ length: 200 }, () => Math.floor(rng() * cells));
  const centres = sample.map((c) => cellCentre({ ...g, cellSize: CELL }, c % g.cols, Math.floor(c / g.cols)));
  let t = performance.now();
  const kde = await db.query<{ k: number; d: number }>(
    `SELECT c.k, coalesce(sum(3 / (pi() * $3::float8 ^ 2) * (1 - ST_Distance(p.g, c.g) ^ 2 / $3::float8 ^ 2) ^ 2), 0) AS d
     FROM (SELECT k, ST_SetSRID(ST_MakePoint(cx, cy), 32616) AS g FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS u(cx, cy, k)) c
     LEFT JOIN bench_pts p ON ST_DWithin(p.g, c.g, $3::float8) AND ST_Distance(p.g, c.g) < $3::float8
     GROUP BY c.k ORDER BY c.k`,
    [centres.map((c) => c[0]), centres.map((c) => c[1]), RADIUS],
  );
  const kdeSqlMs = ((performance.now() - t) / sample.length) * cells;
  const peak = maxOf(kdeValues);
  const kdeDiff = Math.max(...kde.rows.map((r) => Math.abs(r.d - kdeValues[sample[Number(r.k) - 1]!]!) / peak));
  // Gi*: bins by GROUP BY (whole grid), then each sampled cell's square neighbourhood of bins.
  t = performance.now();
  await db.exec(`DROP TABLE IF EXISTS bench_bins; CREATE TABLE bench_bins AS
    SELECT floor((x - ${g.x0}) / ${CELL})::int AS c, floor((y - ${g.y0}) / ${CELL})::int AS r, count(*)::float8 AS n FROM bench_pts GROUP BY 1, 2;
    CREATE INDEX ON bench_bins (r, c)`);
  const stats = await db.query<{ mean: number; s: number }>(
    `SELECT sum(n) / $1::float8 AS mean, sqrt(sum(n * n) / $1::float8 - (sum(n) / $1::float8) ^ 2) AS s FROM bench_bins`,
    [cells],
  );
  const binMs = performance.now() - t;
  const h = Math.floor(RADIUS / CELL + 1e-9);
  t = performance.now();
  const gi = await db.query<{ k: number; z: number }>(
    `WITH q AS (SELECT k, cc, rr, (least(rr + $3, $5 - 1) - greatest(rr - $3, 0) + 1) * (least(cc + $3, $4 - 1) - greatest(cc - $3, 0) + 1) AS sw
                FROM unnest($1::int[], $2::int[]) WITH ORDINALITY AS u(cc, rr, k))
     SELECT q.k, (coalesce(sum(b.n), 0) - $6::float8 * q.sw) / ($7::float8 * sqrt(($8::float8 * q.sw - q.sw ^ 2) / ($8::float8 - 1))) AS z
     FROM q LEFT JOIN bench_bins b ON b.r BETWEEN q.rr - $3 AND q.rr + $3 AND b.c BETWEEN q.cc - $3 AND q.cc + $3
     GROUP BY q.k, q.sw ORDER BY q.k`,
    [sample.map((c) => c % g.cols), sample.map((c) => Math.floor(c / g.cols)), h, g.cols, g.rows, stats.rows[0]!.mean, stats.rows[0]!.s, cells],
  );
  const giSqlMs = binMs + ((performance.now() - t) / sample.length) * cells;
  const giDiff = Math.max(...gi.rows.map((r) => Math.abs(r.z - z[sample[Number(r.k) - 1]!]!)));
  await db.exec('DROP TABLE bench_pts; DROP TABLE bench_bins');
  return { kdeSqlMs, kdeDiff, giSqlMs, giDiff };
}

interface ApiRun {
  ms: number;
  loadMs: number;
  computeMs: number;
  incidents: number;
  features: number;
}

interface ApiFigures {
  /** The first request of a fresh server (nothing cached). */
  cold: ApiRun;
  /** The next three (median by end-to-end time). */
  warm: ApiRun;
  /** The request right after one incident was written (the points are loaded again). */
  afterWrite: ApiRun;
  /** loadPoints alone, uncached: one scan, and two page ranges at once (ms, median of 3). */
  loadOneScan: number;
  loadTwoScans: number;
}

/** Stores the million incidents in the `incident` table (once: kept for later runs) and times the hotspot API. */
async function hotspotApi(db: Db, s: Sample): Promise<ApiFigures> {
  const have = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM incident WHERE source = $1', [SOURCE])).rows[0]!.n;
  if (have < s.x.length) {
    process.stderr.write(`incidents: writing ${s.x.length} incidents to the incident table (once)...\n`);
    await db.query('DELETE FROM incident WHERE source = $1', [SOURCE]);
    for (let k = 0; k < s.x.length; k += 20_000) {
      const idx = Array.from({ length: Math.min(20_000, s.x.length - k) }, (_, i) => k + i);
      await db.query(
        `INSERT INTO incident (source, source_ref, crime_type, occurred_at, location, utm_epsg, x, y, agency, classification, created_by)
         SELECT $1, 'b' || u.i, 'LESIONES', to_timestamp(u.t / 1000), ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326), ${EPSG}, u.x, u.y, 'PNP', 'RESERVADO', 'bench'
         FROM unnest($2::int[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[]) AS u(i, t, lon, lat, x, y)`,
        [SOURCE, idx, idx.map((i) => s.t[i]!), idx.map((i) => s.lon[i]!), idx.map((i) => s.lat[i]!), idx.map((i) => s.x[i]!), idx.map((i) => s.y[i]!)],
      );
      if (k % 200_000 === 0) process.stderr.write(`  ${k + idx.length}\n`);
    }
    await db.exec('VACUUM ANALYZE incident');
  }
  const t = await testApp(db);
  try {
    const analyst = await makeUser(db, { role: 'analyst', agency: 'PNP' });
    const body = { scope: { from: '2010-01-01T00:00:00-06:00', to: '2020-01-01T00:00:00-06:00', source: SOURCE }, method: 'gi', cellSize: 100, radius: 250 };
    const once = async (): Promise<ApiRun> => {
      const started = performance.now();
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/analysis/hotspot', headers: analyst.auth, payload: body });
      const ms = performance.now() - started;
      if (res.statusCode !== 200) throw new Error(`hotspot API: ${res.statusCode} ${res.body.slice(0, 300)}`);
      const r = res.json<{ incidents: number; cells: { features: unknown[] }; timings: { loadMs: number; computeMs: number } }>();
      return { ms, loadMs: r.timings.loadMs, computeMs: r.timings.computeMs, incidents: r.incidents, features: r.cells.features.length };
    };
    const cold = await once();
    const warm = [await once(), await once(), await once()].sort((x, y) => x.ms - y.ms)[1]!;
    await db.query(
      `INSERT INTO incident (source, source_ref, crime_type, occurred_at, location, utm_epsg, x, y, agency, classification, created_by)
       VALUES ($1, 'extra', 'LESIONES', '2015-06-01T12:00:00Z', ST_SetSRID(ST_MakePoint($2, $3), 4326), ${EPSG}, $4, $5, 'PNP', 'RESERVADO', 'bench')`,
      [SOURCE, s.lon[0], s.lat[0], s.x[0], s.y[0]],
    );
    let afterWrite: ApiRun;
    try {
      afterWrite = await once();
      if (afterWrite.incidents !== warm.incidents + 1) throw new Error(`hotspot API after a write: ${afterWrite.incidents} incidents, expected ${warm.incidents + 1}`);
    } finally {
      await db.query(`DELETE FROM incident WHERE source = $1 AND source_ref = 'extra'`, [SOURCE]);
    }
    // The uncached load alone, as one scan (the baseline) and as two page ranges at once, alternated, median of 3.
    const filter = scopeFilter(analyst.actor, body.scope);
    const pages = await incidentPages(db);
    const oneScan: number[] = [];
    const twoScans: number[] = [];
    for (let k = 0; k < 3; k++) {
      for (const [split, into] of [[1, oneScan], [2, twoScans]] as const) {
        const started = performance.now();
        const p = await loadPoints(db, filter, { split, pages });
        into.push(performance.now() - started);
        if (p.n !== warm.incidents) throw new Error(`loadPoints (split ${split}): ${p.n} points, expected ${warm.incidents}`);
      }
    }
    const median = (a: number[]): number => a.sort((x, y) => x - y)[1]!;
    return { cold, warm, afterWrite, loadOneScan: median(oneScan), loadTwoScans: median(twoScans) };
  } finally {
    await t.close();
  }
}

/** The incident figures of docs/benchmarks.md: all of them, only the hotspot API, or only the kernels (no PostgreSQL). */
export async function benchIncidents(url: string | undefined, part: 'all' | 'api' | 'kernels' = 'all'): Promise<BenchResult[]> {
  process.stderr.write('incidents: resampling the Chicago file to 1,000,000 points...\n');
  const s = resampleChicago(N);
  const results: BenchResult[] = [];
  let kernels: { grid: Grid; gi: GiStarGridResult; kdeMs: number; giMs: number } | null = null;
  if (part !== 'api') {
    const kde = time(() => quarticKde({ x: s.x, y: s.y }, { radius: RADIUS, cellSize: CELL }));
    const g = kde.result;
    const bbox = [g.x0, g.y0, g.x0 + g.cols * CELL, g.y0 + g.rows * CELL] as const;
    const gi = time(() => giStarGrid(binPoints({ x: s.x, y: s.y }, { cellSize: CELL, bbox }), { radius: RADIUS }));
    kernels = { grid: g, gi: gi.result, kdeMs: kde.ms, giMs: gi.ms };
    results.push(
      { name: `grid: ${g.cols} x ${g.rows} cells of ${CELL} m over Chicago`, value: g.cols * g.rows, unit: 'cells' },
      { name: `Enlace quartic KDE, r = ${RADIUS} m, 1M points`, value: kde.ms, unit: 'ms' },
      { name: `Enlace grid Gi* (binning + ${RADIUS} m square, z and two-sided p), 1M points`, value: gi.ms, unit: 'ms' },
    );
    process.stderr.write('incidents: NumPy reference...\n');
    const np = numpyReference(s, g);
    if (np) {
      results.push(
        { name: 'NumPy KDE (bincount + FFT convolution)', value: np.kdeMs, unit: 'ms' },
        { name: 'Enlace KDE time / NumPy (target ≤ 2)', value: kde.ms / np.kdeMs, unit: 'ratio' },
        { name: `NumPy Gi* (bincount + summed-area table, z and two-sided p by ${np.erfc})`, value: np.giMs, unit: 'ms' },
        { name: 'Enlace Gi* time / NumPy (target ≤ 2)', value: gi.ms / np.giMs, unit: 'ratio' },
        { name: 'KDE peak, Enlace / NumPy', value: maxOf(g.values) / np.kdeMax, unit: 'ratio' },
        { name: 'Gi* max z, Enlace / NumPy', value: maxOf(gi.result.z) / np.giMax, unit: 'ratio' },
        { name: 'Gi* two-sided p, largest difference Enlace vs NumPy over all cells', value: np.pDiff(gi.result.p) * 1e9, unit: '× 1e-9' },
      );
    } else results.push({ name: 'NumPy reference skipped (python3 with numpy not found)', value: 0, unit: '-' });
  }
  if (part === 'kernels') return results;
  if (!url) {
    results.push({ name: 'PostGIS and hotspot API figures skipped: set ENLACE_BENCH_DATABASE_URL', value: 0, unit: '-' });
    return results;
  }
  const db = openPostgres(url, { max: 8 });
  try {
    await migrate(db);
    if (kernels) {
      const sql = await postgisReference(db, s, kernels.grid, kernels.grid.values, kernels.gi.z);
      results.push(
        { name: 'PostGIS KDE (ST_DWithin on a GiST index; 200 cells, scaled)', value: sql.kdeSqlMs, unit: 'ms' },
        { name: 'PostGIS KDE time / Enlace (target ≥ 10)', value: sql.kdeSqlMs / kernels.kdeMs, unit: 'ratio' },
        { name: 'PostGIS KDE vs Enlace at sampled cells, max difference', value: 100 * sql.kdeDiff, unit: '% of peak' },
        { name: 'PostGIS Gi* (GROUP BY bins + neighbourhood join; 200 cells, scaled)', value: sql.giSqlMs, unit: 'ms' },
        { name: 'PostGIS Gi* time / Enlace (target ≥ 10)', value: sql.giSqlMs / kernels.giMs, unit: 'ratio' },
        { name: 'PostGIS Gi* vs Enlace at sampled cells, max difference', value: sql.giDiff, unit: 'z' },
      );
    }
    const api = await hotspotApi(db, s);
    const respond = (r: ApiRun): number => r.ms - r.loadMs - r.computeMs;
    results.push(
      { name: 'hotspot API end to end, 1M incidents, Gi* 100 m, PostgreSQL: repeated request (median of 3; points cached)', value: api.warm.ms, unit: 'ms' },
      { name: '  of which: load points (version check, cache hit)', value: api.warm.loadMs, unit: 'ms' },
      { name: '  of which: compute (bin, Gi*, FDR, GeoJSON cells)', value: api.warm.computeMs, unit: 'ms' },
      { name: '  of which: respond (validate and serialise the cells)', value: respond(api.warm), unit: 'ms' },
      { name: 'hotspot API end to end: first request of a fresh server (nothing cached)', value: api.cold.ms, unit: 'ms' },
      { name: '  of which: load points (packed query, two page ranges at once)', value: api.cold.loadMs, unit: 'ms' },
      { name: 'hotspot API end to end: right after one incident was written (points loaded again)', value: api.afterWrite.ms, unit: 'ms' },
      { name: '  of which: load points (packed query, two page ranges at once)', value: api.afterWrite.loadMs, unit: 'ms' },
      { name: 'uncached load alone, one statement (baseline; median of 3)', value: api.loadOneScan, unit: 'ms' },
      { name: 'uncached load alone, two page ranges at once (median of 3)', value: api.loadTwoScans, unit: 'ms' },
      { name: 'hotspot API: incidents analysed / cells returned', value: api.warm.incidents, unit: `incidents / ${api.warm.features} cells` },
    );
  } finally {
    await db.close();
  }
  return results;
}
