import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import type { Db } from './db.ts';
import { openPglite } from './open-pglite.ts';
import { openPostgres } from './open-postgres.ts';

/** A start-up failure with a message meant for the person starting the server. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/**
 * Opens the configured database: PostgreSQL + PostGIS when `DATABASE_URL` is set, otherwise the embedded
 * PGlite in `$ENLACE_DATA_DIR/db`. Fails with a clear message when PostgreSQL lacks PostGIS.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (!config.databaseUrl) return openPglite({ dataDir: join(config.dataDir, 'db') });
  const db = openPostgres(config.databaseUrl);
  try {
    const r = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_available_extensions WHERE name = 'postgis'",
    );
    if ((r.rows[0]?.n ?? 0) === 0) {
      throw new StartupError(
        'PostGIS is not installed on the PostgreSQL server at DATABASE_URL. Install it (Debian: ' +
          'apt-get install postgresql-15-postgis-3) and start again; Enlace needs PostGIS 3.3 or newer.',
      );
    }
  } catch (err) {
    await db.close();
    if (err instanceof StartupError) throw err;
    throw new StartupError(`Cannot connect to PostgreSQL at DATABASE_URL: ${(err as Error).message}`);
  }
  return db;
}
