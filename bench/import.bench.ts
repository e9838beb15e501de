import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { DEFAULT_CLEARANCE } from '@enlace/access';
import { insertUser } from '../apps/server/src/modules/identity/identity.repository.ts';
import { applyImportRun } from '../apps/server/src/modules/imports/apply-import-run.ts';
import { createImportRun } from '../apps/server/src/modules/imports/create-import-run.ts';
import { uploadImportFile } from '../apps/server/src/modules/imports/upload-import-file.ts';
import { insertUnit } from '../apps/server/src/modules/units/units.repository.ts';
import { loadOrCreateSigningKey } from '../apps/server/src/platform/audit/signing-key.ts';
import { runAudited } from '../apps/server/src/platform/audit/run-audited.ts';
import type { Actor } from '../apps/server/src/platform/auth/actor.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import type { AppContext } from '../apps/server/src/platform/context.ts';
import type { Db } from '../apps/server/src/platform/db/db.ts';
import { createMemoryBus } from '../apps/server/src/platform/events/memory-bus.ts';
import { SessionCache } from '../apps/server/src/platform/auth/session-cache.ts';
import type { BenchResult } from './report.ts';

/** Writes a personnel CSV of `rows` rows to `path`, streaming (the bench itself never holds the file). */
async function writePersonnelCsv(path: string, unit: string, prefix: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  out.write('unidad,tipo_documento,numero_documento,nombres,apellidos,grado,especialidad,situacion,telefono\n');
  for (let i = 1; i <= rows; i++) {
    const line = `${unit},CIP,${prefix}-${i},Nombre ${i},Apellido Apellido ${i},Suboficial de 3ra,Orden público,disponible,+51 9${String(i).padStart(8, '0')}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

/**
 * Peak RSS and peak live heap over a run. With `--expose-gc` the heap is sampled right after a full collection
 * (every second), so it measures what the import keeps, not garbage waiting to be collected; without it, the
 * raw heap peak (which mostly measures how lazily V8 collects).
 */
function memorySampler(): { stop(): { rss: number; heap: number; live: boolean } } {
  const gc = (globalThis as { gc?: () => void }).gc;
  let rss = 0;
  let heap = 0;
  const sample = (): void => {
    gc?.();
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, gc ? 1000 : 20);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { rss, heap, live: gc !== undefined };
    },
  };
}

const MB = 1024 * 1024;

/**
 * `enlace import` of personnel files through the product's own use-cases (stream to disk → validate the whole file →
 * apply in one audited transaction), 10,000 then 100,000 rows: rows per second and peak memory of each, so that
 * flat memory shows as the same peak for ten times the rows. Baseline in the same run: the same rows inserted by
 * plain batched SQL with no parsing, validation or audit.
 */
export async function benchImport(db: Db, label: string): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'enlace-bench-import-'));
  const config = { ...loadConfig({ ENLACE_DATA_DIR: dir }), logLevel: 'silent' };
  const ctx: AppContext = {
    config,
    db,
    bus: createMemoryBus(),
    signingKey: loadOrCreateSigningKey(join(dir, 'pki')),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as AppContext['log'],
    afterAudit: () => undefined,
    ready: () => true,
    sessions: SessionCache.disabled(),
  };
  const tag = randomBytes(4).toString('hex');
  const user = await insertUser(db, {
    username: `bench-import-${tag}`,
    displayName: 'Bench import',
    passwordHash: 'x',
    agency: 'PNP',
    role: 'commander',
    clearance: DEFAULT_CLEARANCE.commander,
    language: 'es',
  });
  if (!user) throw new Error('bench user exists');
  const actor: Actor = { ...user, userId: user.id, sessionHash: 'bench' };
  const unit = await insertUnit(db, {
    name: `Bench import ${tag}`,
    shortName: `BI-${tag}`,
    force: 'PNP',
    echelon: 'comisaria',
    parentId: null,
    homeUbigeo: null,
    home: null,
    agency: 'PNP',
    classification: 'CONFIDENCIAL',
    exercise: true,
  });

  const results: BenchResult[] = [];
  const peaks: Record<number, { rss: number; heap: number }> = {};
  for (const rows of [10_000, 100_000]) {
    const file = join(dir, `personnel-${rows}.csv`);
    const bytes = await writePersonnelCsv(file, unit.shortName, `${tag.slice(0, 6)}K${rows / 1000}`, rows);
    process.stderr.write(`${label}: importing ${rows} rows (${(bytes / MB).toFixed(1)} MiB)...\n`);
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage();
    const sampler = memorySampler();
    const t0 = performance.now();
    const { value: run } = await runAudited({ db, actor: { id: user.id, name: user.username, agency: 'PNP' } }, (tx, audit) =>
      createImportRun(tx, audit, actor, { kind: 'personnel', fileName: `personnel-${rows}.csv`, encoding: 'utf-8', delimiter: 'auto' }),
    );
    const validated = await uploadImportFile({ ctx, actor, id: run.id, body: createReadStream(file), declaredBytes: bytes });
    const t1 = performance.now();
    if (validated.status !== 'valid') throw new Error(`bench file invalid: ${validated.counts.errors} errors`);
    const applied = await applyImportRun({ ctx, actor, id: run.id });
    const t2 = performance.now();
    const peak = sampler.stop();
    if (applied.counts.created !== rows) throw new Error(`bench import created ${applied.counts.created} of ${rows}`);
    peaks[rows] = { rss: peak.rss - before.rss, heap: peak.heap - before.heapUsed };
    const heapLabel = peak.live ? 'peak live heap growth (after GC)' : 'peak heap growth (run with --expose-gc for live heap)';
    results.push(
      { name: `${label}: ${rows.toLocaleString('en-US')} rows, upload + validate`, value: rows / ((t1 - t0) / 1000), unit: 'rows/s' },
      { name: `${label}: ${rows.toLocaleString('en-US')} rows, apply (one transaction)`, value: rows / ((t2 - t1) / 1000), unit: 'rows/s' },
      { name: `${label}: ${rows.toLocaleString('en-US')} rows, end to end`, value: rows / ((t2 - t0) / 1000), unit: 'rows/s' },
      { name: `${label}: ${rows.toLocaleString('en-US')} rows, peak RSS growth`, value: peaks[rows].rss / MB, unit: 'MiB' },
      { name: `${label}: ${rows.toLocaleString('en-US')} rows, ${heapLabel}`, value: peaks[rows].heap / MB, unit: 'MiB' },
    );
  }
  results.push({ name: `${label}: heap growth, 100,000 / 10,000 rows`, value: peaks[100_000]!.heap / Math.max(peaks[10_000]!.heap, 1), unit: 'ratio' });

  // Baseline: the same 100,000 rows by plain batched INSERT (no CSV, no validation, no audit), same database, same run.
  const b0 = performance.now();
  for (let start = 1; start <= 100_000; start += 500) {
    const n = Math.min(500, 100_001 - start);
    const docs = Array.from({ length: n }, (_, k) => `P${tag}-${start + k}`);
    await db.query(
      `INSERT INTO person (unit_id, agency, given_names, family_names, rank, status, document_type, document_number, classification)
       SELECT $1, 'PNP', 'Nombre', 'Apellido', 'Suboficial', 'available', 'CIP', d, 'CONFIDENCIAL' FROM unnest($2::text[]) AS d`,
      [unit.id, docs],
    );
  }
  const baseline = 100_000 / ((performance.now() - b0) / 1000);
  results.push({ name: `${label}: baseline, plain batched INSERT of 100,000 rows`, value: baseline, unit: 'rows/s' });
  await ctx.bus.close();
  rmSync(dir, { recursive: true, force: true });
  return results;
}
