import type { TEquipment, TUnit } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('reads of classified equipment on %s', (_n, backend) => {
  let t: TestApp;
  let planner: TestUser;
  let unit: TUnit;
  let classified: TEquipment;
  let open: TEquipment;

  const get = async <T>(url: string): Promise<{ status: number; body: T }> => {
    const res = await t.app.inject({ method: 'GET', url, headers: planner.auth });
    return { status: res.statusCode, body: res.json<T>() };
  };
  /** Audit entries of reads of one equipment record by the planner. */
  const reads = async (id: string): Promise<number> => {
    const r = await t.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'read' AND entity_type = 'equipment' AND entity_id = $1 AND actor = $2",
      [id, planner.user.username],
    );
    return r.rows[0]!.n;
  };

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    const cmd = await makeUser(db, { role: 'commander', agency: 'EP' });
    planner = await makeUser(db, { role: 'planner', agency: 'EP' });
    unit = await makeUnit(db, { agency: 'EP', classification: 'PUBLICO' });
    const post = async (payload: Record<string, unknown>): Promise<TEquipment> => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/equipment', headers: cmd.auth, payload: { unitId: unit.id, ...payload } });
      expect(res.statusCode).toBe(201);
      return res.json<TEquipment>();
    };
    classified = await post({ category: 'RADIO', item: 'Harris L3 (RESERVADO)', quantity: 6, classification: 'RESERVADO', radio: { modes: ['P25'], talkgroups: ['EP-2DE'] } });
    open = await post({ category: 'BASTON', item: 'Vara', quantity: 10, classification: 'PUBLICO' });
  });
  afterAll(async () => t.close());

  it('audits reading one classified record, not a PUBLICO one', async () => {
    expect((await get(`/api/v1/equipment/${classified.id}`)).status).toBe(200);
    expect((await get(`/api/v1/equipment/${open.id}`)).status).toBe(200);
    expect(await reads(classified.id)).toBe(1);
    expect(await reads(open.id)).toBe(0);
  });

  it('audits each classified record of a list and of a unit\'s summary', async () => {
    const list = await get<{ items: TEquipment[] }>(`/api/v1/equipment?unitId=${unit.id}`);
    expect(list.body.items.map((e) => e.id).sort()).toEqual([classified.id, open.id].sort());
    expect(await reads(classified.id)).toBe(2);
    const summary = await get<{ items: { category: string; serviceable: number }[] }>(`/api/v1/units/${unit.id}/equipment-summary`);
    expect(summary.body.items).toContainEqual(expect.objectContaining({ category: 'RADIO', serviceable: 6 }));
    expect(await reads(classified.id)).toBe(3);
    expect(await reads(open.id)).toBe(0);
  });
});
