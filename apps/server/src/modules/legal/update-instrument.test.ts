import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { aDecree, anExtension, supportingFor } from '../../../../../test/support/legal.ts';
import type { InstrumentBody } from '../../../../../test/support/legal.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: { findings?: { code: string }[] } };
}

const LIMA = { ubigeo: ['1501'] };

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('editing legal instruments on %s', (_n, backend) => {
  let t: TestApp;
  let legal: TestUser;
  let legal2: TestUser;
  let pnpLegal: TestUser;
  let epPlanner: TestUser;
  let lowClearance: TestUser;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    legal = await makeUser(db, { role: 'legal_officer', agency: 'CCFFAA' });
    legal2 = await makeUser(db, { role: 'legal_officer', agency: 'CCFFAA' });
    pnpLegal = await makeUser(db, { role: 'legal_officer', agency: 'PNP' });
    epPlanner = await makeUser(db, { role: 'planner', agency: 'EP' });
    lowClearance = await makeUser(db, { role: 'legal_officer', agency: 'CCFFAA', clearance: 'CONFIDENCIAL' });
  });
  afterAll(async () => t.close());

  const register = async (user: TestUser, body: InstrumentBody): Promise<void> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/legal/instruments', headers: user.auth, payload: body });
    expect(res.statusCode, res.body).toBe(201);
  };
  const put = (user: TestUser, body: InstrumentBody, headers: Record<string, string> = {}, id = body.id) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/legal/instruments/${encodeURIComponent(id)}`, headers: { ...user.auth, ...headers }, payload: body });
  const audits = async (id: string): Promise<number> =>
    (await t.ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'update' AND entity_type = 'legal_instrument' AND entity_id = $1", [id])).rows.length;

  it('replaces an instrument, audits the change, and records nothing when the same values are sent again', async () => {
    const decree = aDecree(2051, LIMA);
    await register(legal, decree);
    const changed = { ...decree, title: 'Declaran estado de emergencia en Lima', restrictedRights: ['LIBERTAD_TRANSITO', 'LIBERTAD_REUNION'] };
    const res = await put(legal2, changed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: decree.id, title: changed.title, restrictedRights: changed.restrictedRights });
    expect(await audits(decree.id)).toBe(1);

    const again = await put(legal2, changed);
    expect(again.statusCode).toBe(200);
    expect(again.json<{ updatedAt: string }>().updatedAt).toBe(res.json<{ updatedAt: string }>().updatedAt);
    expect(await audits(decree.id)).toBe(1);

    const key = { 'idempotency-key': `edit-${uniq()}` };
    const keyed = await put(legal, { ...changed, title: 'Otro título' }, key);
    expect((await put(legal, { ...changed, title: 'Otro título' }, key)).json()).toEqual(keyed.json());
    expect(await audits(decree.id)).toBe(2);
  });

  it('re-validates with the registration rules: a 61-day decree or a fifth right is refused with the reason', async () => {
    const decree = aDecree(2052, LIMA);
    await register(legal, decree);
    const tooLong = await put(legal, { ...decree, validTo: '2052-03-02' }, { 'accept-language': 'en' });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json<ErrorBody>().error).toMatchObject({ code: 'INSTRUMENT_EDIT_REJECTED' });
    expect(tooLong.json<ErrorBody>().error.message).toMatch(/^The instrument cannot be changed: .*DECREE_TOO_LONG/);
    const right = await put(legal, { ...decree, restrictedRights: ['LIBERTAD_EXPRESION'] });
    expect(right.json<ErrorBody>().error.details?.findings?.map((f) => f.code)).toContain('RIGHT_NOT_RESTRICTABLE');
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/legal/instruments/${decree.id}`, headers: legal.auth });
    expect(read.json()).toMatchObject({ validTo: decree.validTo, restrictedRights: decree.restrictedRights });
  });

  it('refuses an edit that would leave its extension with a gap, naming the extension', async () => {
    const decree = aDecree(2053, LIMA);
    const extension = anExtension(decree);
    await register(legal, decree);
    await register(legal, extension);
    for (const s of supportingFor(decree, '2053-01-01', '2053-03-31')) await register(legal, s);
    const res = await put(legal, { ...decree, validTo: '2053-02-10' });
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().error.code).toBe('INSTRUMENT_EDIT_BREAKS_DEPENDENT');
    expect(res.json<ErrorBody>().error.message).toContain(extension.id);
    expect(res.json<ErrorBody>().error.details?.findings?.map((f) => f.code)).toContain('EXTENSION_GAP');
    // Shortening the extension itself is fine.
    expect((await put(legal, { ...extension, validTo: '2053-03-15' })).statusCode).toBe(200);
  });

  it('refuses edits by another agency, above the clearance, or to another agency; unreadable is not found', async () => {
    const decree = aDecree(2054, LIMA);
    await register(legal, decree);
    expect((await put(pnpLegal, decree)).statusCode).toBe(403);
    expect((await put(legal, { ...decree, agency: 'PNP' })).statusCode).toBe(403);
    expect((await put(epPlanner, { ...decree, title: 'x' })).statusCode).toBe(403);

    const reserved = aDecree(2055, LIMA, { classification: 'RESERVADO' });
    await register(legal, reserved);
    expect((await put(lowClearance, reserved)).statusCode).toBe(404);
    expect((await put(lowClearance, { ...decree, classification: 'RESERVADO' })).json<ErrorBody>().error.code).toBe('CLASSIFICATION_ABOVE_CLEARANCE');
    const pnpSecret = aDecree(2055, LIMA, { classification: 'RESERVADO' });
    await register(pnpLegal, pnpSecret);
    expect((await put(legal, pnpSecret)).statusCode).toBe(404);
    expect((await put(legal, aDecree(2056, LIMA))).statusCode).toBe(404);
    expect(await audits(decree.id)).toBe(0);
  });

  it('refuses a body whose id differs from the path, and malformed input', async () => {
    const decree = aDecree(2057, LIMA);
    await register(legal, decree);
    const mismatch = await put(legal, { ...decree, id: 'DS-OTRO' }, {}, decree.id);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json<ErrorBody>().error.code).toBe('INSTRUMENT_ID_MISMATCH');
    const hostile = await put(legal, { ...decree, title: "'; DROP TABLE legal_instrument; --" });
    expect(hostile.statusCode).toBe(200);
    expect(hostile.json<{ title: string }>().title).toBe("'; DROP TABLE legal_instrument; --");
    const bad = await t.app.inject({ method: 'PUT', url: `/api/v1/legal/instruments/${decree.id}`, headers: legal.auth, payload: { ...decree, validFrom: 'ayer' } });
    expect(bad.statusCode).toBe(400);
  });
});
