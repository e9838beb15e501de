import type { TImportRowError, TImportRun } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('units, equipment and training imports on %s', (_n, backend) => {
  let t: TestApp;
  let commander: TestUser;
  let trainer: TestUser;
  let unit: string;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    commander = await makeUser(db, { role: 'commander', agency: 'PNP' });
    trainer = await makeUser(db, { role: 'trainer', agency: 'PNP' });
    unit = (await makeUnit(db, { agency: 'PNP', classification: 'CONFIDENCIAL' })).shortName;
  });
  afterAll(async () => t.close());

  /** Create → upload → (apply when valid); returns the last run state and the error report. */
  async function runImport(user: TestUser, kind: string, csv: string, apply = true): Promise<{ run: TImportRun; errors: TImportRowError[] }> {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: user.auth, payload: { kind, fileName: `${kind}.csv` } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<TImportRun>().id;
    let res = await t.app.inject({ method: 'PUT', url: `/api/v1/imports/${id}/file`, headers: { ...user.auth, 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode, res.body).toBe(200);
    if (apply && res.json<TImportRun>().status === 'valid') {
      res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/apply`, headers: user.auth });
      expect(res.statusCode, res.body).toBe(200);
    }
    const errors = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}/errors`, headers: user.auth });
    return { run: res.json<TImportRun>(), errors: errors.json<{ items: TImportRowError[] }>().items };
  }
  const codes = (errors: TImportRowError[]): [number, string | null, string][] => errors.map((e) => [e.line, e.column, e.code]);

  it('imports a unit hierarchy (parent on an earlier row) and updates it on re-import', async () => {
    const p = uniq();
    const csv = [
      'sigla,nombre,fuerza,escalon,superior,ubigeo,longitud,latitud',
      `R-${p},Región Policial ${p},PNP,region,,150101,"-77,03",-12.05`,
      `C-${p},Comisaría ${p},pnp,Comisaría,R-${p},150122,,`,
    ].join('\n');
    const first = await runImport(commander, 'units', csv);
    expect(first.run, JSON.stringify(first.errors)).toMatchObject({ status: 'applied', counts: { created: 2 } });
    const rows = await t.ctx.db.query<{ short_name: string; parent: string | null; lon: number | null }>(
      `SELECT u.short_name, p.short_name AS parent, ST_X(u.home) AS lon FROM unit u LEFT JOIN unit p ON p.id = u.parent_id
        WHERE u.short_name = ANY($1) ORDER BY u.short_name`,
      [[`R-${p}`, `C-${p}`]],
    );
    expect(rows.rows).toEqual([
      { short_name: `C-${p}`, parent: `R-${p}`, lon: null },
      { short_name: `R-${p}`, parent: null, lon: -77.03 },
    ]);
    const again = await runImport(commander, 'units', csv);
    expect(again.run.counts).toMatchObject({ created: 0, updated: 2 });
    const n = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM unit WHERE short_name = ANY($1)', [[`R-${p}`, `C-${p}`]]);
    expect(n.rows[0]!.n).toBe(2);

    const bad = await runImport(
      commander,
      'units',
      ['sigla,nombre,fuerza,escalon,superior,ubigeo', `X-${p},Mal,PNP,brigada,,150101`, `Y-${p},Mal,PNP,comisaria,NADIE-${p},999999`].join('\n'),
    );
    expect(codes(bad.errors)).toEqual([
      [2, 'escalon', 'IMPORT_VALUE_NOT_ALLOWED'],
      [3, 'superior', 'IMPORT_UNIT_NOT_FOUND'],
      [3, 'ubigeo', 'REFERENCE_NOT_FOUND'],
    ]);
  });

  it('sets a unit\'s task types by code or by their name in the standard, and a directed resource action with its remark', async () => {
    const p = uniq();
    // An army commander, for the army's own company.
    const epCommander = await makeUser(t.ctx.db, { role: 'commander', agency: 'EP' });
    const header = 'sigla,nombre,fuerza,escalon,tareas,accion_dirigida,observacion_accion_dirigida';
    const basis = async (shortName: string) =>
      (await t.ctx.db.query<{ mission_tasks: string[] | null; directed_resource_action: boolean; directed_resource_remark: string | null }>(
        'SELECT mission_tasks, directed_resource_action, directed_resource_remark FROM unit WHERE short_name = $1', [shortName],
      )).rows[0];
    const first = await runImport(epCommander, 'units', [
      header,
      `T-${p},Compañía ${p},EP,compania,"Puesto de control; PATRULLAJE_CONJUNTO, transporte de apoyo",sí,"Orden de reconstitución 12-2026 tras el despliegue"`,
    ].join('\n'));
    expect(first.run, JSON.stringify(first.errors)).toMatchObject({ status: 'applied', counts: { created: 1 } });
    expect(await basis(`T-${p}`)).toEqual({
      mission_tasks: ['PUESTO_CONTROL', 'PATRULLAJE_CONJUNTO', 'TRANSPORTE_APOYO'],
      directed_resource_action: true,
      directed_resource_remark: 'Orden de reconstitución 12-2026 tras el despliegue',
    });
    // A file without those columns changes none of them.
    const again = await runImport(epCommander, 'units', ['sigla,nombre,fuerza,escalon', `T-${p},Compañía ${p} (renombrada),EP,compania`].join('\n'));
    expect(again.run.counts).toMatchObject({ updated: 1 });
    expect((await basis(`T-${p}`))?.mission_tasks).toEqual(['PUESTO_CONTROL', 'PATRULLAJE_CONJUNTO', 'TRANSPORTE_APOYO']);
    // A task without a MET in the standard, and a directed action without its remark, are refused with their reasons.
    const bad = await runImport(epCommander, 'units', [
      header,
      `U-${p},Mal,EP,compania,INVESTIGACION_CRIMINAL; Baile,,`,
      `V-${p},Mal,EP,compania,,sí,corta`,
      `W-${p},Mal,EP,compania,${Array.from({ length: 33 }, (_, k) => `T${k}`).join(';')},,`,
    ].join('\n'));
    expect(codes(bad.errors)).toEqual([
      [2, 'tareas', 'UNIT_TASK_NOT_IN_STANDARD'],
      [3, 'observacion_accion_dirigida', 'UNIT_DIRECTED_ACTION_NEEDS_REMARK'],
      [4, 'tareas', 'IMPORT_VALUE_TOO_MANY'],
    ]);
    expect(bad.errors[0]!.message.es).toContain('Las tareas INVESTIGACION_CRIMINAL, Baile no tienen tarea esencial (MET)');
    expect(bad.errors[1]!.message.en).toContain('at least 10 characters');
    expect(await basis(`U-${p}`)).toBeUndefined();
  });

  it('imports equipment lots and serial weapons assigned to members; re-import changes nothing', async () => {
    const p = uniq();
    const doc = `EQ${p}`;
    const people = await runImport(commander, 'personnel', `unidad,tipo_documento,documento,nombres,apellidos,grado\n${unit},CIP,${doc},Ana,Quispe,Suboficial\n`);
    expect(people.run.status).toBe('applied');
    const header = 'unidad,categoria,articulo,serie,cantidad,estado,tipo_documento_asignado,documento_asignado,modos_radio,grupos';
    const bad = await runImport(
      commander,
      'equipment',
      [header, `${unit},pistola,Glock 17,SN-${p}-2,,,,,,`, `${unit},radio,Motorola,,2,operativo,,,P25|FM,`, `${unit},fusil,Galil,SN-${p}-3,,,CIP,NOBODY${p},,`].join('\n'),
    );
    expect(codes(bad.errors)).toEqual([
      [2, 'documento_asignado', 'IMPORT_VALUE_REQUIRED'],
      [3, 'modos_radio', 'IMPORT_VALUE_NOT_ALLOWED'],
      [4, 'documento_asignado', 'IMPORT_PERSON_NOT_FOUND'],
    ]);
    const csv = [
      header,
      `${unit},escudo,Escudo policarbonato ${p},,40,operativo,,,,`,
      `${unit},Escudo,Escudo policarbonato ${p},,3,en reparación,,,,`,
      `${unit},FUSIL,Galil ACE,SN-${p}-1,,operativo,CIP,${doc},,`,
      `${unit},radio,Motorola APX ${p},,10,,,,P25|analog,TG-1|TG-2`,
    ].join('\n');
    const first = await runImport(commander, 'equipment', csv);
    expect(first.run.counts).toMatchObject({ rows: 4, created: 4 });
    const radio = await t.ctx.db.query<{ radio: unknown; quantity: number }>("SELECT radio, quantity FROM equipment_item WHERE item = $1", [`Motorola APX ${p}`]);
    expect(radio.rows[0]).toEqual({ radio: { modes: ['P25', 'analog'], talkgroups: ['TG-1', 'TG-2'] }, quantity: 10 });
    const again = await runImport(commander, 'equipment', csv);
    expect(again.run.counts).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    const changed = await runImport(commander, 'equipment', csv.replace(`,40,operativo`, ',38,operativo'));
    expect(changed.run.counts).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
  });

  it('imports attendance, results and certificates by session; a re-import issues no second certificate', async () => {
    const p = uniq();
    const docs = [`TR${p}A`, `TR${p}B`];
    await runImport(commander, 'personnel', `unidad,tipo_documento,documento,nombres,apellidos,grado\n${docs.map((d) => `${unit},CIP,${d},Ana,Quispe,Suboficial`).join('\n')}\n`);
    const header = 'unidad,curso,inicio,fin,tipo_documento,documento,asistio,resultado,nota,fecha_certificado';
    const csv = [
      header,
      `${unit},CONTROL_MULTITUDES,02/03/2026,13/03/2026,CIP,${docs[0]},sí,aprobado,85,13/03/2026`,
      `${unit},CONTROL_MULTITUDES,2026-03-02,2026-03-13,CIP,${docs[1]},sí,desaprobado,40,`,
      `${unit},dl1095_ruf,2026-04-01,,CIP,${docs[1]},no,,,`,
    ].join('\n');
    const bad = await runImport(trainer, 'training', `${csv}\n${unit},NO_EXISTE,2026-04-01,,CIP,${docs[1]},sí,aprobado,70,\n${unit},DL1095_RUF,2026-02-30,,CIP,${docs[0]},no,aprobado,,`);
    expect(codes(bad.errors)).toEqual([
      [5, 'curso', 'IMPORT_COURSE_NOT_FOUND'],
      [6, 'inicio', 'IMPORT_VALUE_DATE'],
    ]);
    const first = await runImport(trainer, 'training', csv);
    expect(first.run, JSON.stringify(first.errors)).toMatchObject({ status: 'applied', counts: { created: 3 } });
    const certs = await t.ctx.db.query<{ code: string; valid_until: string; course_code: string }>(
      `SELECT c.code, c.valid_until::text AS valid_until, c.course_code FROM certificate c JOIN person p ON p.id = c.person_id
        WHERE p.document_number = ANY($1)`,
      [docs],
    );
    expect(certs.rows).toHaveLength(1);
    expect(certs.rows[0]).toMatchObject({ course_code: 'CONTROL_MULTITUDES', valid_until: '2028-03-13' });
    expect(certs.rows[0]!.code).toMatch(/^[A-Z2-7]{26}$/);
    const sessions = await t.ctx.db.query<{ n: number }>(
      `SELECT count(DISTINCT r.session_id)::int AS n FROM training_record r JOIN person p ON p.id = r.person_id WHERE p.document_number = ANY($1)`,
      [docs],
    );
    expect(sessions.rows[0]!.n).toBe(2);
    const again = await runImport(trainer, 'training', csv);
    expect(again.run.counts).toMatchObject({ created: 0, unchanged: 3 });
    const certsAfter = await t.ctx.db.query<{ code: string }>(
      'SELECT c.code FROM certificate c JOIN person p ON p.id = c.person_id WHERE p.document_number = ANY($1)',
      [docs],
    );
    expect(certsAfter.rows).toEqual([{ code: certs.rows[0]!.code }]);
  });

  it('rolls the whole run back when a row fails at apply time (the database changed after validation)', async () => {
    const p = uniq();
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: commander.auth, payload: { kind: 'personnel', fileName: 'x.csv' } });
    const id = created.json<TImportRun>().id;
    const temp = await makeUnit(t.ctx.db, { agency: 'PNP', classification: 'CONFIDENCIAL' });
    const csv = `unidad,tipo_documento,documento,nombres,apellidos,grado\n${unit},CIP,RB${p}1,Ana,Quispe,Cabo\n${temp.shortName},CIP,RB${p}2,Luis,Rojas,Cabo\n`;
    const up = await t.app.inject({ method: 'PUT', url: `/api/v1/imports/${id}/file`, headers: { ...commander.auth, 'content-type': 'text/csv' }, payload: csv });
    expect(up.json<TImportRun>().status).toBe('valid');
    // The second row's unit becomes secret (above nobody's reach here) between validation and apply.
    await t.ctx.db.query("UPDATE unit SET agency = 'EP', classification = 'SECRETO' WHERE id = $1", [temp.id]);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/apply`, headers: commander.auth });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'IMPORT_REJECTED' } });
    const n = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE document_number LIKE $1', [`RB${p}%`]);
    expect(n.rows[0]!.n).toBe(0);
    const run = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: commander.auth });
    expect(run.json<TImportRun>()).toMatchObject({ status: 'failed', counts: { errors: 1 } });
  });
});
