/**
 * `POST /api/v1/tasking/evaluate` under a steady 200 requests per second (issue 3: p99 under 20 ms): the registry
 * of the legal bench (2,000 instruments) in the database, then seeded requests (unit, task, area,
 * period varying) sent open-loop from a separate process, in two forms: the unit referenced by id (its members,
 * certificates and equipment in the forces records, 20 units seeded per size) and the unit's members inline. Each
 * request is authenticated, validated, evaluated, stored and audited, as in production.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, constants as perfConstants, monitorEventLoopDelay } from 'node:perf_hooks';
import type { NodeGCPerformanceDetail } from 'node:perf_hooks';
import { buildApp } from '../apps/server/src/app.ts';
import { pkiDir } from '../apps/server/src/modules/audit/audit-paths.ts';
import { insertSession, insertUser } from '../apps/server/src/modules/identity/identity.repository.ts';
import { insertInstrument } from '../apps/server/src/modules/legal/legal.repository.ts';
import { hashPassword } from '../apps/server/src/platform/auth/password.ts';
import { newToken, tokenHash } from '../apps/server/src/platform/auth/tokens.ts';
import { loadOrCreateSigningKey } from '../apps/server/src/platform/audit/signing-key.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import type { Db } from '../apps/server/src/platform/db/db.ts';
import { createMemoryBus } from '../apps/server/src/platform/events/memory-bus.ts';
import type { TTaskingInput } from '@enlace/rules';
import { startHeapProfile, startProfile } from './cpu-profile.ts';
import { legalWorkload } from './legal.bench.ts';
import type { BenchResult } from './report.ts';
import { spawnTs } from './ts-child.ts';

/**
 * The measuring client's first seconds at the rate, not counted: its own start (loading and compiling under tsx,
 * opening its connections) takes CPU from the server on a 2-core machine for a few hundred milliseconds. Without
 * them the slowest 1 % were all in the first 0.4 s of the run (docs/benchmarks.md).
 */
const CLIENT_WARMUP_SECONDS = 2;

interface RateResult {
  sent: number;
  ok: number;
  failed: number;
  firstError: string;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

function rateClient(url: string, token: string, file: string, rate: number, seconds: number, warmupSeconds = 0): Promise<RateResult> {
  return new Promise((ok, ko) => {
    const child = spawnTs('http-rate-client.ts', [url, token, file, String(rate), String(seconds), String(warmupSeconds)]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => (code === 0 ? ok(JSON.parse(out) as RateResult) : ko(new Error(`rate client exited ${code}`))));
  });
}

/**
 * Stores the bench's units in the forces records (unit, persons, certificates of one course per training area,
 * assigned serviceable equipment), as an import would; returns the database id of each bench unit id.
 */
async function seedUnitRecords(db: Db, units: readonly TTaskingInput['unit'][]): Promise<Map<string, string>> {
  const courses = await db.query<{ code: string; area: string }>('SELECT DISTINCT ON (area) code, area FROM course ORDER BY area, code');
  const courseOf = new Map(courses.rows.map((c) => [c.area, c.code]));
  const tag = randomBytes(4).toString('hex').toUpperCase();
  const b32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const runPrefix = Array.from(randomBytes(10), (b) => b32[b % 32]).join('');
  let n = 0;
  const certCode = (): string => {
    let x = n++;
    let out = '';
    for (let i = 0; i < 16; i++) {
      out = b32[x % 32]! + out;
      x = Math.floor(x / 32);
    }
    return runPrefix + out;
  };
  const ids = new Map<string, string>();
  for (const unit of units) {
    const u = await db.query<{ id: string }>(
      `INSERT INTO unit (name, short_name, force, echelon, agency, classification)
       VALUES ($1, $2, 'EP', 'COMPANIA', 'CCFFAA', 'CONFIDENCIAL') RETURNING id`,
      [`Bench ${unit.id} ${tag}`, `B-${unit.id}`],
    );
    const unitId = u.rows[0]!.id;
    ids.set(unit.id, unitId);
    const members = unit.members ?? [];
    const persons = await db.query<{ id: string; document_number: string }>(
      `INSERT INTO person (unit_id, given_names, family_names, rank, status, designated_lethal, document_type, document_number,
          agency, classification)
       SELECT $1, 'Bench', 'Member', 'SO3', 'available', l, 'CIM', d, 'CCFFAA', 'CONFIDENCIAL'
         FROM unnest($2::boolean[], $3::text[]) AS t(l, d)
       RETURNING id, document_number`,
      [unitId, members.map((m) => m.designatedLethal === true), members.map((_, i) => `${tag}-${unit.id}-${i}`)],
    );
    const personOf = new Map(persons.rows.map((p) => [p.document_number, p.id]));
    const cert = { person: [] as string[], course: [] as string[], until: [] as string[], code: [] as string[] };
    const item = { person: [] as string[], category: [] as string[], serial: [] as (string | null)[] };
    members.forEach((m, i) => {
      const person = personOf.get(`${tag}-${unit.id}-${i}`)!;
      for (const t of m.trainings) {
        const course = courseOf.get(t.area);
        if (!course) continue;
        cert.person.push(person);
        cert.course.push(course);
        cert.until.push(t.validUntil);
        cert.code.push(certCode());
      }
      for (const category of m.equipment) {
        item.person.push(person);
        item.category.push(category);
        item.serial.push(category === 'FUSIL' || category === 'PISTOLA' ? `${tag}-${unit.id}-${i}-${category}` : null);
      }
    });
    await db.query(
      `INSERT INTO certificate (code, person_id, course_code, issued_on, valid_until, agency, classification)
       SELECT c, p, k, '2025-01-01', u, 'CCFFAA', 'CONFIDENCIAL' FROM unnest($1::text[], $2::uuid[], $3::text[], $4::date[]) AS t(c, p, k, u)`,
      [cert.code, cert.person, cert.course, cert.until],
    );
    await db.query(
      `INSERT INTO equipment_item (unit_id, category, item, serial, quantity, condition, assigned_to, agency, classification)
       SELECT $1, c, c, s, 1, 'serviceable', p, 'CCFFAA', 'CONFIDENCIAL' FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(p, c, s)`,
      [unitId, item.person, item.category, item.serial],
    );
  }
  // As an applied import does (apply-import-run.ts): the planner's statistics know the new rows.
  for (const table of ['unit', 'person', 'certificate', 'equipment_item']) await db.query(`ANALYZE ${table}`);
  return ids;
}

/**
 * The server's garbage-collection pauses from now until `stop()` (the server runs in this process): a pause stops
 * the event loop, so every request in flight waits for it.
 */
function watchGc(): { stop: () => { major: number[]; minor: number[] } } {
  const major: number[] = [];
  const minor: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as PerformanceEntry & { detail?: NodeGCPerformanceDetail }).detail?.kind;
      // Major: the mark-compact pause (its incremental marking runs in steps counted with the minor ones).
      (kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR ? major : minor).push(e.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return { stop: () => (observer.disconnect(), { major, minor }) };
}

/**
 * Waits until the server has worked off what an overloaded run left queued (an open-loop client stops waiting, the
 * server does not): two requests in a row answered within 100 ms, or two minutes.
 */
async function drain(url: string, token: string, body: string): Promise<void> {
  const until = Date.now() + 120_000;
  let fast = 0;
  while (fast < 2 && Date.now() < until) {
    const t0 = performance.now();
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body }).then((r) => r.text(), () => '');
    fast = performance.now() - t0 < 100 ? fast + 1 : 0;
    if (fast < 2) await new Promise((ok) => setTimeout(ok, 500));
  }
}

export async function benchLegalHttp(db: Db, label: string, rate = 200, seconds = 15): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enlace-bench-legal-'));
  const config = { ...loadConfig({ ENLACE_DATA_DIR: dataDir, PORT: '0', ENLACE_BODY_LIMIT_BYTES: String(4 * 1024 * 1024) }), host: '127.0.0.1' };
  const { app } = await buildApp(
    { config, db, bus: createMemoryBus(), signingKey: loadOrCreateSigningKey(pkiDir(dataDir)), afterAudit: () => undefined, ready: () => true },
    { logger: false },
  );
  // Time inside the server per request (request received to response sent), to tell the server's tail from the
  // client's and the network's.
  let serverTimes: number[] = [];
  // Baseline in the same run: an endpoint of the same server that parses the same JSON body and answers at once, with
  // no session, validation, database or evaluation. Its tail is what the machine itself (two cores shared by the
  // client, the server and PostgreSQL) adds to any request at this rate.
  app.post('/bench/echo', { config: { access: 'public' } }, async (req) => ({ received: typeof req.body === 'object' }));
  app.addHook('onResponse', async (req, reply) => {
    if (req.url === '/api/v1/tasking/evaluate' && req.headers['x-bench-warmup'] === undefined) serverTimes.push(reply.elapsedTime);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const user = await insertUser(db, {
    username: `bench.legal.${Date.now()}`, displayName: 'Bench', passwordHash: await hashPassword('bench-password'),
    agency: 'CCFFAA', role: 'legal_officer', clearance: 'RESERVADO', language: 'es',
  });
  const token = newToken();
  await insertSession(db, { tokenHash: tokenHash(token), userId: user!.id, expiresAt: new Date(Date.now() + 3600_000), address: 'bench' });

  const results: BenchResult[] = [];
  // ENLACE_BENCH_LEGAL_HTTP_ONLY=1000-by-id (size-form) runs one row, e.g. to profile it.
  const only = process.env.ENLACE_BENCH_LEGAL_HTTP_ONLY ?? null;
  for (const members of [30, 1000]) {
    const work = legalWorkload(20261128 + members, members);
    if (members === 30) {
      // Loaded through the repository (registration through the API validates the whole registry on each insert,
      // which is not what this figure measures); the previous run's bench instruments are removed first.
      process.stderr.write(`legal http bench: loading ${work.instruments.length} instruments...\n`);
      await db.query(`DELETE FROM legal_instrument WHERE id LIKE '%-bench'`);
      const renamed = work.instruments.map((i) => ({
        ...i,
        id: `${i.id}-bench`,
        ...(i.extends ? { extends: `${i.extends}-bench` } : {}),
        ...(i.appliesTo ? { appliesTo: i.appliesTo.map((a) => `${a}-bench`) } : {}),
      }));
      for (const instrument of renamed) await insertInstrument(db, { ...instrument, agency: 'CCFFAA', classification: 'PUBLICO', exercise: false });
      results.push({ name: `${label}: instruments in the registry`, value: renamed.length, unit: "instruments" });
    }
    process.stderr.write(`legal http bench: storing ${work.units.length} units of ${members} members in the forces records...\n`);
    const unitIds = await seedUnitRecords(db, work.units);
    const requests = Array.from({ length: members > 100 ? 200 : 2000 }, () => work.ubigeoRequest());
    const forms = {
      'unit by id': requests.map((r) => ({ ...r, unit: { id: unitIds.get(r.unit.id), force: r.unit.force } })),
      'members inline': requests,
    };
    for (const [form, bodies] of Object.entries(forms)) {
      if (only && only !== `${members}-${form.replace(/unit |members /, '').replace(/ /g, '-')}`) continue;
      const file = join(dataDir, `bodies-${members}-${form.replace(/ /g, '-')}.jsonl`);
      writeFileSync(file, bodies.map((b) => JSON.stringify(b)).join('\n'));
      // The seed's (and the previous row's) dirty pages are written out now, not by the checkpointer or the kernel's
      // writeback during the measured window, where their disk writes delayed the evaluations' WAL flushes.
      await db.query('CHECKPOINT').catch((e: unknown) => process.stderr.write(`legal http bench: CHECKPOINT refused (${String(e)}): the seed may be written out while measuring\n`));
      // Warm-up: every body once (JIT, the registry's index, the district unions and unit records its areas and units
      // reach, as a running server would hold them), then whatever it left queued is worked off.
      await rateClient(`${base}/api/v1/tasking/evaluate`, token, file, 100, bodies.length / 100);
      await drain(`${base}/api/v1/tasking/evaluate`, token, JSON.stringify(bodies[0]));
      // The server runs in this process: its CPU time per request is less sensitive to a busy machine than latency is.
      const cpu = process.cpuUsage();
      serverTimes = [];
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      const gc = watchGc();
      // ENLACE_BENCH_CPU_PROF=<file>: a CPU profile of the server's main thread while this row is measured.
      const profile = process.env.ENLACE_BENCH_CPU_PROF ? await startProfile(process.env.ENLACE_BENCH_CPU_PROF, 'legal http bench') : null;
      // ENLACE_BENCH_HEAP_PROF=<file>: a sampling profile of the server's allocations while this row is measured
      // (ENLACE_BENCH_HEAP_PROF_SURVIVORS=1: only those still alive at the end).
      const heapProfile = process.env.ENLACE_BENCH_HEAP_PROF
        ? await startHeapProfile(process.env.ENLACE_BENCH_HEAP_PROF, 'legal http bench', process.env.ENLACE_BENCH_HEAP_PROF_SURVIVORS === '1' ? 'survivors' : 'all')
        : null;
      const r = await rateClient(`${base}/api/v1/tasking/evaluate`, token, file, rate, seconds, CLIENT_WARMUP_SECONDS);
      const used = process.cpuUsage(cpu);
      await profile?.();
      await heapProfile?.();
      loop.disable();
      const pauses = gc.stop();
      const inServer = serverTimes.sort((a, b) => a - b);
      const quantile = (q: number): number => inServer[Math.min(inServer.length - 1, Math.floor(q * inServer.length))] ?? NaN;
      if (r.failed > 0) process.stderr.write(`legal http bench: ${r.failed} failed, first: ${r.firstError}\n`);
      const name = `${label}: ${members}-member units, ${form}, at ${rate} req/s`;
      results.push({ name: `${name}, p50`, value: r.p50, unit: 'ms' });
      results.push({ name: `${name}, p99`, value: r.p99, unit: 'ms' });
      results.push({ name: `${name}, max`, value: r.max, unit: 'ms' });
      results.push({ name: `${name}, time in the server, p50`, value: quantile(0.5), unit: 'ms' });
      results.push({ name: `${name}, time in the server, p99`, value: quantile(0.99), unit: 'ms' });
      results.push({ name: `${name}, server event-loop delay, p99 / max`, value: loop.percentile(99) / 1e6, unit: `ms / ${(loop.max / 1e6).toFixed(0)} ms` });
      results.push({ name: `${name}, server GC pauses: major count / max`, value: pauses.major.length, unit: `/ ${Math.max(0, ...pauses.major).toFixed(1)} ms` });
      results.push({ name: `${name}, server GC pauses: minor count / max`, value: pauses.minor.length, unit: `/ ${Math.max(0, ...pauses.minor).toFixed(1)} ms` });
      results.push({ name: `${name}, answered 200 / sent`, value: r.ok, unit: `/ ${r.sent}` });
      results.push({ name: `${name}, server CPU per answered request`, value: (used.user + used.system) / 1000 / Math.max(1, r.ok), unit: 'ms' });
      await drain(`${base}/api/v1/tasking/evaluate`, token, JSON.stringify(bodies[0]));
      const echo = await rateClient(`${base}/bench/echo`, token, file, rate, seconds, CLIENT_WARMUP_SECONDS);
      results.push({ name: `${name}, baseline: echo of the same body, p50`, value: echo.p50, unit: 'ms' });
      results.push({ name: `${name}, baseline: echo of the same body, p99`, value: echo.p99, unit: 'ms' });
      results.push({ name: `${name}, baseline: echo of the same body, max`, value: echo.max, unit: 'ms' });
    }
  }
  await app.close();
  return results;
}
