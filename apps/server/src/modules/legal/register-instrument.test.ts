import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { aDecree, anExtension } from '../../../../../test/support/legal.ts';
import type { InstrumentBody } from '../../../../../test/support/legal.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

interface ErrorBody {
  error: { code: string; message: string; details: { findings: { code: string; message: { es: string; en: string } }[] } };
}

const LIMA = { ubigeo: ['1501'] };
const limaToday = (): string => new Date(Date.now() - 5 * 3600_000).toISOString().slice(0, 10);
const plusDays = (iso: string, n: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('legal instrument registry on %s', (_n, backend) => {
  let t: TestApp;
  let legal: TestUser;
  let pnpLegal: TestUser;
  let field: TestUser;
  let oversight: TestUser;
  let epPlanner: TestUser;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    legal = await makeUser(db, { role: 'legal_officer', agency: 'CCFFAA' });
    pnpLegal = await makeUser(db, { role: 'legal_officer', agency: 'PNP' });
    field = await makeUser(db, { role: 'field', agency: 'CCFFAA' });
    oversight = await makeUser(db, { role: 'oversight', agency: 'DP' });
    epPlanner = await makeUser(db, { role: 'planner', agency: 'EP' });
  });
  afterAll(async () => t.close());

  const register = (user: TestUser, body: InstrumentBody, lang = 'es') =>
    t.app.inject({ method: 'POST', url: '/api/v1/legal/instruments', headers: { ...user.auth, 'accept-language': lang }, payload: body });
  const rejectionCodes = (res: { json: <T>() => T }): string[] => res.json<ErrorBody>().error.details.findings.map((f) => f.code);

  it('registers a decree and its extension, and reads them back with their labels', async () => {
    const decree = aDecree(2041, LIMA);
    const extension = anExtension(decree);
    const first = await register(legal, decree);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ id: decree.id, agency: 'CCFFAA', classification: 'PUBLICO', area: LIMA, exercise: false });
    expect((await register(legal, extension)).statusCode).toBe(201);

    const read = await t.app.inject({ method: 'GET', url: `/api/v1/legal/instruments/${extension.id}`, headers: epPlanner.auth });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: extension.id, kind: 'DS_PRORROGA', extends: decree.id, validFrom: '2041-02-16' });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/legal/instruments?limit=1000', headers: legal.auth });
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual(expect.arrayContaining([decree.id, extension.id]));
    expect((await register(legal, decree)).statusCode).toBe(409);
  });

  it('stores a polygon area and audits the registration', async () => {
    const decree = aDecree(2042, { geometry: { type: 'Polygon', coordinates: [[[-77.1, -12.2], [-77, -12.2], [-77, -12.1], [-77.1, -12.2]]] } });
    const res = await register(legal, decree);
    expect(res.statusCode).toBe(201);
    expect(res.json<{ area: { geometry: { type: string } } }>().area.geometry.type).toBe('MultiPolygon');
    const audited = await t.ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'create' AND entity_type = 'legal_instrument' AND entity_id = $1", [decree.id]);
    expect(audited.rows).toHaveLength(1);
  });

  it('refuses a 61-day decree with DECREE_TOO_LONG, in the request language', async () => {
    const res = await register(legal, aDecree(2043, LIMA, { validFrom: '2043-01-01', validTo: '2043-03-02' }), 'en');
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().error.code).toBe('INSTRUMENT_REJECTED');
    expect(res.json<ErrorBody>().error.message).toMatch(/^The instrument cannot be registered: .*DECREE_TOO_LONG/);
    expect(rejectionCodes(res)).toContain('DECREE_TOO_LONG');
    const finding = res.json<ErrorBody>().error.details.findings.find((f) => f.code === 'DECREE_TOO_LONG')!;
    expect(finding.message.es.length).toBeGreaterThan(0);
    expect(finding.message.en.length).toBeGreaterThan(0);
  });

  it('accepts a decree of exactly 60 days', async () => {
    expect((await register(legal, aDecree(2043, LIMA, { validFrom: '2043-01-01', validTo: '2043-03-01' }))).statusCode).toBe(201);
  });

  it('refuses an extension that leaves a one-day gap after its decree', async () => {
    const decree = aDecree(2044, LIMA);
    expect((await register(legal, decree)).statusCode).toBe(201);
    const res = await register(legal, anExtension(decree, { validFrom: '2044-02-17' }));
    expect(res.statusCode).toBe(422);
    expect(rejectionCodes(res)).toContain('EXTENSION_GAP');
  });

  it('refuses a right outside the four that may be restricted', async () => {
    const res = await register(legal, aDecree(2045, LIMA, { restrictedRights: ['LIBERTAD_TRANSITO', 'LIBERTAD_EXPRESION'] }));
    expect(res.statusCode).toBe(422);
    expect(rejectionCodes(res)).toContain('RIGHT_NOT_RESTRICTABLE');
  });

  it('refuses an S4 resolution without a ground', async () => {
    const res = await register(legal, {
      id: 'RS-SIN-CAUSAL',
      kind: 'RESOLUCION_SUPREMA',
      scenario: 'APOYO_PNP_SIN_EE',
      pnpCapacity: 'SOBREPASADA',
      area: { ubigeo: ['200701'] },
      validFrom: '2045-11-01',
      validTo: '2045-11-30',
      controlAuthority: 'PNP',
      classification: 'PUBLICO',
    });
    expect(res.statusCode).toBe(422);
    expect(rejectionCodes(res)).toContain('S4_GROUND_MISSING');
  });

  it('lists the instruments expiring within the given days, soonest first', async () => {
    const today = limaToday();
    const decree = aDecree(2046, LIMA, { validFrom: plusDays(today, -10), validTo: plusDays(today, 3) });
    expect((await register(legal, decree)).statusCode).toBe(201);
    const within = async (days: number): Promise<{ id: string; daysLeft: number }[]> => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/legal/instruments/expiring?days=${days}`, headers: legal.auth });
      expect(res.statusCode).toBe(200);
      return res.json<{ items: { id: string; daysLeft: number }[] }>().items;
    };
    expect((await within(5)).find((i) => i.id === decree.id)).toMatchObject({ daysLeft: 3 });
    expect((await within(2)).some((i) => i.id === decree.id)).toBe(false);
  });

  it('refuses registration to the field role and to oversight, who only read', async () => {
    expect((await register(field, aDecree(2047, LIMA))).statusCode).toBe(403);
    expect((await register(oversight, aDecree(2047, LIMA))).statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/legal/instruments', headers: oversight.auth });
    expect(list.statusCode).toBe(200);
  });

  it('refuses registering for another agency', async () => {
    expect((await register(legal, aDecree(2047, LIMA, { agency: 'PNP' }))).statusCode).toBe(403);
  });

  it('hides a RESERVADO PNP instrument from an Ejército user, and shows it to DP oversight', async () => {
    const decree = aDecree(2048, LIMA, { classification: 'RESERVADO' });
    expect((await register(pnpLegal, decree)).statusCode).toBe(201);
    const get = (u: TestUser) => t.app.inject({ method: 'GET', url: `/api/v1/legal/instruments/${decree.id}`, headers: u.auth });
    expect((await get(epPlanner)).statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/legal/instruments?limit=1000', headers: epPlanner.auth });
    expect(list.json<{ items: { id: string }[] }>().items.some((i) => i.id === decree.id)).toBe(false);
    expect((await get(oversight)).statusCode).toBe(200);
    const audited = await t.ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'read' AND entity_id = $1 AND actor = $2", [
      decree.id,
      oversight.user.username,
    ]);
    expect(audited.rows).toHaveLength(1);
  });
});
