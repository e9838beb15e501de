import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGzip, createGunzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { DATASETS, DEFAULT_DATA_DIR, importIncidentDataset } from './import-dataset.ts';

/** The first `rows` data rows of a shipped file, gzipped again under the same name in `dir`. */
async function slice(file: string, dir: string, rows: number): Promise<void> {
  const gunzip = createGunzip();
  const input = createReadStream(join(DEFAULT_DATA_DIR, file)).on('error', (err) => gunzip.destroy(err));
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  const gzip = createGzip();
  const done = new Promise<void>((ok, fail) => gzip.pipe(createWriteStream(join(dir, file))).on('finish', ok).on('error', fail));
  let n = -1;
  for await (const line of lines) {
    gzip.write(`${line}\n`);
    if (++n >= rows) break;
  }
  gzip.end();
  await done;
}

const ROWS = 400;

// The real files are not committed (they are the workplace's shared data, beside the repository).
const shared = existsSync(join(DEFAULT_DATA_DIR, DATASETS.chicago.file)) && existsSync(join(DEFAULT_DATA_DIR, DATASETS.vancouver.file));
if (!shared) console.warn(`[test] real incident files skipped: ${DEFAULT_DATA_DIR} does not hold the Chicago and Vancouver files`);

/**
 * `enlace import-incidents chicago|vancouver` on the real files (their first 400 rows, so the test stays quick): every
 * row maps, lands where the city is, and a second run creates nothing.
 */
describe.skipIf(!shared).each(backends().map((b) => [b.name, b] as [string, Backend]))('real incident files on %s', (_n, backend) => {
  let t: TestApp;
  let analyst: TestUser;
  let dir: string;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    analyst = await makeUser(db, { role: 'analyst', agency: 'PNP' });
    dir = mkdtempSync(join(tmpdir(), 'enlace-datasets-'));
    await slice(DATASETS.chicago.file, dir, ROWS);
    await slice(DATASETS.vancouver.file, dir, ROWS);
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
    const go = () => importIncidentDataset({ config: t.ctx.config, db: t.ctx.db, dataset, username: analyst.user.username, dataDir: dir });
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
