import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AnalysisInput, InputOptions } from '../analysis-input.ts';
import { readAnalysisInput } from '../analysis-input.ts';
import { info, out } from '../output.ts';

interface Common extends InputOptions {
  json?: boolean;
}

const numbers = (s: string): number[] =>
  s.split(',').map((v) => (/^inf(inity)?$/i.test(v.trim()) ? Infinity : Number(v)));

function load(file: string, o: Common): AnalysisInput {
  const started = performance.now();
  const input = readAnalysisInput(file, o);
  info(`${file}: ${input.n} points in EPSG:${input.epsg} (${Math.round(performance.now() - started)} ms)`);
  return input;
}

/** Prints JSON (stdout only) or a short readable summary. */
function emit(o: Common, result: Record<string, unknown>, summary: string): void {
  out(o.json ? JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)) : summary);
}

async function analytics() {
  return import('@enlace/analytics');
}

function inputOptions(cmd: Command): Command {
  return cmd
    .argument('<file>', 'CSV (x/y or lon/lat columns) or GeoJSON (Point, or Polygon for areas) file')
    .option('--crs <EPSG:code>', 'CRS of the coordinates (default: EPSG:4326 when they look like degrees); projected to UTM')
    .option('--x-column <name>', 'column of x or longitude')
    .option('--y-column <name>', 'column of y or latitude')
    .option('--time-column <name>', 'column (or GeoJSON property) with the date and time')
    .option('--value-column <name>', 'column (or property) with the value of each observation')
    .option('--id-column <name>', 'column (or property) with the id of each observation (matches a .gal/.gwt file)')
    .option('--json', 'print the result as JSON on stdout (progress stays on stderr)');
}

async function weightsFor(input: AnalysisInput, o: { threshold?: string; weights?: string }) {
  const { distanceBandWeights, readGal, readGwt } = await analytics();
  if (o.weights) {
    const text = readFileSync(o.weights, 'utf8');
    const w = o.weights.toLowerCase().endsWith('.gwt') ? readGwt(text) : readGal(text);
    if (w.n !== input.n) throw new Error(`${o.weights} has ${w.n} observations, the data ${input.n}`);
    return w;
  }
  if (!o.threshold) throw new Error('give --threshold <metres> (distance band) or --weights <file.gal|file.gwt>');
  return distanceBandWeights({ x: input.x, y: input.y }, Number(o.threshold));
}

function needValues(input: AnalysisInput): Float64Array {
  if (!input.values) throw new Error('this statistic needs --value-column');
  return input.values;
}

function needTimes(input: AnalysisInput): Float64Array {
  if (!input.t) throw new Error('this analysis needs times: --time-column (or YEAR/MONTH/DAY columns)');
  return input.t;
}

/** `enlace analyze kde|gi|moran|local-moran|knox|evaluate FILE`: the analytics package over a file, no server needed. */
export function registerAnalyze(program: Command): void {
  const analyze = program.command('analyze').description('crime analysis over a CSV or GeoJSON file (no database): kde, gi, moran, local-moran, knox, evaluate');

  inputOptions(analyze.command('kde').description('quartic kernel density on a grid (events per km²)'))
    .option('--cell-size <m>', 'cell size in metres', '50')
    .option('--radius <m>', 'kernel radius in metres', '500')
    .option('--top <n>', 'only the n densest cells')
    .action(async (file: string, o: Common & { cellSize: string; radius: string; top?: string }) => {
      const { quarticKde } = await analytics();
      const input = load(file, o);
      const started = performance.now();
      const g = quarticKde({ x: input.x, y: input.y }, { radius: Number(o.radius), cellSize: Number(o.cellSize) });
      const ms = performance.now() - started;
      const cells: [number, number, number][] = [];
      let mass = 0;
      for (let i = 0; i < g.values.length; i++) {
        mass += g.values[i]! * g.cellSize * g.cellSize;
        if (g.values[i]! > 0) cells.push([i % g.cols, Math.floor(i / g.cols), g.values[i]! * 1e6]);
      }
      cells.sort((a, b) => b[2] - a[2]);
      const kept = o.top ? cells.slice(0, Number(o.top)) : cells;
      info(`kde: ${g.cols} x ${g.rows} cells in ${Math.round(ms)} ms`);
      emit(o, { method: 'kde', n: input.n, epsg: input.epsg, radius: g.radius, grid: { x0: g.x0, y0: g.y0, cellSize: g.cellSize, cols: g.cols, rows: g.rows }, mass, maxDensityPerKm2: cells[0]?.[2] ?? 0, cells: kept, ms },
        `kde: ${input.n} points, grid ${g.cols} x ${g.rows} of ${g.cellSize} m, r = ${g.radius} m, peak ${(cells[0]?.[2] ?? 0).toFixed(1)} per km², mass ${mass.toFixed(1)}`);
    });

  inputOptions(analyze.command('gi').description('Getis-Ord Gi*: on a grid of counts (default), or on point values with --value-column and --threshold'))
    .option('--cell-size <m>', 'grid mode: cell size in metres', '100')
    .option('--radius <m>', 'grid mode: neighbourhood half-width in metres', '250')
    .option('--threshold <m>', 'point mode: distance band in metres (inclusive)')
    .option('--weights <file>', 'point mode: a .gal or .gwt weights file instead of a distance band')
    .option('--no-fdr', 'do not apply the false discovery rate to the 90/95/99 % bins')
    .action(async (file: string, o: Common & { cellSize: string; radius: string; threshold?: string; weights?: string; fdr: boolean }) => {
      const { binPoints, giStar, giStarGrid, hotspotBins } = await analytics();
      const input = load(file, o);
      if (input.values) {
        const w = await weightsFor(input, o);
        const r = giStar(input.values, w);
        const bins = Array.from(hotspotBins(r.z, r.p, { fdr: o.fdr }));
        emit(o, { method: 'gi', mode: 'points', n: input.n, ids: input.ids, z: r.z, p: r.p, bins }, `gi*: ${bins.filter((b) => b > 0).length} hot, ${bins.filter((b) => b < 0).length} cold of ${input.n}`);
        return;
      }
      const started = performance.now();
      const counts = binPoints({ x: input.x, y: input.y }, { cellSize: Number(o.cellSize) });
      const g = giStarGrid(counts, { radius: Number(o.radius) });
      const bins = hotspotBins(g.z, g.p, { fdr: o.fdr });
      info(`gi*: ${g.cols} x ${g.rows} cells in ${Math.round(performance.now() - started)} ms`);
      const cells: [number, number, number, number, number, number][] = [];
      for (let i = 0; i < bins.length; i++) if (bins[i] !== 0) cells.push([i % g.cols, Math.floor(i / g.cols), counts.values[i]!, g.z[i]!, g.p[i]!, bins[i]!]);
      cells.sort((a, b) => Math.abs(b[3]) - Math.abs(a[3]));
      const tally = (b: number) => cells.filter((c) => c[5] === b).length;
      emit(o, { method: 'gi', mode: 'grid', n: input.n, epsg: input.epsg, fdr: o.fdr, grid: { x0: g.x0, y0: g.y0, cellSize: g.cellSize, cols: g.cols, rows: g.rows, halfWidth: g.halfWidth }, bins: { hot99: tally(3), hot95: tally(2), hot90: tally(1), cold90: tally(-1), cold95: tally(-2), cold99: tally(-3) }, cells },
        `gi*: ${input.n} points, ${g.cols} x ${g.rows} cells; hot 99/95/90 %: ${tally(3)}/${tally(2)}/${tally(1)}; cold: ${tally(-3) + tally(-2) + tally(-1)}`);
    });

  inputOptions(analyze.command('moran').description("global Moran's I of --value-column"))
    .option('--threshold <m>', 'distance band in metres (inclusive)')
    .option('--weights <file>', 'a .gal or .gwt weights file')
    .option('--transform <b|r>', 'weights: b binary or r row-standardised', 'r')
    .action(async (file: string, o: Common & { threshold?: string; weights?: string; transform: string }) => {
      const { moranI } = await analytics();
      const input = load(file, o);
      const r = moranI(needValues(input), await weightsFor(input, o), { transform: o.transform === 'b' ? 'b' : 'r' });
      emit(o, { method: 'moran', n: input.n, ...r }, `Moran's I = ${r.I.toFixed(4)} (E[I] = ${r.EI.toFixed(4)}), z = ${r.z_rand.toFixed(3)}, p = ${r.p_rand.toExponential(3)}`);
    });

  inputOptions(analyze.command('local-moran').description("local Moran's I (LISA) of --value-column, with permutation p-values"))
    .option('--threshold <m>', 'distance band in metres (inclusive)')
    .option('--weights <file>', 'a .gal or .gwt weights file')
    .option('--transform <b|r>', 'weights: b binary or r row-standardised', 'r')
    .option('--permutations <n>', 'conditional permutations', '999')
    .option('--seed <n>', 'random seed', '1')
    .action(async (file: string, o: Common & { threshold?: string; weights?: string; transform: string; permutations: string; seed: string }) => {
      const { localMoran } = await analytics();
      const input = load(file, o);
      const r = localMoran(needValues(input), await weightsFor(input, o), { transform: o.transform === 'b' ? 'b' : 'r', permutations: Number(o.permutations), seed: Number(o.seed) });
      const significant = r.pSim.filter((p) => p <= 0.05).length;
      emit(o, { method: 'local-moran', n: input.n, ids: input.ids, ...r }, `local Moran: ${significant} of ${input.n} significant at p ≤ 0.05`);
    });

  inputOptions(analyze.command('knox').description('near-repeat Knox table by distance and time band (needs times)'))
    .option('--space-bands <m,...>', 'distance break points in metres (right-open)', '0,100,200,400,800')
    .option('--time-bands <d,...>', 'time break points in days (right-open)', '0,7,14,21,28')
    .option('--metric <m>', 'manhattan (as the Near Repeat Calculator) or euclidean', 'manhattan')
    .option('--permutations <n>', 'Monte Carlo permutations', '99')
    .option('--seed <n>', 'random seed', '1')
    .action(async (file: string, o: Common & { spaceBands: string; timeBands: string; metric: string; permutations: string; seed: string }) => {
      const { knox } = await analytics();
      const input = load(file, o);
      const t = needTimes(input);
      const events = Array.from({ length: input.n }, (_, i) => ({ x: input.x[i]!, y: input.y[i]!, t: t[i]! }));
      const started = performance.now();
      const r = knox(events, { spaceBands: numbers(o.spaceBands), timeBands: numbers(o.timeBands), metric: o.metric === 'euclidean' ? 'euclidean' : 'manhattan', permutations: Number(o.permutations), seed: Number(o.seed) });
      info(`knox: ${Math.round(performance.now() - started)} ms`);
      emit(o, { method: 'knox', n: input.n, spaceBands: numbers(o.spaceBands), timeBands: numbers(o.timeBands), ...r },
        r.ratio.map((row, s) => `${numbers(o.spaceBands)[s]} m: ${row.map((v, k) => `${v.toFixed(2)}${r.p[s]![k]! <= 0.05 ? '*' : ''}`).join('  ')}`).join('\n'));
    });

  inputOptions(analyze.command('evaluate').description('hotspot map vs naive last-period baseline: built before --split, scored after it (hit rate, PAI, PEI)'))
    .requiredOption('--split <date>', 'first day of the test period (YYYY-MM-DD); the training period ends there')
    .option('--train-days <n>', 'days of training before the split (default: all)')
    .option('--test-days <n>', 'days of testing from the split (default: all)')
    .option('--method <kde|gi>', 'the model', 'kde')
    .option('--cell-size <m>', 'cell size in metres', '100')
    .option('--radius <m>', 'KDE radius or Gi* neighbourhood in metres', '400')
    .option('--shares <s,...>', 'area shares flagged', '0.01,0.05,0.1')
    .action(async (file: string, o: Common & { split: string; trainDays?: string; testDays?: string; method: string; cellSize: string; radius: string; shares: string }) => {
      const { binPoints, evaluateHotspots, giStarGrid, quarticKde, snappedExtent } = await analytics();
      const input = load(file, o);
      const t = needTimes(input);
      const split = Date.parse(`${o.split}T00:00:00Z`) / 86_400_000;
      if (!Number.isFinite(split)) throw new Error(`--split ${o.split} is not a date`);
      const trainFrom = o.trainDays ? split - Number(o.trainDays) : -Infinity;
      const testTo = o.testDays ? split + Number(o.testDays) : Infinity;
      const pick = (keep: (ti: number) => boolean) => {
        const idx: number[] = [];
        for (let i = 0; i < input.n; i++) if (keep(t[i]!)) idx.push(i);
        return { x: Float64Array.from(idx, (i) => input.x[i]!), y: Float64Array.from(idx, (i) => input.y[i]!) };
      };
      const train = pick((ti) => ti >= trainFrom && ti < split);
      const test = pick((ti) => ti >= split && ti < testTo);
      if (train.x.length === 0 || test.x.length === 0) throw new Error('no events on one side of the split');
      const cellSize = Number(o.cellSize);
      const radius = Number(o.radius);
      // The grid is fixed by the training events alone; test events outside it count as missed by both maps.
      const bbox = snappedExtent(train, cellSize, radius);
      const past = binPoints(train, { cellSize, bbox });
      const future = binPoints(test, { cellSize, bbox });
      const model = o.method === 'gi' ? giStarGrid(past, { radius }).z : quarticKde(train, { radius, cellSize, bbox }).values;
      const shares = numbers(o.shares);
      const result = { method: o.method, train: train.x.length, test: test.x.length, cells: past.values.length, testOutsideGrid: future.outside, model: evaluateHotspots(model, future.values, shares, { eventsOutside: future.outside }), baseline: evaluateHotspots(past.values, future.values, shares, { eventsOutside: future.outside }) };
      emit(o, { ...result },
        shares.map((s, k) => `${(s * 100).toFixed(1)} % of area: model hit ${(result.model[k]!.hitRate * 100).toFixed(1)} % PAI ${result.model[k]!.pai.toFixed(2)} | naive baseline hit ${(result.baseline[k]!.hitRate * 100).toFixed(1)} % PAI ${result.baseline[k]!.pai.toFixed(2)}`).join('\n'));
    });
}
