import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/db.ts';
import { openPgliteFromTemplate, postgresUrl, sharedPostgresDb } from '../../../../../test/support/test-db.ts';
import { ensureAdmin } from './ensure-admin.ts';

// A fresh embedded database (no admin yet); PostgreSQL uses the run's shared database, where another test's server
// may already have created the admin, so there at most one of the racing starts may create it.
const variants: [string, () => Promise<Db>, boolean][] = [['pglite', openPgliteFromTemplate, true]];
if (postgresUrl()) variants.push(['postgres', async () => sharedPostgresDb(), false]);

describe.each(variants)('first admin on %s', (_n, open, fresh) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    if (fresh) await db.close();
  });

  it('is created once when several instances start at the same moment; the others find it', async () => {
    const results = await Promise.all([ensureAdmin(db, null), ensureAdmin(db, null), ensureAdmin(db, null)]);
    const created = results.filter((r) => r.created);
    expect(created.length).toBe(fresh ? 1 : created.length);
    expect(created.length).toBeLessThanOrEqual(1);
    expect(results.filter((r) => r.generatedPassword !== null)).toHaveLength(created.length);
    const users = await db.query<{ id: string }>(`SELECT id::text AS id FROM app_user WHERE username = 'admin'`);
    expect(users.rows).toHaveLength(1);
    const audited = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'user' AND action = 'create' AND entity_id = $1`,
      [users.rows[0]!.id],
    );
    expect(audited.rows[0]!.n).toBe(1);
  });

  it('leaves an existing admin alone on the next start', async () => {
    expect(await ensureAdmin(db, 'another-password-123')).toEqual({ created: false, generatedPassword: null });
  });
});
