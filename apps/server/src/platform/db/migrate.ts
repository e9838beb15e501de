import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Db, Queryable } from './db.ts';

/** Where the versioned migrations live: `NNNN_name.sql`, or `NNNN_name.ts` exporting `up(tx)` for data loads. */
export const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../../migrations');

export interface Migration {
  version: number;
  name: string;
  file: string;
  checksum: string;
}

/** A migration written in TypeScript, for loading reference data. */
export interface CodeMigration {
  up(tx: Queryable, progress: (done: number, total: number) => void): Promise<void>;
}

const MIGRATION_LOCK = 727_000;

/** Lists the migrations on disk, in version order. */
export function listMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.(sql|ts)$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.(sql|ts)$/, ''),
      file: join(dir, file),
      checksum: createHash('sha256').update(readFileSync(join(dir, file))).digest('hex'),
    }));
}

export interface MigrateEvents {
  onStart?(m: Migration): void;
  onProgress?(m: Migration, done: number, total: number): void;
  onDone?(m: Migration, ms: number): void;
}

/** The versions recorded as applied, or an empty list on a new database. */
export async function appliedVersions(db: Queryable): Promise<Map<number, string>> {
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass('public.schema_migrations')::text AS t");
  if (!exists.rows[0]?.t) return new Map();
  const r = await db.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations');
  return new Map(r.rows.map((row) => [row.version, row.checksum]));
}

/** True when every migration on disk is applied. */
export async function isMigrated(db: Queryable, dir: string = MIGRATIONS_DIR): Promise<boolean> {
  const applied = await appliedVersions(db);
  return listMigrations(dir).every((m) => applied.has(m.version));
}

/**
 * Applies pending migrations, each in its own transaction under an advisory lock, so several server
 * instances starting at once apply each migration exactly once. Refuses to run when an applied migration
 * file has changed since.
 */
export async function migrate(db: Db, events: MigrateEvents = {}, dir: string = MIGRATIONS_DIR): Promise<number> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`);
  let count = 0;
  for (const m of listMigrations(dir)) {
    const applied = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const r = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE version = $1', [
        m.version,
      ]);
      const previous = r.rows[0];
      if (previous) {
        if (previous.checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} changed after it was applied; write a new migration instead.`);
        }
        return false;
      }
      events.onStart?.(m);
      const started = Date.now();
      if (m.file.endsWith('.sql')) {
        await tx.exec(readFileSync(m.file, 'utf8'));
      } else {
        const mod = (await import(pathToFileURL(m.file).href)) as CodeMigration;
        await mod.up(tx, (done, total) => events.onProgress?.(m, done, total));
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      events.onDone?.(m, Date.now() - started);
      return true;
    });
    if (applied) count++;
  }
  return count;
}
