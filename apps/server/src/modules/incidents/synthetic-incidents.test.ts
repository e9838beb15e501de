import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { SYNTHETIC_SOURCE, seedSyntheticIncidents, syntheticIncidents } from './synthetic-incidents.ts';

describe('synthetic demo incidents', () => {
  it('are reproducible, in the past, and clustered (the densest 1 % of 250 m cells hold far more than 1 %)', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const a = syntheticIncidents({ count: 3000, now });
    expect(a).toEqual(syntheticIncidents({ count: 3000, now }));
    expect(a.length).toBeGreaterThan(2900);
    expect(a.every((e) => e.at <= now && e.at.getTime() > now.getTime() - 190 * 86_400_000)).toBe(true);
    const cells = new Map<string, number>();
    for (const e of a) {
      const key = `${Math.floor(e.lon / 0.00225)}:${Math.floor(e.lat / 0.00225)}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    const sorted = [...cells.values()].sort((x, y) => y - x);
    const box = ((0.15 / 0.00225) * (0.27 / 0.00225)) | 0;
    const top = sorted.slice(0, Math.ceil(box * 0.01)).reduce((s, v) => s + v, 0);
    expect(top / a.length).toBeGreaterThan(0.1);
  });
});

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('synthetic demo incidents on %s', (_n, backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(await backend.db());
  });
  afterAll(async () => t.close());

  it('are stored labelled SINTETICO, placed in Lima and Callao districts, and seeding again adds none', async () => {
    const now = new Date('2024-01-01T12:00:00Z');
    const count = (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incident WHERE source = $1', [SYNTHETIC_SOURCE])).rows[0]!.n;
    const created = await seedSyntheticIncidents(t.ctx.db, undefined, { count: 400, now });
    expect(created + count).toBeGreaterThanOrEqual(390);
    expect(await seedSyntheticIncidents(t.ctx.db, undefined, { count: 400, now })).toBe(0);
    const r = await t.ctx.db.query<{ n: number; placed: number; desc: string }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE left(ubigeo, 4) IN ('1501', '0701'))::int AS placed, min(description) AS desc
       FROM incident WHERE source = $1 AND created_by = 'demo-seed'`,
      [SYNTHETIC_SOURCE],
    );
    expect(r.rows[0]!.placed / r.rows[0]!.n).toBeGreaterThan(0.95);
    expect(r.rows[0]!.desc).toMatch(/sintético/);
  });
});
