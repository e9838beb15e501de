import type { TEquipment, TImportRowError, TImportRun, TUnit } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

type Refusal = { error: { code: string; message: string } };

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('equipment details (radio, drone, vehicle) on %s', (_n, backend) => {
  let t: TestApp;
  let cmd: TestUser;
  let unit: TUnit;

  const send = async <T>(method: 'POST' | 'PATCH', url: string, payload: object, lang = 'es'): Promise<{ status: number; body: T }> => {
    const res = await t.app.inject({ method, url, headers: { ...cmd.auth, 'accept-language': lang }, payload });
    return { status: res.statusCode, body: res.json<T>() };
  };

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    cmd = await makeUser(db, { role: 'commander', agency: 'PNP' });
    unit = await makeUnit(db, { agency: 'PNP', classification: 'CONFIDENCIAL' });
  });
  afterAll(async () => t.close());

  it('refuses a radio without its modes and a drone without model, camera and video link, in es and en', async () => {
    const radio = await send<Refusal>('POST', '/api/v1/equipment', { unitId: unit.id, category: 'RADIO', item: `Motorola ${uniq()}`, quantity: 4 });
    expect(radio.status).toBe(422);
    expect(radio.body.error.code).toBe('EQUIPMENT_DETAILS_REQUIRED');
    expect(radio.body.error.message).toContain('Un equipo RADIO se registra con sus datos (radio)');
    const drone = await send<Refusal>('POST', '/api/v1/equipment', { unitId: unit.id, category: 'DRON', item: 'DJI Matrice 30T' }, 'en');
    expect(drone.body.error).toMatchObject({ code: 'EQUIPMENT_DETAILS_REQUIRED' });
    expect(drone.body.error.message).toContain('A DRON item is recorded with its drone details');
    const noModes = await send<Refusal>('POST', '/api/v1/equipment', { unitId: unit.id, category: 'RADIO', item: 'Hytera', radio: { modes: [] } });
    expect(noModes.status).toBe(400);
    const stored = await t.ctx.db.query('SELECT 1 FROM equipment_item WHERE unit_id = $1', [unit.id]);
    expect(stored.rows).toEqual([]);
  });

  it('stores a radio and a drone with their details; an update cannot strip them', async () => {
    const radio = await send<TEquipment>('POST', '/api/v1/equipment', {
      unitId: unit.id, category: 'RADIO', item: `Motorola APX ${uniq()}`, quantity: 3, radio: { modes: ['P25', 'TETRA'], talkgroups: ['PNP-LIMA-1'] },
    });
    expect(radio.status).toBe(201);
    expect(radio.body.radio).toEqual({ modes: ['P25', 'TETRA'], talkgroups: ['PNP-LIMA-1'] });
    const drone = await send<TEquipment>('POST', '/api/v1/equipment', {
      unitId: unit.id, category: 'DRON', item: 'DJI Matrice 30T', serial: `D-${uniq()}`, drone: { model: 'Matrice 30T', camera: 'Térmica', videoLink: 'OcuSync 3' },
    });
    expect(drone.status).toBe(201);
    const strip = await send<Refusal>('PATCH', `/api/v1/equipment/${radio.body.id}`, { radio: null });
    expect(strip.status).toBe(422);
    expect(strip.body.error.code).toBe('EQUIPMENT_DETAILS_REQUIRED');
    const modes = await send<TEquipment>('PATCH', `/api/v1/equipment/${radio.body.id}`, { radio: { modes: ['DMR'], talkgroups: [] } });
    expect(modes.body.radio).toEqual({ modes: ['DMR'], talkgroups: [] });
  });

  it('reports the same rule per row in an equipment import', async () => {
    const header = 'unidad,categoria,descripcion,cantidad,modos_radio,modelo_dron,camara,enlace_video';
    const csv = [
      header,
      `${unit.shortName},radio,Motorola ${uniq()},2,,,,`,
      `${unit.shortName},dron,DJI Mavic ${uniq()},1,,Mavic 3,,OcuSync`,
      `${unit.shortName},radio,Hytera ${uniq()},2,DMR,,,`,
    ].join('\n');
    const created = await send<TImportRun>('POST', '/api/v1/imports', { kind: 'equipment', fileName: 'equipment.csv' });
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/imports/${created.body.id}/file`, headers: { ...cmd.auth, 'content-type': 'text/csv' }, payload: csv });
    expect(res.json<TImportRun>().status).toBe('invalid');
    const errors = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${created.body.id}/errors`, headers: cmd.auth });
    expect(errors.json<{ items: TImportRowError[] }>().items.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'modos_radio', 'IMPORT_VALUE_REQUIRED'],
      [3, 'camara', 'IMPORT_VALUE_REQUIRED'],
    ]);
  });
});
