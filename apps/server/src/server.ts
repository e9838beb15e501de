import { createMemoryBus } from './platform/events/memory-bus.ts';
import { createNatsBus } from './platform/events/nats-bus.ts';
import type { EventBus } from './platform/events/event-bus.ts';
import { loadOrCreateSigningKey } from './platform/audit/signing-key.ts';
import type { Config } from './platform/config/config.ts';
import type { Db } from './platform/db/db.ts';
import { migrate } from './platform/db/migrate.ts';
import { openDatabase } from './platform/db/open-database.ts';
import { buildApp } from './app.ts';
import type { BuiltApp } from './app.ts';
import { AuditCheckpointer } from './modules/audit/audit-checkpointer.ts';
import { auditHeadFile, pkiDir } from './modules/audit/audit-paths.ts';
import { ensureAdmin } from './modules/identity/ensure-admin.ts';
import { startCotServer } from './modules/tak/cot-server.ts';
import type { CotServer } from './modules/tak/cot-server.ts';

export interface RunningServer extends BuiltApp {
  url: string;
  db: Db;
  bus: EventBus;
  checkpointer: AuditCheckpointer;
  /** The admin password generated on first start, if one was. */
  generatedAdminPassword: string | null;
  /** The CoT (TAK) listeners, or null when both ports are off. */
  cot: CotServer | null;
  /** Graceful stop: no new connections, in-flight requests finish, checkpoint, database closed. */
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  /** Runs after migrations and the admin check, before the server reports itself started (demo seed). */
  afterMigrate?: (server: Omit<RunningServer, 'url' | 'stop' | 'cot'>) => Promise<void>;
  onMigration?: (name: string, ms: number) => void;
}

/**
 * Opens the database, applies migrations, creates the admin on first start and listens. While migrations
 * run, the port is already open and /readyz answers 503.
 */
export async function startServer({ config, afterMigrate, onMigration }: StartOptions): Promise<RunningServer> {
  const db = await openDatabase(config);
  const bus = config.natsUrl
    ? await createNatsBus({ url: config.natsUrl, prefix: config.natsStreamPrefix })
    : createMemoryBus();
  const signingKey = loadOrCreateSigningKey(pkiDir(config.dataDir));
  let migrated = false;
  let checkpointer: AuditCheckpointer | null = null;
  const built = await buildApp({
    config,
    db,
    bus,
    signingKey,
    afterAudit: () => checkpointer?.schedule(),
    ready: () => migrated,
  });
  checkpointer = new AuditCheckpointer(db, signingKey, auditHeadFile(config.dataDir), config.auditCheckpointDelayMs, (err) =>
    built.app.log.error({ err }, 'audit checkpoint failed'),
  );
  const cp = checkpointer;
  await built.app.listen({ port: config.port, host: config.host });
  const address = built.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  try {
    await migrate(db, { onDone: (m, ms) => onMigration?.(m.name, ms) });
    migrated = true;
    const admin = await ensureAdmin(db, config.adminPassword, cp.schedule);
    const partial = { ...built, db, bus, checkpointer: cp, generatedAdminPassword: admin.generatedPassword };
    await afterMigrate?.(partial);
    await cp.flush();
    const cot = config.cotPort === null && config.cotTlsPort === null ? null : await startCotServer(built.ctx);
    let stopping: Promise<void> | null = null;
    return {
      ...partial,
      cot,
      url: `http://localhost:${port}`,
      stop() {
        stopping ??= (async () => {
          await cot?.close();
          await built.app.close();
          await cp.flush();
          await bus.close();
          await db.close();
        })();
        return stopping;
      },
    };
  } catch (err) {
    await built.app.close();
    await bus.close();
    await db.close();
    throw err;
  }
}
