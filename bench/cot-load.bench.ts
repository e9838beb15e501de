import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { COP_SUBJECTS } from '@enlace/contracts';
import type { TTrackBusEvent } from '@enlace/contracts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import { copRuntime } from '../apps/server/src/modules/cop/cop-runtime.ts';
import { startServer } from '../apps/server/src/server.ts';
import type { LoadOptions } from './cot-load-client.ts';
import { startHeapProfile, startProfile } from './cpu-profile.ts';
import type { BenchResult } from './report.ts';
import { spawnTs } from './ts-child.ts';

const CELLS = 20;

/** Load of one run. */
export interface CotLoadOptions {
  cotDevices: number;
  apiDevices: number;
  subscribers: number;
  /** Each device reports once per interval. */
  intervalMs: number;
  warmupSeconds: number;
  seconds: number;
}

interface DevicesResult {
  sent: number;
  apiSent: number;
  apiFailed: number;
  closed: number;
  connectFailed: number;
}
interface SubscribersResult {
  samples: number;
  messages: number;
  closed: number;
  p50: number;
  p99: number;
  max: number;
}

interface RunFigures {
  ingestPerSecond: number;
  /** Event-loop delay of the server's main thread, p99 (ms): how long a ready callback waits. */
  loopDelayP99: number;
  p50: number;
  p99: number;
  cpuCores: number;
  rssMiB: number;
  devices: DevicesResult;
  subscribers: SubscribersResult;
}

function child(options: LoadOptions): { process: ChildProcess; result: Promise<string>; ready: Promise<void> } {
  const p = spawnTs('cot-load-client.ts', [JSON.stringify(options)]);
  let out = '';
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((r) => (readyResolve = r));
  p.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('READY\n')) readyResolve();
  });
  const result = new Promise<string>((ok, ko) => {
    // 'close', not 'exit': the result line may still be in the pipe when the process has exited.
    p.on('close', (code) => {
      if (code !== 0) return ko(new Error(`load client (${options.role}) exited ${code}`));
      const last = out.trim().split('\n').pop() ?? '';
      ok(last);
    });
  });
  return { process: p, result, ready };
}

/** Drives one target with the load; `count()` reads how many reports the target has taken so far. */
async function drive(
  target: 'enlace' | 'baseline',
  ports: { cotPort: number; httpUrl: string; token: string },
  load: CotLoadOptions,
  count: () => number,
  onSample?: (elapsedS: number) => void,
): Promise<RunFigures> {
  const start = Date.now() + 4000; // time for the children to start and connect
  const measureFrom = start + load.warmupSeconds * 1000;
  const measureTo = measureFrom + load.seconds * 1000;
  const { cotPort, httpUrl, token } = ports;
  const base = { target, cotPort, httpUrl, token, ...load, measureFrom, measureTo, until: measureTo + 1000 };
  const subs = child({ ...base, role: 'subscribers' });
  await subs.ready;
  const devices = child({ ...base, role: 'devices' });
  await new Promise((r) => setTimeout(r, Math.max(0, measureFrom - Date.now())));
  const profile = process.env.ENLACE_BENCH_CPU_PROF && target === 'enlace' ? await startProfile(process.env.ENLACE_BENCH_CPU_PROF, 'cot-load') : null;
  // ENLACE_BENCH_HEAP_PROF=<file>: what the server allocates that outlives the young generation (promoted), sampled.
  const heapProfile = process.env.ENLACE_BENCH_HEAP_PROF && target === 'enlace' ? await startHeapProfile(process.env.ENLACE_BENCH_HEAP_PROF, 'cot-load', 'promoted') : null;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const c0 = count();
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  let rss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    rss = Math.max(rss, process.memoryUsage().rss);
    onSample?.((Date.now() - t0) / 1000);
  }, 1000);
  await new Promise((r) => setTimeout(r, Math.max(0, measureTo - Date.now())));
  clearInterval(sampler);
  const elapsed = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const taken = count() - c0;
  loop.disable();
  if (profile) await profile();
  if (heapProfile) await heapProfile();
  const [d, s] = await Promise.all([devices.result, subs.result]);
  process.stderr.write(`cot-load ${target}: devices ${d}; subscribers ${s}\n`);
  return {
    ingestPerSecond: taken / elapsed,
    loopDelayP99: loop.percentile(99) / 1e6,
    cpuCores: (cpu.user + cpu.system) / 1e6 / elapsed,
    rssMiB: rss / 2 ** 20,
    devices: JSON.parse(d) as DevicesResult,
    subscribers: JSON.parse(s) as SubscribersResult,
    p50: (JSON.parse(s) as SubscribersResult).p50,
    p99: (JSON.parse(s) as SubscribersResult).p99,
  };
}

const TUNABLES = ['ENLACE_SESSION_CACHE_SECONDS', 'ENLACE_LIVE_TICK_MS', 'ENLACE_TRACK_FLUSH_MS'] as const;

/** Starts Enlace (embedded database unless ENLACE_BENCH_DATABASE_URL) with CoT devices accepted as anonymous reporters. */
async function startEnlace() {
  const dataDir = mkdtempSync(join(tmpdir(), 'enlace-bench-cot-'));
  const url = process.env.ENLACE_BENCH_DATABASE_URL;
  const config = {
    ...loadConfig({
      ENLACE_DATA_DIR: dataDir,
      PORT: '0',
      ENLACE_COT_PORT: '0',
      ENLACE_COT_TLS_PORT: 'off',
      ENLACE_COT_ANONYMOUS: 'report-only',
      ENLACE_COT_ANONYMOUS_AGENCY: 'PNP',
      ENLACE_COT_REPORT_CLASSIFICATION: 'PUBLICO',
      ENLACE_ADMIN_PASSWORD: 'bench-admin-password',
      LOG_LEVEL: 'warn',
      ...(url ? { DATABASE_URL: url } : {}),
      // For comparisons, these settings pass through: ENLACE_SESSION_CACHE_SECONDS=0 reads every request's session
      // from the database; ENLACE_LIVE_TICK_MS and ENLACE_TRACK_FLUSH_MS change the live tick and the group commit's wait.
      ...Object.fromEntries(TUNABLES.filter((k) => process.env[k]).map((k) => [k, process.env[k]!])),
    }),
    host: '127.0.0.1',
  };
  process.stderr.write('cot-load: starting Enlace (migrations on a fresh database)...\n');
  const server = await startServer({ config });
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-admin-password' }),
  });
  if (!res.ok) throw new Error(`cot-load: admin login failed (${res.status}); ENLACE_BENCH_DATABASE_URL must be a fresh database`);
  const { token } = (await res.json()) as { token: string };
  let tracks = 0;
  server.bus.subscribe(COP_SUBJECTS.track, (e) => (tracks += (e.data as TTrackBusEvent).tracks.length));
  const httpUrl = server.url.replace('localhost', '127.0.0.1');
  return { server, token, httpUrl, cotPort: server.cot!.tcpPort!, count: () => tracks };
}

/** `<event` openings in a chunk: one per report (a chunk may hold several). */
function countEvents(data: Buffer): number {
  let n = 0;
  for (let i = data.indexOf('<event'); i >= 0; i = data.indexOf('<event', i + 6)) n++;
  return n;
}

/**
 * The baseline: a bare relay with the same WebSocket library (ws). CoT connections name their cell once
 * (`#cell\n`) and their bytes are forwarded as they come to the subscribers of that cell; API posts likewise. No
 * parsing, no storage, no permission checks.
 */
async function startBaseline() {
  const subscribers: Set<WebSocket>[] = Array.from({ length: CELLS }, () => new Set());
  let taken = 0;
  const forward = (cell: number, data: Buffer): void => {
    for (const ws of subscribers[cell] ?? []) ws.send(data);
  };
  const cot = net.createServer((socket) => {
    let cell = -1;
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      let data = chunk;
      if (cell < 0) {
        const nl = chunk.indexOf(10);
        cell = Number(chunk.subarray(1, nl).toString());
        data = chunk.subarray(nl + 1);
        if (data.length === 0) return;
      }
      taken += countEvents(data);
      forward(cell, data);
    });
  });
  const server = http.createServer((req, res) => {
    if (req.method === 'GET') return void res.writeHead(200).end(); // the load client opening its connections
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      taken++;
      forward(Number(req.url?.split('/')[2] ?? 0), Buffer.concat(chunks));
      res.writeHead(202).end();
    });
  });
  server.keepAliveTimeout = 60_000; // as long as the load client keeps its connections
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws, req) => {
    const cell = Number(req.url?.split('/')[2] ?? 0);
    subscribers[cell]?.add(ws);
    ws.on('close', () => subscribers[cell]?.delete(ws));
  });
  await new Promise<void>((r) => cot.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (s: net.Server): number => (s.address() as net.AddressInfo).port;
  return {
    cotPort: port(cot),
    httpUrl: `http://127.0.0.1:${port(server)}`,
    token: 'none',
    count: () => taken,
    async close() {
      for (const set of subscribers) for (const ws of set) ws.terminate();
      wss.close();
      await new Promise((r) => server.close(r));
      await new Promise((r) => cot.close(r));
    },
  };
}

const rows = (label: string, f: RunFigures, offered: number): BenchResult[] => [
  { name: `${label}: reports offered`, value: offered, unit: 'reports/s' },
  { name: `${label}: sustained ingest`, value: f.ingestPerSecond, unit: 'reports/s' },
  { name: `${label}: end-to-end latency p50 (send to subscriber)`, value: f.p50, unit: 'ms' },
  { name: `${label}: end-to-end latency p99`, value: f.p99, unit: 'ms' },
  { name: `${label}: server CPU`, value: f.cpuCores, unit: 'cores' },
  { name: `${label}: server event-loop delay p99`, value: f.loopDelayP99, unit: 'ms' },
  { name: `${label}: server peak RSS`, value: f.rssMiB, unit: 'MiB' },
  { name: `${label}: deliveries measured at subscribers`, value: f.subscribers.samples, unit: 'tracks' },
  { name: `${label}: connections lost (CoT devices + subscribers)`, value: f.devices.closed + f.subscribers.closed, unit: 'count' },
  { name: `${label}: CoT devices that could not connect`, value: f.devices.connectFailed, unit: 'count' },
  { name: `${label}: API posts failed`, value: f.devices.apiFailed, unit: 'count' },
];

/**
 * 5,000 CoT devices over TCP plus 1,000 devices over the API, one report a second each, and 200 browser
 * subscribers each watching one twentieth of the area; Enlace against a bare ws relay under the same load.
 */
export async function benchCotLoad(load: CotLoadOptions, relayFirst = false): Promise<BenchResult[]> {
  const offered = ((load.cotDevices + load.apiDevices) * 1000) / load.intervalMs;
  const runEnlace = async (): Promise<RunFigures> => {
    const enlace = await startEnlace();
    process.stderr.write(`cot-load: Enlace, ${offered} reports/s offered for ${load.warmupSeconds + load.seconds} s...\n`);
    // ENLACE_BENCH_COT_BACKLOG=1: every second, the CoT gateway's reports waiting / being stored / connections paused,
    // the group commit's rows and transactions, and the database pool (connections, idle, callers waiting).
    // With it, the longest wait of a ready callback in each second (loopMaxMs): a stall shows when it happened.
    const second = process.env.ENLACE_BENCH_COT_BACKLOG ? monitorEventLoopDelay({ resolution: 5 }) : null;
    second?.enable();
    const backlog = second
      ? (t: number) => {
          const writer = copRuntime(enlace.server.ctx).writer;
          const state = {
            cot: enlace.server.cot?.backlog(),
            writer: { rows: writer.backlog, inFlight: writer.inFlight },
            pool: enlace.server.db.stats(),
            loopMaxMs: Math.round(second.max / 1e6),
          };
          second.reset();
          process.stderr.write(`cot-load: t=${Math.round(t)} s backlog ${JSON.stringify(state)}\n`);
        }
      : undefined;
    const e = await drive('enlace', enlace, load, enlace.count, backlog);
    second?.disable();
    await enlace.server.stop();
    return e;
  };
  const runBaseline = async (): Promise<RunFigures> => {
    const baseline = await startBaseline();
    process.stderr.write('cot-load: bare ws relay, same load...\n');
    const b = await drive('baseline', baseline, load, baseline.count);
    await baseline.close();
    return b;
  };
  // --relay-first swaps the order, to tell a drift of the machine during a run from a difference of the targets.
  let e: RunFigures;
  let b: RunFigures;
  if (relayFirst) {
    b = await runBaseline();
    e = await runEnlace();
  } else {
    e = await runEnlace();
    b = await runBaseline();
  }
  return [
    ...rows('Enlace', e, offered),
    ...rows('bare ws relay', b, offered),
    { name: 'Enlace / bare relay, sustained ingest', value: e.ingestPerSecond / b.ingestPerSecond, unit: 'ratio' },
  ];
}

/**
 * The soak: Enlace alone at `load` for `minutes`; memory growth and connections lost. Memory is sampled every second
 * and compared between the first and the last few minutes (a fifth of the run, at most 5 min each): RSS by its
 * mean, the heap by its lowest reading (what is left after collections, the live heap). A comparison of two single
 * readings would mostly measure where the young generation (64 MiB per semi-space) stood at those two moments.
 */
export async function benchCotSoak(load: CotLoadOptions, minutes: number): Promise<BenchResult[]> {
  const offered = ((load.cotDevices + load.apiDevices) * 1000) / load.intervalMs;
  const enlace = await startEnlace();
  const samples: { t: number; rss: number; heap: number; heapTotal: number; external: number }[] = [];
  process.stderr.write(`cot-soak: ${offered} reports/s for ${minutes} min...\n`);
  let minute = 0;
  const f = await drive('enlace', enlace, { ...load, warmupSeconds: 60, seconds: minutes * 60 }, enlace.count, (t) => {
    const m = process.memoryUsage();
    samples.push({ t, rss: m.rss, heap: m.heapUsed, heapTotal: m.heapTotal, external: m.external });
    if (t >= (minute + 1) * 60) {
      const inMinute = samples.filter((x) => x.t >= minute * 60 && x.t < (minute + 1) * 60);
      const avg = (pick: (x: (typeof samples)[number]) => number): string => mib(mean(inMinute.map(pick)));
      process.stderr.write(
        `cot-soak: minute ${minute + 1}: RSS mean ${avg((x) => x.rss)} MiB, heap lowest ${mib(Math.min(...inMinute.map((x) => x.heap)))} MiB, ` +
          `heap reserved mean ${avg((x) => x.heapTotal)} MiB, outside the heap (buffers) mean ${avg((x) => x.external)} MiB\n`,
      );
      minute++;
    }
  });
  await enlace.server.stop();
  const window = Math.min(300, (minutes * 60) / 5);
  const end = samples[samples.length - 1]?.t ?? 0;
  const early = samples.filter((x) => x.t < window);
  const late = samples.filter((x) => x.t > end - window);
  const growth = (a: number, b: number): number => (a > 0 ? ((b - a) / a) * 100 : 0);
  const rssGrowth = growth(mean(early.map((x) => x.rss)), mean(late.map((x) => x.rss)));
  const heapGrowth = growth(Math.min(...early.map((x) => x.heap)), Math.min(...late.map((x) => x.heap)));
  const w = window >= 60 ? `${Math.round(window / 60)} min` : `${Math.round(window)} s`;
  const span = `first ${w} to last ${w}`;
  return [
    ...rows(`Soak ${minutes} min`, f, offered),
    { name: `Soak: RSS growth, mean of the ${span} (target < 5 %)`, value: rssGrowth, unit: '%' },
    { name: `Soak: live heap growth, lowest reading of the ${span}`, value: heapGrowth, unit: '%' },
  ];
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
