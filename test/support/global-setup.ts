import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { listMigrations, migrate } from '../../apps/server/src/platform/db/migrate.ts';
import { openPglite } from '../../apps/server/src/platform/db/open-pglite.ts';
import { openPostgres } from '../../apps/server/src/platform/db/open-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string | null;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Fingerprint of everything that shapes a migrated database, so the template is rebuilt when it changes. */
function schemaFingerprint(): string {
  const h = createHash('sha256');
  for (const m of listMigrations()) h.update(m.file).update(m.checksum);
  const refDir = join(ROOT, 'reference');
  if (existsSync(join(refDir, 'VERSION'))) h.update(readFileSync(join(refDir, 'VERSION')));
  return h.digest('hex').slice(0, 16);
}

/**
 * Prepares, once per test run, a migrated PGlite data directory dumped to a tarball that test files
 * load (`loadDataDir`) instead of creating and migrating a cluster each time; and migrates the test
 * PostgreSQL database when ENLACE_TEST_DATABASE_URL is set.
 */
export default async function setup(project: TestProject): Promise<void> {
  const dir = join(ROOT, '.tmp', 'test');
  mkdirSync(dir, { recursive: true });
  const template = join(dir, `pglite-template-${schemaFingerprint()}.tar`);
  if (!existsSync(template)) {
    const started = Date.now();
    process.stderr.write('[test setup] preparing the PGlite template (PostGIS + migrations)...\n');
    const db = await openPglite();
    await migrate(db);
    const dump = await db.pglite.dumpDataDir('none');
    await db.close();
    writeFileSync(`${template}.part`, Buffer.from(await dump.arrayBuffer()));
    renameSync(`${template}.part`, template);
    process.stderr.write(`[test setup] template ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  project.provide('pgliteTemplate', template);

  const url = process.env.ENLACE_TEST_DATABASE_URL || null;
  if (url) {
    const db = openPostgres(url, { max: 2 });
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
  } else {
    process.stderr.write(
      '[test setup] ENLACE_TEST_DATABASE_URL is not set: PostgreSQL variants of the database tests are skipped.\n',
    );
  }
  project.provide('postgresUrl', url);
}
