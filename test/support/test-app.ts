import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../apps/server/src/app.ts';
import { AuditCheckpointer } from '../../apps/server/src/modules/audit/audit-checkpointer.ts';
import { auditHeadFile, pkiDir } from '../../apps/server/src/modules/audit/audit-paths.ts';
import { loadOrCreateSigningKey } from '../../apps/server/src/platform/audit/signing-key.ts';
import type { Config } from '../../apps/server/src/platform/config/config.ts';
import { loadConfig } from '../../apps/server/src/platform/config/config.ts';
import type { AppContext } from '../../apps/server/src/platform/context.ts';
import type { Db } from '../../apps/server/src/platform/db/db.ts';
import { createMemoryBus } from '../../apps/server/src/platform/events/memory-bus.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  checkpointer: AuditCheckpointer;
  dataDir: string;
  close(): Promise<void>;
}

/** An in-process app on a given database, with its own data dir (keys, head checkpoint) and memory bus. */
export async function testApp(
  db: Db,
  options: { config?: Partial<Config>; ready?: () => boolean } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enlace-app-'));
  // The daily readiness recompute stays off unless a test turns it on (and even then is triggered directly).
  const config: Config = { ...loadConfig({ ENLACE_DATA_DIR: dataDir }), readinessDailyRecompute: false, ...options.config };
  const signingKey = loadOrCreateSigningKey(pkiDir(dataDir));
  const bus = createMemoryBus();
  let checkpointer: AuditCheckpointer | null = null;
  const { app, ctx } = await buildApp(
    { config, db, bus, signingKey, afterAudit: () => checkpointer?.schedule(), ready: options.ready ?? (() => true) },
    { logger: false },
  );
  checkpointer = new AuditCheckpointer(db, signingKey, auditHeadFile(dataDir), 10_000, (err) => {
    throw err;
  });
  await app.ready();
  const cp = checkpointer;
  return {
    app,
    ctx,
    checkpointer: cp,
    dataDir,
    async close() {
      await app.close();
      await bus.close();
    },
  };
}
