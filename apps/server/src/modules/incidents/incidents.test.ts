import type { TImportRowError, TImportRun, TIncident } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { toUtm } from './projection.ts';

/** Points inside San Juan de Lurigancho (150132) and Miraflores (150122). */
const SJL = { lon: -76.9779, lat: -11.9491 };
const MIRAFLORES = { lon: -77.0262, lat: -12.1211 };

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('incidents on %s', (_n, backend) => {
  let t: TestApp;
  let operator: TestUser;
  let analyst: TestUser;
  let commander: TestUser;
  let epAnalyst: TestUser;
  let dp: TestUser;
  const source = `T${uniq().toUpperCase()}`;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    operator = await makeUser(db, { role: 'operator', agency: 'PNP' });
    analyst = await makeUser(db, { role: 'analyst', agency: 'PNP' });
    commander = await makeUser(db, { role: 'commander', agency: 'PNP' });
    epAnalyst = await makeUser(db, { role: 'analyst', agency: 'EP' });
    dp = await makeUser(db, { role: 'oversight', agency: 'DP' });
  });
  afterAll(async () => t.close());

  const create = (user: TestUser, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { ...user.auth, ...headers }, payload: body });

  it('records an incident with its type mapped from the local code and its district found by point-in-polygon; a retry is idempotent', async () => {
    const body = { source, codeSystem: 'SIDPOL', sourceRef: 'D-1', localCode: 'Robo agravado', occurredAt: '2025-03-01T21:30:00-05:00', location: SJL, classification: 'RESERVADO' };
    const res = await create(operator, body);
    expect(res.statusCode, res.body).toBe(201);
    const incident = res.json<TIncident>();
    expect(incident).toMatchObject({ crimeType: 'ROBO', localCode: 'ROBO AGRAVADO', ubigeo: '150132', agency: 'PNP', occurredAt: '2025-03-02T02:30:00.000Z' });
    const again = await create(operator, body);
    expect(again.statusCode).toBe(201);
    expect(again.json<TIncident>().id).toBe(incident.id);
    const stored = await t.ctx.db.query<{ n: number; x: number; epsg: number }>('SELECT count(*)::int AS n, max(x) AS x, max(utm_epsg) AS epsg FROM incident WHERE source = $1', [source]);
    expect(stored.rows[0]).toMatchObject({ n: 1, epsg: 32718 });
    expect(stored.rows[0]!.x).toBeCloseTo(toUtm(SJL.lon, SJL.lat).x, 3);
  });

  it('refuses an unknown local code, a future time, and writing for another agency, with stable codes', async () => {
    const unknown = await create(operator, { source, localCode: 'NO EXISTE', occurredAt: '2025-03-01T10:00:00-05:00', location: SJL });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ error: { code: 'INCIDENT_UNKNOWN_LOCAL_CODE' } });
    const future = await create(operator, { source, crimeType: 'HURTO', occurredAt: '2099-01-01T10:00:00-05:00', location: SJL });
    expect(future.json()).toMatchObject({ error: { code: 'INCIDENT_FUTURE_TIME' } });
    const foreign = await create(operator, { source, crimeType: 'HURTO', occurredAt: '2025-03-01T10:00:00-05:00', location: SJL, agency: 'EP' });
    expect(foreign.statusCode).toBe(403);
    const badPoint = await create(operator, { source, crimeType: 'HURTO', occurredAt: '2025-03-01T10:00:00-05:00', location: { lon: 500, lat: 0 } });
    expect(badPoint.statusCode).toBe(400);
  });

  it('lists with area, period and type filters; another agency sees nothing without an agreement', async () => {
    await create(operator, { source, sourceRef: 'D-2', crimeType: 'HURTO', occurredAt: '2025-03-05T10:00:00-05:00', location: MIRAFLORES });
    await create(operator, { source, sourceRef: 'D-3', crimeType: 'HURTO', occurredAt: '2025-04-05T10:00:00-05:00', location: SJL });
    const q = (user: TestUser, query: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/incidents?source=${source}&${query}`, headers: user.auth });
    const refs = async (user: TestUser, query: string): Promise<string[]> => {
      const res = await q(user, query);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: TIncident[] }>().items.map((i) => i.sourceRef).sort();
    };
    expect(await refs(analyst, '')).toEqual(['D-1', 'D-2', 'D-3']);
    expect(await refs(analyst, 'ubigeo=150132')).toEqual(['D-1', 'D-3']);
    expect(await refs(analyst, 'ubigeo=1501')).toEqual(['D-1', 'D-2', 'D-3']);
    expect(await refs(analyst, 'types=HURTO')).toEqual(['D-2', 'D-3']);
    expect(await refs(analyst, 'from=2025-03-01T00:00:00-05:00&to=2025-04-01T00:00:00-05:00')).toEqual(['D-1', 'D-2']);
    expect(await refs(analyst, 'bbox=-77.1,-12.2,-77.0,-12.1')).toEqual(['D-2']);
    expect(await refs(epAnalyst, '')).toEqual([]);
    expect(await refs(dp, '')).toEqual(['D-1', 'D-2', 'D-3']);
    const one = (await q(analyst, 'ubigeo=150122')).json<{ items: TIncident[] }>().items[0]!;
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${one.id}`, headers: epAnalyst.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${one.id}`, headers: analyst.auth })).statusCode).toBe(200);
    const bad = await q(analyst, "ubigeo=15';DROP TABLE incident;--");
    expect(bad.statusCode).toBe(400);
  });

  it('keeps victims and suspects apart: the analyst cannot read them, the commander and oversight can, every read audited', async () => {
    const incident = (await create(operator, { source, sourceRef: 'D-4', crimeType: 'LESIONES', occurredAt: '2025-03-06T10:00:00-05:00', location: SJL })).json<TIncident>();
    const victim = await t.app.inject({
      method: 'POST', url: `/api/v1/incidents/${incident.id}/victims`, headers: operator.auth,
      payload: { fullName: 'Ana Quispe', documentId: '12345678', sex: 'F', age: 34 },
    });
    expect(victim.statusCode, victim.body).toBe(201);
    const suspect = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/suspects`, headers: operator.auth, payload: { alias: 'el Flaco', detained: true } });
    expect(suspect.statusCode).toBe(201);
    const read = (user: TestUser) => t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.id}/persons`, headers: user.auth });
    expect((await read(analyst)).statusCode).toBe(403);
    expect((await read(epAnalyst)).statusCode).toBe(403);
    const cmd = await read(commander);
    expect(cmd.statusCode).toBe(200);
    expect(cmd.json()).toMatchObject({ victims: [{ fullName: 'Ana Quispe', documentId: '12345678' }], suspects: [{ alias: 'el Flaco', detained: true }] });
    expect((await read(dp)).statusCode).toBe(200);
    const plain = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.id}`, headers: analyst.auth });
    expect(plain.body).not.toContain('Ana Quispe');
    const audit = await t.ctx.db.query<{ actor: string }>("SELECT actor FROM audit_log WHERE action = 'read_persons' AND entity_id = $1 ORDER BY seq", [incident.id]);
    expect(audit.rows.map((r) => r.actor)).toEqual([commander.user.username, dp.user.username]);
  });

  it('exports CSV and GeoJSON honouring the filters, and audits the export', async () => {
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/export?format=csv&source=${source}&ubigeo=150132&types=ROBO,HURTO`, headers: analyst.auth });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,source,sourceRef,crimeType,localCode,codeSystem,occurredAt,lon,lat,ubigeo,address,description,agency,classification,exercise');
    expect(lines.slice(1).map((l) => l.split(',')[2]).sort()).toEqual(['D-1', 'D-3']);
    const geo = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/export?format=geojson&source=${source}&types=HURTO`, headers: analyst.auth });
    const fc = geo.json<{ type: string; features: { geometry: { coordinates: number[] }; properties: { sourceRef: string } }[] }>();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.properties.sourceRef).sort()).toEqual(['D-2', 'D-3']);
    expect(fc.features.find((f) => f.properties.sourceRef === 'D-2')!.geometry.coordinates[0]).toBeCloseTo(MIRAFLORES.lon, 6);
    const none = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/export?format=geojson&source=${source}`, headers: epAnalyst.auth });
    expect(none.json<{ features: unknown[] }>().features).toEqual([]);
    const audit = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'export' AND entity_type = 'incident' AND actor = $1", [analyst.user.username]);
    expect(audit.rows[0]!.n).toBe(2);
  });

  describe('CSV import', () => {
    const importSource = `I${uniq().toUpperCase()}`;
    const header = 'id,este,norte,fecha,delito,direccion';
    const utm = toUtm(SJL.lon, SJL.lat);
    const row = (i: number, over: Partial<Record<'x' | 'y' | 'date' | 'type', string>> = {}) =>
      `R-${i},${over.x ?? (utm.x + i).toFixed(1)},${over.y ?? utm.y.toFixed(1)},${over.date ?? '2025-05-01 10:00'},${over.type ?? 'Hurto'},Jr. ${i}`;
    const file = (rows: string[]) => `${header}\n${rows.join('\n')}\n`;
    const options = { source: importSource, codeSystem: 'SIDPOL', crs: 'EPSG:32718', timeZone: 'America/Lima', classification: 'CONFIDENCIAL' };
    const mapping = { x: { column: 'este' }, y: { column: 'norte' }, occurredAt: { column: 'fecha' }, localCode: { column: 'delito' }, sourceRef: { column: 'id' }, address: { column: 'direccion' } };
    const run = async (user: TestUser, body: string) => {
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: user.auth, payload: { kind: 'incidents', fileName: 'incidencias.csv', mapping, options } });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<TImportRun>().id;
      const up = await t.app.inject({ method: 'PUT', url: `/api/v1/imports/${id}/file`, headers: { ...user.auth, 'content-type': 'text/csv' }, payload: body });
      expect(up.statusCode, up.body).toBe(200);
      return up.json<TImportRun>();
    };
    const count = async () => (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incident WHERE source = $1', [importSource])).rows[0]!.n;

    it('reports bad rows by line with reasons and applies nothing; the fixed file applies; re-import adds no duplicates', async () => {
      const rows = Array.from({ length: 50 }, (_, k) => row(k + 1));
      rows[9] = row(10, { type: 'Abigeato lunar' });
      rows[19] = row(20, { date: '2025-02-30 10:00' });
      rows[29] = row(30, { x: 'abc' });
      rows[39] = row(40, { date: '2099-01-01 10:00' });
      const bad = await run(analyst, file(rows));
      expect(bad.status).toBe('invalid');
      const errors = (await t.app.inject({ method: 'GET', url: `/api/v1/imports/${bad.id}/errors`, headers: analyst.auth })).json<{ items: TImportRowError[] }>().items;
      expect(errors.map((e) => [e.line, e.column, e.code]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
        [11, 'delito', 'INCIDENT_UNKNOWN_LOCAL_CODE'],
        [21, 'fecha', 'INCIDENT_BAD_TIME'],
        [31, 'este', 'IMPORT_VALUE_FORMAT'],
        [41, 'fecha', 'INCIDENT_FUTURE_TIME'],
      ]);
      expect(errors.find((e) => e.line === 11)!.message.es).toContain('ABIGEATO LUNAR');
      const refused = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${bad.id}/apply`, headers: analyst.auth });
      expect(refused.statusCode).toBe(409);
      expect(await count()).toBe(0);

      const good = file(Array.from({ length: 50 }, (_, k) => row(k + 1)));
      const ok = await run(analyst, good);
      expect(ok.status).toBe('valid');
      const applied = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${ok.id}/apply`, headers: analyst.auth });
      expect(applied.json<TImportRun>()).toMatchObject({ status: 'applied', counts: { created: 50 } });
      expect(await count()).toBe(50);
      const districts = await t.ctx.db.query<{ ubigeo: string; n: number }>('SELECT ubigeo, count(*)::int AS n FROM incident WHERE source = $1 GROUP BY ubigeo', [importSource]);
      expect(districts.rows).toEqual([{ ubigeo: '150132', n: 50 }]);
      const again = await run(analyst, good);
      const reapplied = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${again.id}/apply`, headers: analyst.auth });
      expect(reapplied.json<TImportRun>()).toMatchObject({ status: 'applied', counts: { created: 0, unchanged: 50 } });
      expect(await count()).toBe(50);
    });

    it("reads the PNP's own records with SIDPOL's codes when the run names no code system, as a single entry does", async () => {
      const ref = `${importSource}-PNP`;
      const body = `${header}\n${ref}-1,${utm.x.toFixed(1)},${utm.y.toFixed(1)},2025-05-02 11:00,Robo agravado,Jr. 1\n`;
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: analyst.auth, payload: { kind: 'incidents', fileName: 'pnp.csv', mapping, options: { crs: 'EPSG:32718' } } });
      expect(created.statusCode, created.body).toBe(201);
      const up = await t.app.inject({ method: 'PUT', url: `/api/v1/imports/${created.json<TImportRun>().id}/file`, headers: { ...analyst.auth, 'content-type': 'text/csv' }, payload: body });
      expect(up.json<TImportRun>().status, up.body).toBe('valid');
      const applied = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${created.json<TImportRun>().id}/apply`, headers: analyst.auth });
      expect(applied.json<TImportRun>()).toMatchObject({ status: 'applied', counts: { created: 1 } });
      const stored = await t.ctx.db.query<{ source: string; crime_type: string }>('SELECT source, crime_type FROM incident WHERE source_ref = $1', [`${ref}-1`]);
      expect(stored.rows).toEqual([{ source: 'PNP', crime_type: 'ROBO' }]);
    });

    it('imports SIDPOL district-by-month counts and replaces them on re-import', async () => {
      const sidpol = `T${uniq().toUpperCase()}`;
      const body = 'UBIGEO,ANIO,MES,SUB_TIPO,CANTIDAD\n150132,2025,1,HURTO,120\n150132,2025,1,Extorsión,7\n150122,2025,2,ROBO,30\n';
      const go = async (text: string) => {
        const created = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: analyst.auth, payload: { kind: 'incident-aggregates', fileName: 'sidpol.csv', options: { source: sidpol } } });
        const id = created.json<TImportRun>().id;
        const up = await t.app.inject({ method: 'PUT', url: `/api/v1/imports/${id}/file`, headers: { ...analyst.auth, 'content-type': 'text/csv' }, payload: text });
        expect(up.json<TImportRun>().status, up.body).toBe('valid');
        return (await t.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/apply`, headers: analyst.auth })).json<TImportRun>();
      };
      expect((await go(body)).counts).toMatchObject({ created: 3 });
      expect((await go(body)).counts).toMatchObject({ created: 0, unchanged: 3 });
      const sum = await t.ctx.db.query<{ crime_type: string; n: number }>('SELECT crime_type, sum(count)::int AS n FROM incident_district_month WHERE source = $1 GROUP BY crime_type ORDER BY crime_type', [sidpol]);
      expect(sum.rows).toEqual([{ crime_type: 'EXTORSION', n: 7 }, { crime_type: 'HURTO', n: 120 }, { crime_type: 'ROBO', n: 30 }]);
    });
  });
});
