import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { DATASETS, importIncidentDataset } from './import-dataset.ts';

/** The first 400 rows of each real file, committed with their licence (test/fixtures/incidents/README.md). */
const FIXTURES = resolve(import.meta.dirname, '../../../../../test/fixtures/incidents');
const ROWS = 400;

/**
 * `enlace import-incidents chicago|vancouver` on the real files (their first 400 rows, committed as fixtures): every
 * row maps, lands where the city is, and a second run creates nothing.
 */
describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('real incident files on %s', (_n, backend) => {
  let t: TestApp;
  let analyst: TestUser;
  let dir: string;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    analyst = await makeUser(db, { role: 'analyst', agency: 'PNP' });
    dir = mkdtempSync(join(tmpdir(), 'enlace-datasets-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a missing file with where to find it, instead of waiting', async () => {
    await expect(importIncidentDataset({ config: t.ctx.config, db: t.ctx.db, dataset: 'chicago', username: analyst.user.username, dataDir: join(dir, 'nowhere') }))
      .rejects.toThrow(/ENLACE_INCIDENT_DATA_DIR/);
  });

  it.each([
    ['chicago', 'LESIONES', [-87.95, 41.6, -87.5, 42.05]],
    ['vancouver', 'HURTO', [-123.3, 49.19, -123.0, 49.32]],
  ] as const)('imports %s: every row typed and placed in the city, idempotent', async (dataset, mainType, [w, s, e, n]) => {
    const go = () => importIncidentDataset({ config: t.ctx.config, db: t.ctx.db, dataset, username: analyst.user.username, dataDir: FIXTURES });
    const first = await go();
    expect(first.rows).toBe(ROWS);
    expect(first.errors).toEqual([]);
    expect(first.run.status).toBe('applied');
    expect(first.run.counts.created + first.run.counts.unchanged).toBe(ROWS);
    const source = DATASETS[dataset].options.source;
    const stored = await t.ctx.db.query<{ n: number; main: number; inside: number; public: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE crime_type = $2)::int AS main,
              count(*) FILTER (WHERE ST_X(location) BETWEEN $3 AND $4 AND ST_Y(location) BETWEEN $5 AND $6)::int AS inside,
              count(*) FILTER (WHERE classification = 'PUBLICO' AND agency = 'PNP')::int AS public
         FROM incident WHERE source = $1 AND import_run_id IS NOT NULL`,
      [source, mainType, w, e, s, n],
    );
    expect(stored.rows[0]!.n).toBeGreaterThanOrEqual(ROWS);
    expect(stored.rows[0]).toMatchObject({ inside: stored.rows[0]!.n, public: stored.rows[0]!.n });
    expect(stored.rows[0]!.main).toBeGreaterThan(0);

    const again = await go();
    expect(again.run).toMatchObject({ status: 'applied', counts: { created: 0, unchanged: ROWS } });
  });
});
