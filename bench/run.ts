/**
 * `npm run bench`: the figures of docs/benchmarks.md, each against a baseline measured in the same run.
 * Markdown on stdout, progress on stderr. PostgreSQL figures need ENLACE_BENCH_DATABASE_URL (a scratch
 * database that this run fills with bench rows).
 */
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { migrate } from '../apps/server/src/platform/db/migrate.ts';
import { openPglite } from '../apps/server/src/platform/db/open-pglite.ts';
import { openPostgres } from '../apps/server/src/platform/db/open-postgres.ts';
import { benchAuditedWrite, benchAuditedWriteBusy } from './audited-write.bench.ts';
import { benchAnalytics } from './analytics.bench.ts';
import { benchAuditVerify } from './audit-verify.bench.ts';
import { benchHttpWrite } from './http-write.bench.ts';
import { benchImport } from './import.bench.ts';
import { benchIncidents } from './incidents.bench.ts';
import { benchLegal } from './legal.bench.ts';
import { benchLegalHttp } from './legal-http.bench.ts';
import { benchCotLoad, benchCotSoak } from './cot-load.bench.ts';
import { benchReadiness } from './readiness.bench.ts';
import { formatResults } from './report.ts';
import { benchStartup } from './startup.bench.ts';

const only = process.argv[2];
const out = (s: string): boolean => process.stdout.write(`${s}\n`);

/** Runs `bench/run.ts ARGS` in a fresh Node process (same environment, same stdout and stderr) and waits for it. */
function runInChild(args: readonly string[]): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...args], { stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`bench/run.ts ${args.join(' ')} exited ${code}`))));
  });
}
out(`Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString()}\n`);

if (!only || only === 'verify') out(formatResults('Audit verification, 1,000,000 entries', benchAuditVerify(1_000_000)));

if (!only || only === 'write') {
  process.stderr.write('PGlite: opening and migrating an in-memory database...\n');
  const pglite = await openPglite();
  await migrate(pglite);
  out(formatResults('Audited write vs unaudited insert over HTTP, PGlite', await benchHttpWrite(pglite, 'PGlite', 8)));
  out(formatResults('Audited write vs unaudited insert in SQL only, PGlite (one connection)', await benchAuditedWrite(pglite, 'PGlite', 1)));
  await pglite.close();
  const url = process.env.ENLACE_BENCH_DATABASE_URL;
  if (url) {
    const pg = openPostgres(url, { max: 16 });
    await migrate(pg);
    for (const clients of [1, 16]) {
      out(formatResults(`Audited write vs unaudited insert over HTTP, PostgreSQL, ${clients} client(s)`, await benchHttpWrite(pg, 'PostgreSQL', clients)));
      out(formatResults(`Audited write vs unaudited insert in SQL only, PostgreSQL, ${clients} client(s)`, await benchAuditedWrite(pg, 'PostgreSQL', clients)));
    }
    await pg.close();
  } else {
    out('PostgreSQL write figures skipped: set ENLACE_BENCH_DATABASE_URL.\n');
  }
}

// `npm run bench -- write-busy`: audited writes while the event loop is busy (PostgreSQL only), alone.
if ((!only || only === 'write' || only === 'write-busy') && process.env.ENLACE_BENCH_DATABASE_URL) {
  const pg = openPostgres(process.env.ENLACE_BENCH_DATABASE_URL, { max: 20 });
  await migrate(pg);
  out(formatResults('Audited writes with a busy event loop, PostgreSQL, 16 clients', await benchAuditedWriteBusy(pg, 'PostgreSQL', 16)));
  await pg.close();
}

if (!only || only === 'analytics') out(formatResults('Analytics kernels, 1,000,000 synthetic incidents', await benchAnalytics()));

// `npm run bench -- legal-eval` runs only the in-memory part of the legal group, `legal-http` only its HTTP part.
if (!only || only === 'legal' || only === 'legal-eval' || only === 'legal-http') {
  const url = process.env.ENLACE_BENCH_DATABASE_URL;
  if (only === 'legal-eval') {
    const db = url ? openPostgres(url, { max: 2 }) : await openPglite();
    out(formatResults(`Tasking evaluator, 2,000 instruments, 1,000-member units (${url ? 'PostgreSQL' : 'PGlite'} for ST_Covers)`, await benchLegal(db, url ? 'PostgreSQL' : 'PGlite')));
    await db.close();
  } else if (only !== 'legal-http') {
    // Each part in a process of its own. The HTTP part runs as a server would: in the same process, the in-memory
    // part's registry copies, polygons and garbage made the first HTTP row's tail several times longer than the same
    // row measured alone; and the in-memory part's process has exited before the HTTP part starts, rather than
    // sitting on its heap (and collecting it) beside the measured server.
    await runInChild(['legal-eval']);
    if (url) await runInChild(['legal-http']);
    else out('HTTP evaluator latency skipped: set ENLACE_BENCH_DATABASE_URL.\n');
  } else if (url) {
    const pg = openPostgres(url, { max: 16 });
    await migrate(pg);
    // ENLACE_BENCH_LEGAL_HTTP_SECONDS: a longer measured window (default 15 s), so that it holds the server's full
    // garbage collections (one every 20-30 s at this rate) in their share.
    const seconds = Number(process.env.ENLACE_BENCH_LEGAL_HTTP_SECONDS ?? 15);
    out(formatResults(`POST /api/v1/tasking/evaluate at 200 requests/s for ${seconds} s, PostgreSQL`, await benchLegalHttp(pg, 'PostgreSQL', 200, seconds)));
    await pg.close();
  } else {
    out('HTTP evaluator latency skipped: set ENLACE_BENCH_DATABASE_URL.\n');
  }
}

if (!only || only === 'import') {
  process.stderr.write('PGlite: opening and migrating an in-memory database...\n');
  const pglite = await openPglite();
  await migrate(pglite);
  out(formatResults('CSV import of personnel (stream, validate whole file, apply in one transaction), PGlite', await benchImport(pglite, 'PGlite')));
  await pglite.close();
  const url = process.env.ENLACE_BENCH_DATABASE_URL;
  if (url) {
    const pg = openPostgres(url, { max: 4 });
    await migrate(pg);
    out(formatResults('CSV import of personnel (stream, validate whole file, apply in one transaction), PostgreSQL', await benchImport(pg, 'PostgreSQL')));
    await pg.close();
  } else {
    out('PostgreSQL import figures skipped: set ENLACE_BENCH_DATABASE_URL.\n');
  }
}

if (!only || only === 'readiness') {
  const url = process.env.ENLACE_BENCH_DATABASE_URL;
  if (url) {
    const pg = openPostgres(url, { max: 4 });
    await migrate(pg);
    out(formatResults('Readiness: whole-country recompute vs one SQL aggregate pass, PostgreSQL', await benchReadiness(pg)));
    await pg.close();
  } else {
    out('Readiness figures skipped: set ENLACE_BENCH_DATABASE_URL.\n');
  }
}

if (!only || only === 'incidents') {
  // `npm run bench -- incidents [--api | --kernels]`: only the hotspot API, or only the kernels (with NumPy, no PostgreSQL).
  const part = process.argv.includes('--api') ? 'api' : process.argv.includes('--kernels') ? 'kernels' : 'all';
  out(formatResults('Incidents: 1,000,000 (Chicago resampled with jitter): KDE and Gi* vs PostGIS SQL and NumPy; hotspot API on PostgreSQL', await benchIncidents(process.env.ENLACE_BENCH_DATABASE_URL, part)));
}

if (!only || only === 'startup') out(formatResults('Start-up on the embedded database', await benchStartup()));

if (!only || only === 'cot') {
  // `npm run bench -- cot [--rate N] [--seconds N] [--soak-minutes N] [--cot-devices N] [--api-devices N] [--subscribers N] [--relay-first]`.
  const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const load = {
    cotDevices: arg('cot-devices', 5000),
    apiDevices: arg('api-devices', 1000),
    subscribers: arg('subscribers', 200),
    intervalMs: 1000,
    warmupSeconds: 15,
    seconds: arg('seconds', 30),
  };
  const soak = arg('soak-minutes', 0);
  // The target is 10,000 reports/s; the soak runs at half of it unless --rate says otherwise.
  const rate = arg('rate', soak > 0 ? 10_000 : 6000);
  if (soak > 0) {
    const half = { ...load, intervalMs: (2 * (load.cotDevices + load.apiDevices) * 1000) / rate };
    out(formatResults(`CoT load soak, ${soak} min at half load (${rate / 2} reports/s)`, await benchCotSoak(half, soak)));
  } else {
    const run = { ...load, intervalMs: ((load.cotDevices + load.apiDevices) * 1000) / rate };
    out(formatResults(`CoT load: ${load.cotDevices} TAK devices (TCP) + ${load.apiDevices} API devices, ${load.subscribers} browser subscribers, ${rate} reports/s`, await benchCotLoad(run, process.argv.includes('--relay-first'))));
  }
}
