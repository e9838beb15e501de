import { afterEach, describe, expect, it } from 'vitest';
import { uniq } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends, postgresUrl } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import type { Db } from '../../platform/db/db.ts';
import { openPostgres } from '../../platform/db/open-postgres.ts';
import { copRuntime } from './cop-runtime.ts';
import { ingestReports } from './ingest-reports.ts';
import { systemActor } from './track-access.ts';

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('position writer connections on %s', (_n, backend) => {
  let t: TestApp | null = null;
  let small: Db | null = null;
  let release: () => void = () => undefined;
  afterEach(async () => {
    release();
    await t?.close();
    await small?.close();
    t = null;
    small = null;
  });

  it('commits positions while every connection of the shared pool is taken by other work', async () => {
    const shared = await backend.db();
    if (shared.kind === 'pglite') {
      // One connection: the writer's lane is the database itself, and its transactions queue as all others do.
      expect(shared.lane('positions', 4)).toBe(shared);
      return;
    }
    small = openPostgres(postgresUrl()!, { max: 2 });
    t = await testApp(small, { config: { trackFlushMs: 5 } });
    const rt = copRuntime(t.ctx);
    await rt.loaded();
    // Two long transactions (an analysis, a slow report) take both connections of the shared pool.
    const gate = new Promise<void>((r) => (release = r));
    let entered = 0;
    let bothIn: () => void = () => undefined;
    const holding = new Promise<void>((r) => (bothIn = r));
    const hold = (db: Db) =>
      db.transaction(async () => {
        if (++entered === 2) bothIn();
        await gate;
      });
    const held = [hold(small), hold(small)];
    await holding;
    expect(small.stats()).toMatchObject({ total: 2, idle: 0 });
    // A device's report is still committed (and its sender answered) on the writer's own connections.
    const uid = `LANE-${uniq()}`;
    const result = await ingestReports(t.ctx, systemActor('PNP'), [
      { uid, type: 'a-f-G-U-C', lat: -12.05, lon: -77.04, time: new Date().toISOString(), source: 'api', agency: 'PNP', classification: 'PUBLICO' },
    ]);
    expect(result).toMatchObject({ accepted: 1, duplicates: 0, rejected: [] });
    release();
    await Promise.all(held);
    const stored = await small.query<{ n: number }>('SELECT count(*)::int AS n FROM cop_track_history WHERE uid = $1', [uid]);
    expect(stored.rows[0]?.n).toBe(1);
  });
});
