/**
 * `POST /api/v1/tasking/evaluate` under a steady 200 requests per second (issue 3: p99 under 20 ms): the registry
 * of the legal bench (2,000 instruments) in the database, then seeded requests (unit, task, area,
 * period varying; the unit's members inline) sent open-loop from a separate process. Each request is
 * authenticated, validated, evaluated, stored and audited, as in production.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
import { legalWorkload } from './legal.bench.ts';
import type { BenchResult } from './report.ts';

const ROOT = resolve(import.meta.dirname, '..');

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

function rateClient(url: string, token: string, file: string, rate: number, seconds: number): Promise<RateResult> {
  return new Promise((ok, ko) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'bench/http-rate-client.ts'), url, token, file, String(rate), String(seconds)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? ok(JSON.parse(out) as RateResult) : ko(new Error(`rate client exited ${code}`))));
  });
}

export async function benchLegalHttp(db: Db, label: string, rate = 200, seconds = 15): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enlace-bench-legal-'));
  const config = { ...loadConfig({ ENLACE_DATA_DIR: dataDir, PORT: '0', ENLACE_BODY_LIMIT_BYTES: String(4 * 1024 * 1024) }), host: '127.0.0.1' };
  const { app } = await buildApp(
    { config, db, bus: createMemoryBus(), signingKey: loadOrCreateSigningKey(pkiDir(dataDir)), afterAudit: () => undefined, ready: () => true },
    { logger: false },
  );
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
  for (const members of [1000, 30]) {
    const work = legalWorkload(20261128 + members, members);
    if (members === 1000) {
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
    const file = join(dataDir, `bodies-${members}.jsonl`);
    writeFileSync(file, Array.from({ length: members > 100 ? 200 : 2000 }, () => JSON.stringify(work.ubigeoRequest())).join('\n'));
    await rateClient(`${base}/api/v1/tasking/evaluate`, token, file, 50, 2); // warm-up
    const r = await rateClient(`${base}/api/v1/tasking/evaluate`, token, file, rate, seconds);
    if (r.failed > 0) process.stderr.write(`legal http bench: ${r.failed} failed, first: ${r.firstError}\n`);
    results.push({ name: `${label}: ${members}-member units at ${rate} req/s, p50`, value: r.p50, unit: 'ms' });
    results.push({ name: `${label}: ${members}-member units at ${rate} req/s, p99`, value: r.p99, unit: 'ms' });
    results.push({ name: `${label}: ${members}-member units at ${rate} req/s, answered 200 / sent`, value: r.ok, unit: `/ ${r.sent}` });
  }
  await app.close();
  return results;
}
