import type { TEquipment, TPerson, TSecondment, TUnit, TUnitHierarchy } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import { loadUnitMembersAndEquipment } from './load-unit-members-and-equipment.ts';
import { upsertPerson } from './upsert-person.ts';

/** A DNI no other test uses (8 digits). */
const dni = (): string => String(10_000_000 + Math.floor(Math.random() * 89_999_999));

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('forces: personnel, equipment, secondments on %s', (_n, backend) => {
  let t: TestApp;
  const u: Record<string, TestUser> = {};
  let epUnit: TUnit;
  let epPublic: TUnit;
  let epOther: TUnit;

  const post = async <T>(who: string, url: string, payload: unknown): Promise<{ status: number; body: T }> => {
    const res = await t.app.inject({ method: 'POST', url, headers: u[who]!.auth, payload: payload as object });
    return { status: res.statusCode, body: res.json<T>() };
  };
  const get = async <T>(who: string, url: string): Promise<{ status: number; body: T }> => {
    const res = await t.app.inject({ method: 'GET', url, headers: u[who]!.auth });
    return { status: res.statusCode, body: res.json<T>() };
  };
  const member = (unitId: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    unitId,
    givenNames: 'Juan Carlos',
    familyNames: `Quispe ${uniq()}`,
    rank: 'Sgto. 2°',
    specialty: 'Infantería',
    documentType: 'DNI',
    documentNumber: dni(),
    birthDate: '1995-04-12',
    phone: '+51 987 654 321',
    ...extra,
  });

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    epUnit = await makeUnit(db, { agency: 'EP', classification: 'CONFIDENCIAL' });
    epOther = await makeUnit(db, { agency: 'EP', classification: 'CONFIDENCIAL' });
    epPublic = await makeUnit(db, { agency: 'EP', classification: 'PUBLICO' });
    for (const [key, role, agency] of [
      ['epCmd', 'commander', 'EP'],
      ['epCmd2', 'commander', 'EP'],
      ['epPlanner', 'planner', 'EP'],
      ['epTrainer', 'trainer', 'EP'],
      ['epField', 'field', 'EP'],
      ['pnpTrainer', 'trainer', 'PNP'],
      ['pnpCmd', 'commander', 'PNP'],
      ['dp', 'oversight', 'DP'],
    ] as const) {
      u[key] = await makeUser(db, { role, agency });
    }
  });
  afterAll(async () => t.close());

  it('documents the forces, training and readiness routes in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/v1/personnel', '/api/v1/equipment', '/api/v1/secondments', '/api/v1/units/tree', '/api/v1/units/{id}/hierarchy',
      '/api/v1/training/sessions', '/api/v1/certificates', '/api/v1/certificates/verify/{code}', '/api/v1/readiness/national',
      '/api/v1/readiness/units/{id}/override', '/api/v1/readiness/training-plan',
    ]));
  });

  it('finds members by any words of their names and rank, whatever the case and accents', async () => {
    const family = `Núñez Pérez ${uniq()}`;
    const created = await post<TPerson>('epTrainer', '/api/v1/personnel', member(epUnit.id, { givenNames: 'María José', familyNames: family }));
    expect(created.status).toBe(201);
    const search = async (q: string) =>
      (await get<{ items: TPerson[] }>('epCmd', `/api/v1/personnel?unitId=${epUnit.id}&q=${encodeURIComponent(q)}`)).body.items.map((p) => p.id);
    const run = family.split(' ')[2]!;
    expect(await search(`nunez maria ${run}`)).toEqual([created.body.id]);
    expect(await search(`PÉREZ sgto ${run}`)).toEqual([created.body.id]);
    expect(await search(`josé gómez ${run}`)).toEqual([]);
    expect(await search(`% ${run}`)).toEqual([]);
  });

  it('adds a member to a unit of the own agency; personal data only for roles that need it', async () => {
    const created = await post<TPerson>('epTrainer', '/api/v1/personnel', member(epUnit.id));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ unitId: epUnit.id, agency: 'EP', classification: 'CONFIDENCIAL', status: 'available' });
    // The trainer wrote the record but has no need for personal data.
    expect(created.body.personal).toBeNull();
    const id = created.body.id;

    const byCommander = await get<TPerson>('epCmd', `/api/v1/personnel/${id}`);
    expect(byCommander.status).toBe(200);
    expect(byCommander.body.personal).toMatchObject({ birthDate: '1995-04-12', phone: '+51 987 654 321' });
    expect(byCommander.body.personal?.documentNumber).toMatch(/^\d{8}$/);

    for (const who of ['epPlanner', 'epField', 'epTrainer']) {
      const res = await get<TPerson>(who, `/api/v1/personnel/${id}`);
      expect(res.status).toBe(200);
      expect(res.body.personal).toBeNull();
      expect(JSON.stringify(res.body)).not.toContain('1995-04-12');
    }
    // Oversight (Defensoría) reads personal data by law; the read is audited.
    const byDp = await get<TPerson>('dp', `/api/v1/personnel/${id}`);
    expect(byDp.body.personal?.phone).toBe('+51 987 654 321');
    const audited = await t.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'read-personal' AND entity_id = $1 AND actor = $2",
      [id, u.dp!.user.username],
    );
    expect(audited.rows[0]!.n).toBe(1);

    // Lists hide personal data the same way.
    const list = await get<{ items: TPerson[] }>('epPlanner', `/api/v1/personnel?unitId=${epUnit.id}`);
    expect(list.body.items.map((p) => p.id)).toContain(id);
    expect(list.body.items.every((p) => p.personal === null)).toBe(true);
  });

  it('a PNP trainer cannot edit an Ejército unit\'s roster; an Ejército trainer can', async () => {
    const toPublic = await post('pnpTrainer', '/api/v1/personnel', member(epPublic.id));
    expect(toPublic.status).toBe(403);
    const toClassified = await post<{ error: { code: string } }>('pnpTrainer', '/api/v1/personnel', member(epUnit.id));
    expect(toClassified.status).toBe(422);
    expect(toClassified.body.error.code).toBe('REFERENCE_NOT_FOUND');

    const ep = await post<TPerson>('epTrainer', '/api/v1/personnel', member(epPublic.id, { classification: 'PUBLICO' }));
    expect(ep.status).toBe(201);
    const patchPublic = await t.app.inject({
      method: 'PATCH', url: `/api/v1/personnel/${ep.body.id}`, headers: u.pnpTrainer!.auth, payload: { rank: 'Cabo' },
    });
    expect(patchPublic.statusCode).toBe(403);
    const hidden = await post<TPerson>('epTrainer', '/api/v1/personnel', member(epUnit.id));
    const patchHidden = await t.app.inject({
      method: 'PATCH', url: `/api/v1/personnel/${hidden.body.id}`, headers: u.pnpTrainer!.auth, payload: { rank: 'Cabo' },
    });
    expect(patchHidden.statusCode).toBe(404);
    const own = await t.app.inject({
      method: 'PATCH', url: `/api/v1/personnel/${hidden.body.id}`, headers: u.epTrainer!.auth, payload: { rank: 'Cabo' },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json<TPerson>().rank).toBe('Cabo');
    // A trainer may not change personal fields they may not see.
    const personal = await t.app.inject({
      method: 'PATCH', url: `/api/v1/personnel/${hidden.body.id}`, headers: u.epTrainer!.auth, payload: { phone: '999 111 222' },
    });
    expect(personal.statusCode).toBe(403);
  });

  it('a PNP trainer cannot move an Ejército member off the roster by secondment, nor import into an Ejército roster', async () => {
    const today = new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 10);
    const open = (await post<TPerson>('epTrainer', '/api/v1/personnel', member(epPublic.id, { classification: 'PUBLICO' }))).body;
    const hidden = (await post<TPerson>('epTrainer', '/api/v1/personnel', member(epUnit.id))).body;
    const lend = (personId: string) => post<{ error: { code: string } }>('pnpTrainer', '/api/v1/secondments', {
      personId, toUnitId: epOther.id, startsOn: today, endsOn: '2099-12-31', reason: 'Intento ajeno',
    });
    expect((await lend(open.id)).status).toBe(403);
    expect((await lend(hidden.id)).status).toBe(404);
    // A trainer may import personnel of the own agency; a row naming an Ejército unit is refused, so nothing applies.
    const run = await post<{ id: string }>('pnpTrainer', '/api/v1/imports', { kind: 'personnel', fileName: 'ajeno.csv' });
    expect(run.status).toBe(201);
    const csv = `unidad,tipo_documento,numero_documento,nombres,apellidos,grado\n${epPublic.shortName},DNI,${dni()},Ana,Ajena ${uniq()},Cabo\n`;
    const up = await t.app.inject({
      method: 'PUT', url: `/api/v1/imports/${run.body.id}/file`, headers: { ...u.pnpTrainer!.auth, 'content-type': 'text/csv' }, payload: csv,
    });
    expect(up.json<{ status: string; counts: { errors: number } }>()).toMatchObject({ status: 'invalid', counts: { errors: 1 } });
    const apply = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${run.body.id}/apply`, headers: u.pnpTrainer!.auth });
    expect(apply.statusCode).toBe(409);
    const roster = await get<{ items: TPerson[] }>('epCmd', `/api/v1/personnel?unitId=${epPublic.id}`);
    expect(roster.body.items.filter((p) => p.familyNames.startsWith('Ajena'))).toEqual([]);
  });

  it('refuses a second member with the same document, and refuses bad input with 400', async () => {
    const body = member(epUnit.id);
    expect((await post('epCmd', '/api/v1/personnel', body)).status).toBe(201);
    const again = await post<{ error: { code: string } }>('epCmd', '/api/v1/personnel', { ...body, familyNames: 'Otro' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PERSON_DOCUMENT_TAKEN');
    const badDni = await post<{ error: { code: string } }>('epCmd', '/api/v1/personnel', { ...member(epUnit.id), documentNumber: '12AB' });
    expect(badDni.status).toBe(400);
    const injection = await post('epCmd', '/api/v1/personnel', { ...member(epUnit.id), familyNames: "x'); DROP TABLE person; --" });
    expect(injection.status).toBe(201);
    expect((await t.ctx.db.query('SELECT 1 FROM person LIMIT 1')).rows).toHaveLength(1);
  });

  it('upserts a member by identity document: re-running changes nothing and creates no duplicate', async () => {
    const draft = {
      unitId: epUnit.id, givenNames: 'Rosa', familyNames: `Mamani ${uniq()}`, rank: 'Tte.', status: 'available' as const,
      designatedLethal: false, documentType: 'DNI' as const, documentNumber: dni(), classification: 'CONFIDENCIAL' as const,
      exercise: false,
    };
    const actor = u.epCmd!.actor;
    const run = async (): Promise<string> =>
      (await runAudited({ db: t.ctx.db, actor: auditActorOf(actor) }, (tx, audit) => upsertPerson(tx, audit, actor, draft))).value.outcome;
    expect(await run()).toBe('created');
    expect(await run()).toBe('unchanged');
    draft.rank = 'Capitán';
    expect(await run()).toBe('updated');
    const n = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE document_number = $1', [draft.documentNumber]);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('keeps the equipment rules: lethal weapons by serial to designated members; lots add up; details by category', async () => {
    const armed = (await post<TPerson>('epCmd', '/api/v1/personnel', member(epUnit.id, { designatedLethal: true }))).body;
    const plain = (await post<TPerson>('epCmd', '/api/v1/personnel', member(epUnit.id))).body;
    const serial = `FAL-${uniq()}`;
    const noSerial = await post<{ error: { code: string } }>('epCmd', '/api/v1/equipment', { unitId: epUnit.id, category: 'FUSIL', item: 'FN FAL', assignedTo: armed.id });
    expect(noSerial.body.error.code).toBe('EQUIPMENT_SERIAL_REQUIRED');
    const notDesignated = await post<{ error: { code: string } }>('epCmd', '/api/v1/equipment', {
      unitId: epUnit.id, category: 'FUSIL', item: 'FN FAL', serial, assignedTo: plain.id,
    });
    expect(notDesignated.body.error.code).toBe('EQUIPMENT_LETHAL_NOT_DESIGNATED');
    const rifle = await post<TEquipment>('epCmd', '/api/v1/equipment', { unitId: epUnit.id, category: 'FUSIL', item: 'FN FAL', serial, assignedTo: armed.id });
    expect(rifle.status).toBe(201);
    expect(rifle.body).toMatchObject({ group: 'lethal', quantity: 1, serial: serial.toUpperCase(), assignedTo: armed.id });
    const dup = await post<{ error: { code: string } }>('epCmd', '/api/v1/equipment', { unitId: epUnit.id, category: 'FUSIL', item: 'FN FAL', serial, assignedTo: armed.id });
    expect(dup.body.error.code).toBe('EQUIPMENT_SERIAL_TAKEN');
    const otherUnit = await post<{ error: { code: string } }>('epCmd', '/api/v1/equipment', {
      unitId: epOther.id, category: 'PISTOLA', item: 'Pietro Beretta 92', serial: `P-${uniq()}`, assignedTo: armed.id,
    });
    expect(otherUnit.body.error.code).toBe('EQUIPMENT_ASSIGNEE_INVALID');

    const shields = { unitId: epUnit.id, category: 'ESCUDO', item: 'Escudo antimotines policarbonato', quantity: 40 };
    const first = await post<TEquipment>('epCmd', '/api/v1/equipment', shields);
    const second = await post<TEquipment>('epCmd', '/api/v1/equipment', { ...shields, quantity: 10 });
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.quantity).toBe(50);
    const radio = await post<TEquipment>('epCmd', '/api/v1/equipment', {
      unitId: epUnit.id, category: 'RADIO', item: 'Motorola APX 6000', serial: `R-${uniq()}`, assignedTo: plain.id,
      radio: { modes: ['P25', 'analog'], talkgroups: ['CCFFAA-LIMA-1'] },
    });
    expect(radio.body.radio).toEqual({ modes: ['P25', 'analog'], talkgroups: ['CCFFAA-LIMA-1'] });
    const mismatch = await post<{ error: { code: string } }>('epCmd', '/api/v1/equipment', {
      unitId: epUnit.id, category: 'CASCO', item: 'Casco', radio: { modes: ['DMR'] },
    });
    expect(mismatch.body.error.code).toBe('EQUIPMENT_DETAILS_MISMATCH');
    const repair = await t.app.inject({
      method: 'PATCH', url: `/api/v1/equipment/${first.body.id}`, headers: u.epCmd!.auth, payload: { condition: 'in_repair' },
    });
    expect(repair.json<TEquipment>().condition).toBe('in_repair');

    const summary = await get<{ items: { category: string; serviceable: number; inRepair: number }[] }>(
      'epField', `/api/v1/units/${epUnit.id}/equipment-summary`,
    );
    expect(summary.body.items.find((r) => r.category === 'ESCUDO')).toMatchObject({ serviceable: 0, inRepair: 50 });
    expect(summary.body.items.find((r) => r.category === 'FUSIL')).toMatchObject({ serviceable: 1 });
    // The PNP cannot see the Ejército's classified equipment.
    const pnp = await get<{ items: TEquipment[] }>('pnpCmd', `/api/v1/equipment?unitId=${epUnit.id}`);
    expect(pnp.body.items).toEqual([]);
    expect((await get('pnpCmd', `/api/v1/equipment/${rifle.body.id}`)).status).toBe(404);

    const byGroup = await get<{ items: TEquipment[] }>('epCmd', `/api/v1/equipment?unitId=${epUnit.id}&group=crowd_control`);
    expect(byGroup.body.items.map((e) => e.category)).toEqual(['ESCUDO']);
  });

  it('lends a member for a period once another commander approves; the roster follows', async () => {
    const lent = (await post<TPerson>('epCmd', '/api/v1/personnel', member(epUnit.id))).body;
    const today = new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 10);
    const request = await post<TSecondment>('epCmd', '/api/v1/secondments', {
      personId: lent.id, toUnitId: epOther.id, startsOn: today, endsOn: '2099-12-31', reason: 'Refuerzo para patrullaje conjunto',
    });
    expect(request.status).toBe(201);
    expect(request.body).toMatchObject({ status: 'requested', fromUnitId: epUnit.id, toUnitId: epOther.id });
    const overlap = await post<{ error: { code: string } }>('epCmd', '/api/v1/secondments', {
      personId: lent.id, toUnitId: epPublic.id, startsOn: today, endsOn: today, reason: 'Otro',
    });
    expect(overlap.body.error.code).toBe('SECONDMENT_OVERLAP');
    // Still on the home roster until approved.
    let other = await get<{ items: TPerson[] }>('epCmd', `/api/v1/personnel?unitId=${epOther.id}`);
    expect(other.body.items.map((p) => p.id)).not.toContain(lent.id);

    const self = await post('epCmd', `/api/v1/secondments/${request.body.id}/decision`, { decision: 'approve' });
    expect(self.status).toBe(403);
    const planner = await post('epPlanner', `/api/v1/secondments/${request.body.id}/decision`, { decision: 'approve' });
    expect(planner.status).toBe(403);
    const pnp = await post('pnpCmd', `/api/v1/secondments/${request.body.id}/decision`, { decision: 'approve' });
    expect(pnp.status).toBe(404);
    const ok = await post<TSecondment>('epCmd2', `/api/v1/secondments/${request.body.id}/decision`, { decision: 'approve', remark: 'Aprobado' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', decidedBy: u.epCmd2!.user.username });
    const twice = await post<{ error: { code: string } }>('epCmd2', `/api/v1/secondments/${request.body.id}/decision`, { decision: 'reject' });
    expect(twice.body.error.code).toBe('SECONDMENT_NOT_PENDING');

    other = await get<{ items: TPerson[] }>('epCmd', `/api/v1/personnel?unitId=${epOther.id}`);
    expect(other.body.items.find((p) => p.id === lent.id)?.secondedToUnitId).toBe(epOther.id);
    const home = await get<{ items: TPerson[] }>('epCmd', `/api/v1/personnel?unitId=${epUnit.id}`);
    expect(home.body.items.map((p) => p.id)).not.toContain(lent.id);
    const list = await get<{ items: TSecondment[] }>('epCmd', `/api/v1/secondments?personId=${lent.id}`);
    expect(list.body.items).toHaveLength(1);
  });

  it('gives a unit\'s members and pool in the tasking evaluator\'s shape, and nothing to those who may not read it', async () => {
    const db = t.ctx.db;
    const unit = await makeUnit(db, { agency: 'EP', classification: 'CONFIDENCIAL' });
    const a = (await post<TPerson>('epCmd', '/api/v1/personnel', member(unit.id, { designatedLethal: true }))).body;
    await post<TPerson>('epCmd', '/api/v1/personnel', member(unit.id, { status: 'on_leave' }));
    await post('epCmd', '/api/v1/equipment', { unitId: unit.id, category: 'BASTON', item: 'Vara policial', quantity: 3 });
    await post('epCmd', '/api/v1/equipment', { unitId: unit.id, category: 'PISTOLA', item: 'Beretta', serial: `B-${uniq()}`, assignedTo: a.id });
    await post('epCmd', '/api/v1/equipment', { unitId: unit.id, category: 'CASCO', item: 'Casco', quantity: 2, condition: 'unserviceable' });
    await db.query(
      `INSERT INTO certificate (code, person_id, course_code, issued_on, valid_until, agency, classification)
       VALUES ($1, $2, 'DERECHOS_HUMANOS', '2025-01-10', '2099-01-09', 'EP', 'CONFIDENCIAL')`,
      [`A${uniq().toUpperCase().replace(/[^A-Z2-7]/g, 'A')}`.padEnd(26, 'B').slice(0, 26), a.id],
    );
    const records = await loadUnitMembersAndEquipment(db, u.epPlanner!.actor, unit.id);
    expect(records?.members).toEqual([
      { id: a.id, designatedLethal: true, equipment: ['PISTOLA'], trainings: [{ area: 'DERECHOS_HUMANOS', validUntil: '2099-01-09' }] },
    ]);
    expect(records?.equipment).toEqual([{ category: 'BASTON', quantity: 3 }]);
    expect(await loadUnitMembersAndEquipment(db, u.pnpCmd!.actor, unit.id)).toBeNull();
    expect(await loadUnitMembersAndEquipment(db, u.epPlanner!.actor, 'not-a-uuid')).toBeNull();
  });

  it('shows the chain of command and the readable subordinates; refuses a cycle and an echelon of another force', async () => {
    const mk = async (name: string, parentId: string | null, echelon: string, classification = 'PUBLICO'): Promise<TUnit> => {
      const res = await post<TUnit>('epCmd', '/api/v1/units', { name: `${name} ${uniq()}`, shortName: name, force: 'EP', echelon, parentId, classification });
      expect(res.status).toBe(201);
      return res.body;
    };
    const div = await mk('División', null, 'division');
    const bde = await mk('Brigada', div.id, 'brigada');
    const bn = await mk('Batallón', bde.id, 'batallon', 'SECRETO');
    const cia = await mk('Compañía', bn.id, 'compania');
    const h = await get<TUnitHierarchy>('epCmd', `/api/v1/units/${bde.id}/hierarchy`);
    expect(h.body.ancestors.map((a) => a.id)).toEqual([div.id]);
    expect(h.body.tree.children.map((c) => c.id)).toEqual([bn.id]);
    expect(h.body.tree.children[0]!.children.map((c) => c.id)).toEqual([cia.id]);
    expect(h.body.subordinateCount).toBe(2);
    // An EP planner (clearance RESERVADO) does not see the SECRETO battalion; its company hangs from the brigade.
    const hp = await get<TUnitHierarchy>('epPlanner', `/api/v1/units/${bde.id}/hierarchy`);
    expect(hp.body.tree.children.map((c) => c.id)).toEqual([cia.id]);
    const up = await get<TUnitHierarchy>('epPlanner', `/api/v1/units/${cia.id}/hierarchy`);
    expect(up.body.ancestors).toEqual([]);

    const cycle = await t.app.inject({ method: 'PATCH', url: `/api/v1/units/${div.id}`, headers: u.epCmd!.auth, payload: { parentId: cia.id } });
    expect(cycle.json<{ error: { code: string } }>().error.code).toBe('UNIT_PARENT_CYCLE');
    const wrong = await post<{ error: { code: string } }>('epCmd', '/api/v1/units', { name: 'X', shortName: 'X', force: 'EP', echelon: 'comisaria' });
    expect(wrong.body.error.code).toBe('UNIT_ECHELON_NOT_OF_FORCE');
    const area = await post<TUnit>('epCmd', '/api/v1/units', {
      name: `Con área ${uniq()}`, shortName: 'A', force: 'EP', echelon: 'compania',
      area: { ubigeo: ['150110', '150101'], geometry: { type: 'Polygon', coordinates: [[[-77.1, -12], [-77, -12], [-77, -11.9], [-77.1, -12]]] } },
    });
    expect(area.status).toBe(201);
    expect(area.body.area?.ubigeo).toEqual(['150110', '150101']);
    expect(area.body.area?.geometry?.type).toBe('MultiPolygon');
    const bowtie = await post<{ error: { code: string } }>('epCmd', '/api/v1/units', {
      name: 'Mal', shortName: 'M', force: 'EP', echelon: 'compania',
      area: { geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] } },
    });
    expect(bowtie.body.error.code).toBe('UNIT_AREA_INVALID');
    const tree = await get<{ roots: { id: string }[] }>('epCmd', '/api/v1/units/tree?force=EP');
    expect(tree.body.roots.map((r) => r.id)).toContain(div.id);
  });
});
