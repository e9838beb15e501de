import type { TCrimeTypeMapping, TIncident } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

interface ErrorBody {
  error: { code: string; message: string };
}

/** A point inside San Juan de Lurigancho (150132). */
const SJL = { lon: -76.9779, lat: -11.9491 };

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('crime-type mapping maintenance on %s', (_n, backend) => {
  let t: TestApp;
  let analyst: TestUser;
  let commander: TestUser;
  let operator: TestUser;
  let oversight: TestUser;
  let epAnalyst: TestUser;
  // A source system of this run only, so the PostgreSQL database can be shared by runs.
  const system = `M${uniq().toUpperCase()}`;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    analyst = await makeUser(db, { role: 'analyst', agency: 'PNP' });
    commander = await makeUser(db, { role: 'commander', agency: 'PNP' });
    operator = await makeUser(db, { role: 'operator', agency: 'PNP' });
    oversight = await makeUser(db, { role: 'oversight', agency: 'DP' });
    epAnalyst = await makeUser(db, { role: 'analyst', agency: 'EP' });
  });
  afterAll(async () => t.close());

  const put = (user: TestUser, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'PUT', url: '/api/v1/incidents/crime-types/mappings', headers: { ...user.auth, ...headers }, payload });
  const remove = (user: TestUser, sourceSystem: string, localCode: string) =>
    t.app.inject({ method: 'DELETE', url: '/api/v1/incidents/crime-types/mappings', headers: user.auth, query: { sourceSystem, localCode } });
  const mappingsOf = async (sourceSystem: string): Promise<TCrimeTypeMapping[]> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/incidents/crime-types', headers: operator.auth });
    expect(res.statusCode).toBe(200);
    return res.json<{ mappings: TCrimeTypeMapping[] }>().mappings.filter((m) => m.sourceSystem === sourceSystem);
  };
  const auditRows = async (entityId: string): Promise<{ action: string; actor: string }[]> =>
    (await t.ctx.db.query<{ action: string; actor: string }>(
      "SELECT action, actor FROM audit_log WHERE entity_type = 'crime_type_mapping' AND entity_id = $1 ORDER BY seq",
      [entityId],
    )).rows;

  it('an analyst adds a mapping (code normalised, audited in the same write), and a record of that system then maps through it', async () => {
    const res = await put(analyst, { sourceSystem: system, localCode: '  Robo  a  mano armada ', crimeType: 'ROBO', note: 'Nuevo sistema regional' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ sourceSystem: system, localCode: 'ROBO A MANO ARMADA', crimeType: 'ROBO', note: 'Nuevo sistema regional' });
    expect(await mappingsOf(system)).toEqual([res.json()]);
    expect(await auditRows(`${system}/ROBO A MANO ARMADA`)).toEqual([{ action: 'create', actor: analyst.user.username }]);

    const incident = await t.app.inject({
      method: 'POST', url: '/api/v1/incidents', headers: operator.auth,
      payload: { source: system, sourceRef: 'R-1', localCode: 'robo a mano armada', occurredAt: '2025-03-01T21:30:00-05:00', location: SJL },
    });
    expect(incident.statusCode, incident.body).toBe(201);
    expect(incident.json<TIncident>()).toMatchObject({ crimeType: 'ROBO', localCode: 'ROBO A MANO ARMADA' });
  });

  it('says where to add a missing code when a record cannot be mapped', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/incidents', headers: operator.auth,
      payload: { source: system, localCode: 'Código ausente', occurredAt: '2025-03-01T21:30:00-05:00', location: SJL },
    });
    expect(res.statusCode).toBe(422);
    const body = res.json<ErrorBody>();
    expect(body.error.code).toBe('INCIDENT_UNKNOWN_LOCAL_CODE');
    expect(body.error.message).toContain('CODIGO AUSENTE');
    expect(body.error.message).toContain('/incidents/crime-types');
  });

  it('a commander changes a mapping; the same change again, or a retry with its Idempotency-Key, writes and audits nothing more', async () => {
    await put(analyst, { sourceSystem: system, localCode: 'Estafa telefónica', crimeType: 'OTRO' });
    const entity = `${system}/ESTAFA TELEFONICA`;
    const body = { sourceSystem: system, localCode: 'ESTAFA TELEFONICA', crimeType: 'ESTAFA', note: 'Art. 196' };
    const key = { 'idempotency-key': `map-${uniq()}` };
    const changed = await put(commander, body, key);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ crimeType: 'ESTAFA', note: 'Art. 196' });
    const replay = await put(commander, body, key);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(changed.json());
    const same = await put(commander, body);
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual(changed.json());
    expect((await mappingsOf(system)).filter((m) => m.localCode === 'ESTAFA TELEFONICA')).toEqual([changed.json()]);
    expect(await auditRows(entity)).toEqual([
      { action: 'create', actor: analyst.user.username },
      { action: 'update', actor: commander.user.username },
    ]);
    // Leaving the note out clears it.
    const cleared = await put(commander, { sourceSystem: system, localCode: 'ESTAFA TELEFONICA', crimeType: 'ESTAFA' });
    expect(cleared.json()).toMatchObject({ note: null });
  });

  it('refuses to remove a mapping records use, with the count; removes an unused one once, and a retry is a no-op', async () => {
    await put(analyst, { sourceSystem: system, localCode: 'Arrebato', crimeType: 'ROBO' });
    const record = await t.app.inject({
      method: 'POST', url: '/api/v1/incidents', headers: operator.auth,
      payload: { source: system, sourceRef: 'A-1', localCode: 'arrebato', occurredAt: '2025-03-02T10:00:00-05:00', location: SJL },
    });
    expect(record.statusCode, record.body).toBe(201);
    // Changed after the record was classified: the record still uses it.
    expect((await put(analyst, { sourceSystem: system, localCode: 'ARREBATO', crimeType: 'HURTO' })).statusCode).toBe(200);
    const inUse = await remove(commander, system, 'arrebato');
    expect(inUse.statusCode).toBe(409);
    const refusal = inUse.json<ErrorBody>();
    expect(refusal.error.code).toBe('INCIDENT_MAPPING_IN_USE');
    expect(refusal.error.message).toContain('la usan 1 registros');
    expect((await mappingsOf(system)).map((m) => m.localCode)).toContain('ARREBATO');

    await put(analyst, { sourceSystem: system, localCode: 'Sin uso', crimeType: 'OTRO' });
    const removed = await remove(analyst, system, 'Sin uso');
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await mappingsOf(system)).map((m) => m.localCode)).not.toContain('SIN USO');
    expect((await remove(analyst, system, 'SIN USO')).statusCode).toBe(204);
    expect(await auditRows(`${system}/SIN USO`)).toEqual([
      { action: 'create', actor: analyst.user.username },
      { action: 'delete', actor: analyst.user.username },
    ]);
  });

  it('knows which table classified a record: a code read with another system named at entry does not hold its source\'s own row', async () => {
    // The same local code in two tables: the source's own (read by default) and another system named at entry.
    const other = `N${uniq().toUpperCase()}`;
    await put(analyst, { sourceSystem: system, localCode: 'Cogoteo', crimeType: 'ROBO' });
    await put(analyst, { sourceSystem: other, localCode: 'Cogoteo', crimeType: 'HURTO' });
    const record = await t.app.inject({
      method: 'POST', url: '/api/v1/incidents', headers: operator.auth,
      payload: { source: system, codeSystem: other, sourceRef: 'C-1', localCode: 'cogoteo', occurredAt: '2025-03-03T10:00:00-05:00', location: SJL },
    });
    expect(record.statusCode, record.body).toBe(201);
    expect(record.json<TIncident>()).toMatchObject({ localCode: 'COGOTEO', codeSystem: other, crimeType: 'HURTO' });
    // The row that classified it is in use; the source's own row with the same code is not, and can go.
    const inUse = await remove(analyst, other, 'COGOTEO');
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json<ErrorBody>().error.code).toBe('INCIDENT_MAPPING_IN_USE');
    expect((await remove(analyst, system, 'COGOTEO')).statusCode).toBe(204);
    expect((await mappingsOf(system)).map((m) => m.localCode)).not.toContain('COGOTEO');
    // A record with no local code has no code system.
    const typed = await t.app.inject({
      method: 'POST', url: '/api/v1/incidents', headers: operator.auth,
      payload: { source: system, sourceRef: 'C-2', crimeType: 'ROBO', occurredAt: '2025-03-03T11:00:00-05:00', location: SJL },
    });
    expect(typed.json<TIncident>()).toMatchObject({ localCode: null, codeSystem: null });
  });

  it('refuses operators and oversight (no incident:mapping:write), changing nothing', async () => {
    await put(analyst, { sourceSystem: system, localCode: 'Lesiones leves', crimeType: 'LESIONES' });
    const byOperator = await put(operator, { sourceSystem: system, localCode: 'LESIONES LEVES', crimeType: 'HOMICIDIO' });
    expect(byOperator.statusCode).toBe(403);
    expect(byOperator.json<ErrorBody>().error.code).toBe('FORBIDDEN');
    expect((await put(oversight, { sourceSystem: system, localCode: 'Otro', crimeType: 'OTRO' })).statusCode).toBe(403);
    expect((await remove(oversight, system, 'LESIONES LEVES')).statusCode).toBe(403);
    expect((await remove(operator, system, 'LESIONES LEVES')).statusCode).toBe(403);
    const rows = await mappingsOf(system);
    expect(rows.find((m) => m.localCode === 'LESIONES LEVES')?.crimeType).toBe('LESIONES');
    expect(rows.map((m) => m.localCode)).not.toContain('OTRO');
  });

  it("leaves the classification to the PNP: an Army analyst, who holds the permission, is refused with the reason", async () => {
    await put(analyst, { sourceSystem: system, localCode: 'Robo al paso', crimeType: 'ROBO' });
    const byArmy = await put(epAnalyst, { sourceSystem: system, localCode: 'ROBO AL PASO', crimeType: 'HURTO' });
    expect(byArmy.statusCode).toBe(403);
    expect(byArmy.json<ErrorBody>().error).toMatchObject({ code: 'INCIDENT_MAPPING_PNP_ONLY' });
    expect(byArmy.json<ErrorBody>().error.message).toContain('SIDPOL');
    expect((await remove(epAnalyst, system, 'ROBO AL PASO')).json<ErrorBody>().error.code).toBe('INCIDENT_MAPPING_PNP_ONLY');
    expect((await mappingsOf(system)).find((m) => m.localCode === 'ROBO AL PASO')?.crimeType).toBe('ROBO');
  });

  it('documents both routes in the OpenAPI document, with the body and querystring schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const doc = res.json<{ paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { name: string }[] }>> }>();
    const path = doc.paths['/api/v1/incidents/crime-types/mappings'];
    expect(path?.put?.requestBody).toBeDefined();
    expect(path?.delete?.parameters?.map((p) => p.name).sort()).toEqual(['localCode', 'sourceSystem']);
  });

  it('keeps SQL in strings as text and refuses malformed or over-long input', async () => {
    const hostile = "x'); DROP TABLE crime_type_mapping; --";
    const stored = await put(analyst, { sourceSystem: system, localCode: hostile, crimeType: 'DANOS', note: "'; DELETE FROM audit_log; --" });
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.json()).toMatchObject({ localCode: "X'); DROP TABLE CRIME_TYPE_MAPPING; --", note: "'; DELETE FROM audit_log; --" });
    expect((await mappingsOf('SIDPOL')).length).toBeGreaterThan(10);
    expect(await auditRows(`${system}/X'); DROP TABLE CRIME_TYPE_MAPPING; --`)).toHaveLength(1);

    const bad: Record<string, unknown>[] = [
      { sourceSystem: "SIDPOL'--", localCode: 'ROBO', crimeType: 'ROBO' },
      { sourceSystem: 'sidpol', localCode: 'ROBO', crimeType: 'ROBO' },
      { sourceSystem: system, localCode: 'A'.repeat(201), crimeType: 'ROBO' },
      { sourceSystem: system, localCode: '   ', crimeType: 'ROBO' },
      { sourceSystem: system, localCode: '\u0301\u0301', crimeType: 'ROBO' },
      { sourceSystem: system, localCode: 'NUL\u0000CODE', crimeType: 'ROBO' },
      { sourceSystem: system, localCode: 'ROBO', crimeType: 'ROBO; DROP TABLE incident' },
      { sourceSystem: system, localCode: 'ROBO', crimeType: 'ROBO', note: 'n'.repeat(501) },
      { sourceSystem: system, localCode: 'ROBO', crimeType: 'ROBO', extra: true },
    ];
    for (const payload of bad) {
      const res = await put(analyst, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await remove(analyst, system, 'B'.repeat(201))).statusCode).toBe(400);
    expect((await mappingsOf(system)).map((m) => m.localCode)).not.toContain('ROBO');
  });
});
