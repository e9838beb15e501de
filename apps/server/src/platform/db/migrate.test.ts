import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postgresUrl, sharedPgliteDb } from '../../../../../test/support/test-db.ts';
import { appliedVersions, isMigrated, listMigrations, migrate } from './migrate.ts';
import { openPostgres } from './open-postgres.ts';

describe('migrations', () => {
  it('are applied in full on the embedded database (the run template was migrated from empty)', async () => {
    const db = await sharedPgliteDb();
    expect(await isMigrated(db)).toBe(true);
    const applied = await appliedVersions(db);
    expect([...applied.keys()].sort((a, b) => a - b)).toEqual(listMigrations().map((m) => m.version));
    expect(await migrate(db)).toBe(0);
    const gist = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_indexes WHERE indexdef ILIKE '%USING gist%' AND tablename LIKE 'ref_%'",
    );
    expect(gist.rows[0]!.n).toBeGreaterThanOrEqual(4);
  });

  it('refuses to run when an applied migration file was changed', async () => {
    const db = await sharedPgliteDb();
    const dir = mkdtempSync(join(tmpdir(), 'enlace-mig-'));
    const [first] = listMigrations();
    writeFileSync(join(dir, `${String(first!.version).padStart(4, '0')}_platform.sql`), '-- edited after the fact\n');
    await expect(migrate(db, {}, dir)).rejects.toThrow(/changed after it was applied/);
  });

  it.skipIf(!postgresUrl())('apply from empty on PostgreSQL, once, with PostGIS', async () => {
    const admin = openPostgres(postgresUrl()!, { max: 1 });
    const name = `enlace_mig_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(postgresUrl()!);
    url.pathname = `/${name}`;
    const db = openPostgres(url.toString(), { max: 4 });
    try {
      const n = await migrate(db);
      expect(n).toBe(listMigrations().length);
      expect(await migrate(db)).toBe(0);
      const v = await db.query<{ v: string }>('SELECT postgis_lib_version() AS v');
      expect(v.rows[0]!.v).toMatch(/^3\./);
      const districts = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ref_district');
      expect(districts.rows[0]!.n).toBeGreaterThan(1800);
    } finally {
      await db.close();
      await admin.query(`DROP DATABASE ${name}`);
      await admin.close();
    }
  }, 180_000);
});
if (!postgresUrl()) console.warn('[skip] ENLACE_TEST_DATABASE_URL is not set; PostgreSQL from-empty migration skipped');
