import type { TImportRowError, TImportRun } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

const HEADER = 'unidad,tipo_documento,numero_documento,nombres,apellidos,grado,especialidad,situacion';

/** A personnel file of `n` rows for one unit; `bad` replaces some data rows (1-based data row index → line). */
function personnelCsv(prefix: string, unit: string, n: number, bad: Record<number, string> = {}): string {
  const lines = [HEADER];
  for (let i = 1; i <= n; i++) {
    lines.push(bad[i] ?? `${unit},CIP,${prefix}-${i},Nombre ${i},Apellido ${i},Suboficial de 3ra,Orden público,disponible`);
  }
  return `${lines.join('\n')}\n`;
}

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('personnel import on %s', (_n, backend) => {
  let t: TestApp;
  let pnp: TestUser;
  let ep: TestUser;
  let unitShort: string;
  let epPublicShort: string;
  let epHiddenShort: string;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    pnp = await makeUser(db, { role: 'commander', agency: 'PNP' });
    ep = await makeUser(db, { role: 'commander', agency: 'EP' });
    unitShort = (await makeUnit(db, { agency: 'PNP', classification: 'CONFIDENCIAL' })).shortName;
    epPublicShort = (await makeUnit(db, { agency: 'EP', classification: 'PUBLICO' })).shortName;
    epHiddenShort = (await makeUnit(db, { agency: 'EP', classification: 'RESERVADO' })).shortName;
  });
  afterAll(async () => t.close());

  const createRun = async (user: TestUser, fileName: string, extra: Record<string, unknown> = {}): Promise<TImportRun> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: user.auth, payload: { kind: 'personnel', fileName, ...extra } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<TImportRun>();
  };
  const upload = async (user: TestUser, id: string, body: string | Buffer) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/imports/${id}/file`, headers: { ...user.auth, 'content-type': 'text/csv' }, payload: body });
  const errorsOf = async (user: TestUser, id: string): Promise<TImportRowError[]> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}/errors?limit=1000`, headers: user.auth });
    expect(res.statusCode).toBe(200);
    return res.json<{ items: TImportRowError[] }>().items;
  };
  const countPrefix = async (prefix: string): Promise<number> =>
    (await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM person WHERE document_number LIKE $1 || '-%'", [prefix])).rows[0]!.n;

  it('a 10,000-row file with three bad rows applies nothing and reports exactly those rows; the fixed file applies all; re-import adds none', async () => {
    const prefix = `T${uniq()}`;
    // Data row i is on line i + 1 (the header is line 1).
    const bad = {
      1000: `${unitShort},DNI,12AB,Nombre,Apellido,Suboficial,Orden público,disponible`,
      5001: `NO-EXISTE-${prefix},CIP,${prefix}-5001,Nombre,Apellido,Suboficial,Orden público,disponible`,
      9002: `${unitShort},CIP,${prefix}-9002,Nombre,Apellido,,Orden público,disponible`,
    };
    const run = await createRun(pnp, 'personal-con-errores.csv');
    const res = await upload(pnp, run.id, personnelCsv(prefix, unitShort, 10_000, bad));
    expect(res.statusCode, res.body).toBe(200);
    const validated = res.json<TImportRun>();
    expect(validated.status).toBe('invalid');
    expect(validated.counts).toMatchObject({ rows: 10_000, errors: 3 });
    expect(validated.mapping.documentNumber).toEqual({ column: 'numero_documento' });

    const errors = await errorsOf(pnp, run.id);
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [1001, 'numero_documento', 'IMPORT_DOCUMENT_FORMAT'],
      [5002, 'unidad', 'IMPORT_UNIT_NOT_FOUND'],
      [9003, 'grado', 'IMPORT_VALUE_REQUIRED'],
    ]);
    expect(errors[0]!.message.es).toContain('DNI');
    expect(errors[1]!.message.en).toContain(`NO-EXISTE-${prefix}`);
    expect(errors[2]!.message.es).toBe('Falta el valor de grado.');

    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${run.id}/apply`, headers: pnp.auth });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'IMPORT_NOT_VALID' } });
    expect(await countPrefix(prefix)).toBe(0);

    // The fixed file.
    const fixed = personnelCsv(prefix, unitShort, 10_000);
    const good = await createRun(pnp, 'personal.csv');
    const ok = await upload(pnp, good.id, fixed);
    expect(ok.json<TImportRun>()).toMatchObject({ status: 'valid', counts: { rows: 10_000, errors: 0 } });
    const { rows: [clock] } = await t.ctx.db.query<{ at: string }>('SELECT now()::text AS at');
    const applied = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${good.id}/apply`, headers: pnp.auth });
    expect(applied.statusCode, applied.body).toBe(200);
    // A large import refreshes the statistics of what it wrote (plans fit the new rows at once).
    const analysed = await t.ctx.db.query<{ fresh: boolean }>(
      "SELECT last_analyze >= $1::timestamptz AS fresh FROM pg_stat_user_tables WHERE relname = 'person'",
      [clock!.at],
    );
    expect(analysed.rows[0]?.fresh).toBe(true);
    expect(applied.json<TImportRun>()).toMatchObject({ status: 'applied', counts: { rows: 10_000, created: 10_000, updated: 0, unchanged: 0 } });
    expect(await countPrefix(prefix)).toBe(10_000);

    // Applying twice is refused; importing the same file again creates no duplicates.
    const twice = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${good.id}/apply`, headers: pnp.auth });
    expect(twice.json()).toMatchObject({ error: { code: 'IMPORT_ALREADY_APPLIED' } });
    const again = await createRun(pnp, 'personal.csv');
    expect((await upload(pnp, again.id, fixed)).json<TImportRun>().status).toBe('valid');
    const reapplied = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${again.id}/apply`, headers: pnp.auth });
    expect(reapplied.json<TImportRun>()).toMatchObject({ status: 'applied', counts: { created: 0, updated: 0, unchanged: 10_000 } });
    expect(reapplied.json<TImportRun>().sha256).toBe(applied.json<TImportRun>().sha256);
    expect(await countPrefix(prefix)).toBe(10_000);

    // The runs are recorded and audited.
    const audit = await t.ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'import_run' AND entity_id = $1 ORDER BY seq",
      [good.id],
    );
    const actions = audit.rows.map((r) => r.action);
    expect(actions[0]).toBe('create');
    expect(actions).toContain('validate');
    expect(actions.filter((a) => a === 'import.personnel')).toHaveLength(20);
    expect(actions.at(-1)).toBe('apply');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/imports?kind=personnel', headers: pnp.auth });
    expect(list.json<{ items: TImportRun[] }>().items.map((r) => r.id)).toEqual(expect.arrayContaining([run.id, good.id, again.id]));
    // About 10 s on PGlite on an idle machine; the bound only guards a shared, loaded CI machine.
  }, 240_000);

  it('updates changed rows in place on re-import', async () => {
    const prefix = `T${uniq()}`;
    const first = await createRun(pnp, 'a.csv');
    await upload(pnp, first.id, personnelCsv(prefix, unitShort, 5));
    await t.app.inject({ method: 'POST', url: `/api/v1/imports/${first.id}/apply`, headers: pnp.auth });
    const changed = personnelCsv(prefix, unitShort, 5, { 3: `${unitShort},CIP,${prefix}-3,Nombre 3,Apellido 3,Suboficial de 2da,Orden público,licencia` });
    const second = await createRun(pnp, 'b.csv');
    await upload(pnp, second.id, changed);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${second.id}/apply`, headers: pnp.auth });
    expect(res.json<TImportRun>().counts).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    const row = await t.ctx.db.query<{ rank: string; status: string }>('SELECT rank, status FROM person WHERE document_number = $1', [`${prefix}-3`]);
    expect(row.rows[0]).toEqual({ rank: 'Suboficial de 2da', status: 'on_leave' });
  });

  it('a PNP commander cannot import into an Ejército unit; an unreadable unit is reported as not found', async () => {
    const prefix = `T${uniq()}`;
    const run = await createRun(pnp, 'ajeno.csv');
    const csv = personnelCsv(prefix, unitShort, 3, {
      2: `${epPublicShort},CIP,${prefix}-2,Nombre,Apellido,Cabo,Infantería,disponible`,
      3: `${epHiddenShort},CIP,${prefix}-3,Nombre,Apellido,Cabo,Infantería,disponible`,
    });
    const res = await upload(pnp, run.id, csv);
    expect(res.json<TImportRun>().status).toBe('invalid');
    expect((await errorsOf(pnp, run.id)).map((e) => [e.line, e.code])).toEqual([
      [3, 'IMPORT_UNIT_FORBIDDEN'],
      [4, 'IMPORT_UNIT_NOT_FOUND'],
    ]);
    expect(await countPrefix(prefix)).toBe(0);

    // Another agency's run is invisible to it, and cannot be applied or uploaded to.
    for (const req of [
      { method: 'GET' as const, url: `/api/v1/imports/${run.id}` },
      { method: 'GET' as const, url: `/api/v1/imports/${run.id}/errors` },
      { method: 'POST' as const, url: `/api/v1/imports/${run.id}/apply` },
    ]) {
      const r = await t.app.inject({ ...req, headers: ep.auth });
      expect(r.statusCode, req.url).toBe(404);
    }
    expect((await upload(ep, run.id, csv)).statusCode).toBe(404);
    const epList = await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: ep.auth });
    expect(epList.json<{ items: TImportRun[] }>().items.map((r) => r.id)).not.toContain(run.id);
  });

  it('documents the import routes in the OpenAPI description', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/imports', '/api/v1/imports/{id}/file', '/api/v1/imports/{id}/apply', '/api/v1/imports/{id}/errors']));
  });

  it('refuses roles that may not write personnel, and unknown kinds or fields', async () => {
    const db = t.ctx.db;
    const analyst = await makeUser(db, { role: 'analyst', agency: 'PNP' });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: analyst.auth, payload: { kind: 'personnel', fileName: 'x.csv' } });
    expect(res.statusCode).toBe(403);
    const kinds = await t.app.inject({ method: 'GET', url: '/api/v1/imports/kinds', headers: analyst.auth });
    expect(kinds.json<{ items: { name: string }[] }>().items.map((k) => k.name)).not.toContain('personnel');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: pnp.auth, payload: { kind: 'nukes', fileName: 'x.csv' } });
    expect(unknown.json()).toMatchObject({ error: { code: 'IMPORT_KIND_UNKNOWN' } });
    const field = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: pnp.auth,
      payload: { kind: 'personnel', fileName: 'x.csv', mapping: { salary: { column: 'sueldo' } } },
    });
    expect(field.json()).toMatchObject({ error: { code: 'IMPORT_FIELD_UNKNOWN' } });
  });

  it('uses an edited mapping and defaults, and suggests one from a header', async () => {
    const prefix = `T${uniq()}`;
    const suggested = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/mapping',
      headers: pnp.auth,
      payload: { kind: 'personnel', headers: ['DNI', 'Nombres', 'Apellidos', 'Grado', 'Unidad'] },
    });
    expect(suggested.json()).toMatchObject({
      mapping: { documentNumber: { column: 'DNI' }, givenNames: { column: 'Nombres' }, unit: { column: 'Unidad' } },
    });
    const csv = `Doc;Nombre(s);Apellido(s);Jerarquía\n${prefix}-1;Ana;Quispe;Capitán\n${prefix}-2;Luis;Mamani;Teniente\n`;
    const run = await createRun(pnp, 'mapeo.csv', {
      mapping: {
        documentNumber: { column: 'Doc' },
        givenNames: { column: 'Nombre(s)' },
        familyNames: { column: 'Apellido(s)' },
        rank: { column: 'Jerarquía' },
        documentType: { default: 'CIP' },
        unit: { default: unitShort },
      },
    });
    const res = await upload(pnp, run.id, csv);
    expect(res.json<TImportRun>(), res.body).toMatchObject({ status: 'valid', delimiter: 'auto', counts: { rows: 2 } });
    const applied = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${run.id}/apply`, headers: pnp.auth });
    expect(applied.json<TImportRun>().counts.created).toBe(2);
  });
});
