import { randomUUID } from 'node:crypto';
import type { TCopDrawing } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeEvaluations, square, storeEvaluation } from '../../../../../test/support/evaluations.ts';
import type { StoredEvaluation } from '../../../../../test/support/evaluations.ts';
import { makeUser } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { LAWFUL_AREAS_CHANGED_SUBJECT } from '../legal/announce-lawful-areas-changed.ts';
import { copRuntime } from './cop-runtime.ts';
import { TASK_AREA_COLOR } from './picture-drawings.ts';

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('GET /api/v1/task-areas on %s', (_n, backend) => {
  let t: TestApp;
  let pnpOp: TestUser;
  let pnpField: TestUser;
  let epField: TestUser;
  let ccffaa: TestUser;
  let navyOp: TestUser;
  let trainer: TestUser;
  const evaluations: string[] = [];

  const evaluation = async (e: Partial<StoredEvaluation> & Pick<StoredEvaluation, 'agency' | 'classification'>): Promise<string> => {
    const id = await storeEvaluation(t.ctx.db, { decision: 'allowed', unitId: randomUUID(), start: -1, end: 2, geometry: square(-77.05, -12.08), ...e });
    evaluations.push(id);
    return id;
  };
  const uids = async (u: TestUser): Promise<string[]> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/task-areas', headers: u.auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: TCopDrawing[] }>().items.map((d) => d.uid);
  };
  const task = (id: string): string => `ENLACE-TASK-${id}`;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    pnpOp = await makeUser(db, { role: 'operator', agency: 'PNP', clearance: 'RESERVADO' });
    pnpField = await makeUser(db, { role: 'field', agency: 'PNP', clearance: 'CONFIDENCIAL' });
    epField = await makeUser(db, { role: 'field', agency: 'EP', clearance: 'CONFIDENCIAL' });
    ccffaa = await makeUser(db, { role: 'commander', agency: 'CCFFAA' });
    navyOp = await makeUser(db, { role: 'operator', agency: 'MGP', clearance: 'SECRETO' });
    trainer = await makeUser(db, { role: 'trainer', agency: 'EP' });
  });
  afterAll(async () => {
    if (t) await removeEvaluations(t.ctx.db, evaluations);
    await t?.close();
  });

  it('lists the task areas in force of the evaluations the caller may read, per agency and classification', async () => {
    const conf = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', unitName: 'Sección Halcón', legalBasis: ['DS-001-2026-PCM'] });
    const reserved = await evaluation({ agency: 'PNP', classification: 'RESERVADO', decision: 'conditional' });
    const army = await evaluation({ agency: 'EP', classification: 'CONFIDENCIAL' });
    const armyReserved = await evaluation({ agency: 'EP', classification: 'RESERVADO' });
    const ended = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', start: -9, end: -1 });
    const moving = randomUUID();
    const superseded = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', unitId: moving, ageSeconds: 120 });
    const newer = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', unitId: moving, start: 1, end: 3, geometry: square(-77.0, -12.0) });
    copRuntime(t.ctx).refreshLawfulAreas();

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/task-areas', headers: pnpField.auth });
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json<{ items: TCopDrawing[] }>().items;
    expect(mine.find((d) => d.uid === task(conf))).toMatchObject({
      name: 'Área de tarea: Sección Halcón – PATRULLAJE_CONJUNTO (DS-001-2026-PCM)',
      stroke: TASK_AREA_COLOR,
      permission: 'geofence:read',
      agency: 'PNP',
      classification: 'CONFIDENCIAL',
      geometry: { type: 'MultiPolygon' },
    });
    const field = mine.map((d) => d.uid);
    expect(field, 'above the field user’s clearance').not.toContain(task(reserved));
    expect(field, 'a military unit’s task area reaches the PNP, which coordinates it').toContain(task(army));
    expect(mine.find((d) => d.uid === task(army))?.audience).toEqual(['PNP', 'CCFFAA']);
    expect(field, 'a military task area above the field user’s clearance').not.toContain(task(armyReserved));
    expect(field, 'period ended').not.toContain(task(ended));
    expect(field, 'superseded by a newer evaluation of the unit and task').not.toContain(task(superseded));
    expect(field, 'the newer evaluation is in force from tomorrow').not.toContain(task(newer));

    expect(await uids(pnpOp)).toEqual(expect.arrayContaining([task(conf), task(reserved), task(army), task(armyReserved)]));
    const ep = await uids(epField);
    expect(ep).toContain(task(army));
    expect(ep, 'a PNP evaluation is not shared with the services').not.toContain(task(conf));
    expect(await uids(ccffaa), 'the joint command reads the services’ records').toEqual(expect.arrayContaining([task(army), task(armyReserved)]));
    const navy = await uids(navyOp);
    expect(navy, 'another service’s task area is not shared with the navy').not.toContain(task(army));
    expect(navy).not.toContain(task(conf));
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/task-areas', headers: trainer.auth });
    expect(refused.statusCode, 'no geofence:read').toBe(403);
  });

  it('lists a newly stored evaluation as soon as its signal arrives', async () => {
    expect(await uids(pnpField)).toBeDefined(); // the copy of the lawful areas is read now
    const fresh = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL' });
    await t.ctx.bus.publish(LAWFUL_AREAS_CHANGED_SUBJECT, { cause: 'evaluation', id: fresh });
    await new Promise((ok) => setImmediate(ok)); // the in-process bus delivers on the next turn
    expect(await uids(pnpField)).toContain(task(fresh));
  });

  it('keeps a unit’s task area however many evaluations are stored after it (what-if evaluations of other units)', async () => {
    const kept = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', ageSeconds: 600 });
    const actor = `bulk-${randomUUID()}`;
    try {
      // 1,200 newer evaluations of other units, allowed and denied, written in one statement.
      await t.ctx.db.query(
        `INSERT INTO tasking_evaluation (actor, agency, classification, input, result, rule_set_version, decision)
         SELECT $1, 'PNP', 'CONFIDENCIAL',
                jsonb_build_object('unit', jsonb_build_object('id', gen_random_uuid()::text), 'task', 'PUESTO_CONTROL',
                                   'area', jsonb_build_object('ubigeo', jsonb_build_array('150132')), 'start', $2::text, 'end', $3::text),
                jsonb_build_object('decision', d, 'legalBasis', '[]'::jsonb, 'findings', '[]'::jsonb), 'test', d
           FROM generate_series(1, 1200) g, LATERAL (SELECT CASE WHEN g % 2 = 0 THEN 'denied' ELSE 'allowed' END AS d) x`,
        [actor, '2026-01-01', '2026-01-31'],
      );
      copRuntime(t.ctx).refreshLawfulAreas();
      expect(await uids(pnpField)).toContain(task(kept));
    } finally {
      await t.ctx.db.query('DELETE FROM tasking_evaluation WHERE actor = $1', [actor]);
    }
  });

  it('reads a request’s period as the evaluator does: dates are whole Lima days, a time without offset is Lima time', async () => {
    const moment = async (s: string, end: boolean): Promise<string | null> =>
      (await t.ctx.db.query<{ m: Date | null }>('SELECT enlace_lima_moment($1, $2) AS m', [s, end])).rows[0]!.m?.toISOString() ?? null;
    expect(await moment('2026-03-01', false)).toBe('2026-03-01T05:00:00.000Z');
    expect(await moment('2026-03-01', true)).toBe('2026-03-02T04:59:59.999Z');
    expect(await moment('2026-03-01T10:30', false)).toBe('2026-03-01T15:30:00.000Z');
    expect(await moment('2026-03-01T10:30:15Z', true)).toBe('2026-03-01T10:30:15.000Z');
    expect(await moment('2026-03-01T10:30:15.5+01:00', false)).toBe('2026-03-01T09:30:15.500Z');
    expect(await moment('2026-02-30', false)).toBeNull();
    expect(await moment('mañana', true)).toBeNull();
  });
});
