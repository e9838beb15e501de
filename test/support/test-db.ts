import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { Db } from '../../apps/server/src/platform/db/db.ts';
import { openPglite } from '../../apps/server/src/platform/db/open-pglite.ts';
import { openPostgres } from '../../apps/server/src/platform/db/open-postgres.ts';

let sharedPglite: Promise<Db> | undefined;
let sharedPostgres: Db | undefined;

/** Loads a fresh PGlite from the run's migrated template (about 4 s: use the shared one unless you must not). */
export async function openPgliteFromTemplate(): Promise<Db> {
  const bytes = readFileSync(inject('pgliteTemplate'));
  return openPglite({ loadDataDir: new Blob([bytes]) });
}

/** The run's shared embedded database, opened once for all test files (they run in one worker). */
export function sharedPgliteDb(): Promise<Db> {
  sharedPglite ??= openPgliteFromTemplate();
  return sharedPglite;
}

/** The test PostgreSQL URL, or null (then PostgreSQL variants skip with a printed reason). */
export function postgresUrl(): string | null {
  return inject('postgresUrl');
}

/** The run's shared PostgreSQL pool (migrated by the global setup). */
export function sharedPostgresDb(): Db {
  const url = postgresUrl();
  if (!url) throw new Error('ENLACE_TEST_DATABASE_URL is not set');
  sharedPostgres ??= openPostgres(url, { max: 20 });
  return sharedPostgres;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  db(): Promise<Db>;
}

const SKIP_REASON = 'ENLACE_TEST_DATABASE_URL is not set; PostgreSQL variant skipped';
let warned = false;

/**
 * The back ends every database test runs on: PGlite always, PostgreSQL when configured.
 * Use with `describe.each(backends())`; prints once why PostgreSQL is skipped.
 */
export function backends(): Backend[] {
  const list: Backend[] = [{ name: 'pglite', db: sharedPgliteDb }];
  if (postgresUrl()) list.push({ name: 'postgres', db: async () => sharedPostgresDb() });
  else if (!warned) {
    warned = true;
    console.warn(`[skip] ${SKIP_REASON}`);
  }
  return list;
}

/**
 * A PostgreSQL database of a test's own, beside the run's shared one on the same server (named after it with
 * `suffix`), dropped and created empty with PostGIS; the server processes a test starts on it migrate it. For tests
 * that must not see what the other files leave in the shared database (a browser test measuring the map would
 * otherwise draw every track the other tests posted). Returns its URL, or null when no test PostgreSQL is set.
 */
export async function ownPostgresDatabase(suffix: string): Promise<string | null> {
  const shared = postgresUrl();
  if (!shared) return null;
  const url = new URL(shared);
  const name = `${url.pathname.slice(1)}_${suffix}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const admin = openPostgres(shared, { max: 1 });
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  url.pathname = `/${name}`;
  const own = openPostgres(url.toString(), { max: 1 });
  try {
    await own.query('CREATE EXTENSION IF NOT EXISTS postgis');
  } finally {
    await own.close();
  }
  return url.toString();
}
