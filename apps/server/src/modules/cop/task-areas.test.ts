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
    expect(field, 'another agency’s evaluation').not.toContain(task(army));
    expect(field, 'period ended').not.toContain(task(ended));
    expect(field, 'superseded by a newer evaluation of the unit and task').not.toContain(task(superseded));
    expect(field, 'the newer evaluation is in force from tomorrow').not.toContain(task(newer));

    expect(await uids(pnpOp)).toEqual(expect.arrayContaining([task(conf), task(reserved)]));
    const ep = await uids(epField);
    expect(ep).toContain(task(army));
    expect(ep).not.toContain(task(conf));
    expect(await uids(ccffaa), 'the joint command reads the services’ records').toContain(task(army));
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
});
