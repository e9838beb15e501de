import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ZUnitCreate } from '@enlace/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildApp } from '../apps/server/src/app.ts';
import { pkiDir } from '../apps/server/src/modules/audit/audit-paths.ts';
import { insertSession, insertUser } from '../apps/server/src/modules/identity/identity.repository.ts';
import { insertUnit } from '../apps/server/src/modules/units/units.repository.ts';
import { hashPassword } from '../apps/server/src/platform/auth/password.ts';
import { newToken, tokenHash } from '../apps/server/src/platform/auth/tokens.ts';
import { loadOrCreateSigningKey } from '../apps/server/src/platform/audit/signing-key.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import type { Db } from '../apps/server/src/platform/db/db.ts';
import { createMemoryBus } from '../apps/server/src/platform/events/memory-bus.ts';
import type { BenchResult } from './report.ts';
import { spawnTs } from './ts-child.ts';


/** Runs the load client in a separate process and returns its writes per second. */
function load(url: string, token: string, clients: number, seconds: number): Promise<number> {
  return new Promise((ok, ko) => {
    const child = spawnTs('http-load-client.ts', [url, token, String(clients), String(seconds)]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      if (code !== 0) return ko(new Error(`load client exited ${code}`));
      const r = JSON.parse(out) as { rate: number; failed: number };
      if (r.failed > 0) return ko(new Error(`${r.failed} requests failed`));
      ok(r.rate);
    });
  });
}

/**
 * The product's authenticated, audited write (POST /api/v1/units: session check, validation, transaction,
 * audit entry) against the same authenticated request whose handler only inserts the row (no audit, no
 * transaction), both over real HTTP on one server, same run, the load coming from a separate process.
 */
export async function benchHttpWrite(db: Db, label: string, clients: number, seconds = 8): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enlace-bench-http-'));
  const config = { ...loadConfig({ ENLACE_DATA_DIR: dataDir, PORT: '0' }), host: '127.0.0.1' };
  const { app } = await buildApp(
    { config, db, bus: createMemoryBus(), signingKey: loadOrCreateSigningKey(pkiDir(dataDir)), afterAudit: () => undefined, ready: () => true },
    { logger: false },
  );
  app.withTypeProvider<ZodTypeProvider>().post('/bench/unaudited-unit', {
    config: { access: 'unit:write' },
    schema: { body: ZUnitCreate },
  }, async (req, reply) => {
    const b = req.body;
    const unit = await insertUnit(db, { ...b, parentId: null, homeUbigeo: null, home: null, agency: 'PNP' });
    return reply.status(201).send(unit);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const user = await insertUser(db, {
    username: `bench.${Date.now()}`, displayName: 'Bench', passwordHash: await hashPassword('bench-password'),
    agency: 'PNP', role: 'operator', clearance: 'RESERVADO', language: 'es',
  });
  const token = newToken();
  await insertSession(db, { tokenHash: tokenHash(token), userId: user!.id, expiresAt: new Date(Date.now() + 3600_000), address: 'bench' });
  await load(`${base}/bench/unaudited-unit`, token, clients, 1);
  await load(`${base}/api/v1/units`, token, clients, 1);
  const unaudited = await load(`${base}/bench/unaudited-unit`, token, clients, seconds);
  const audited = await load(`${base}/api/v1/units`, token, clients, seconds);
  await app.close();
  return [
    { name: `${label}: authenticated unaudited insert over HTTP, ${clients} clients`, value: unaudited, unit: 'writes/s' },
    { name: `${label}: authenticated audited write over HTTP (POST /api/v1/units), ${clients} clients`, value: audited, unit: 'writes/s' },
    { name: `${label}: audited / unaudited ratio`, value: audited / unaudited, unit: 'ratio' },
  ];
}
