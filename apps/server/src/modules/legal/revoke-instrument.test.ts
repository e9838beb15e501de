import { canonicalJson, sha256Hex } from '@enlace/audit-chain';
import type { TTaskingInput } from '@enlace/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { aDecree, aLawfulChain, aRequest, anExtension } from '../../../../../test/support/legal.ts';
import type { InstrumentBody } from '../../../../../test/support/legal.ts';
import { putSampleProtocolsInForce } from '../../../../../test/support/protocols.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

interface ErrorBody {
  error: { code: string; message: string };
}
interface Result {
  evaluationId: string;
  decision: 'allowed' | 'conditional' | 'denied';
  legalBasis: string[];
  findings: { code: string; severity: string }[];
}

const LIMA = { ubigeo: ['1501'] };

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('revoking legal instruments on %s', (_n, backend) => {
  let t: TestApp;
  let legal: TestUser;
  let pnpLegal: TestUser;
  let lowClearance: TestUser;
  let epPlanner: TestUser;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    legal = await makeUser(db, { role: 'legal_officer', agency: 'CCFFAA' });
    pnpLegal = await makeUser(db, { role: 'legal_officer', agency: 'PNP' });
    lowClearance = await makeUser(db, { role: 'legal_officer', agency: 'CCFFAA', clearance: 'CONFIDENCIAL' });
    epPlanner = await makeUser(db, { role: 'planner', agency: 'EP' });
    await putSampleProtocolsInForce(t, legal, await makeUser(db, { role: 'commander', agency: 'PNP' }), await makeUser(db, { role: 'commander', agency: 'EP' }));
  });
  afterAll(async () => t.close());

  const registerAll = async (instruments: InstrumentBody[], user = legal): Promise<void> => {
    for (const i of instruments) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/legal/instruments', headers: user.auth, payload: i });
      expect(res.statusCode, res.body).toBe(201);
    }
  };
  const revoke = (user: TestUser, id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1/legal/instruments/${encodeURIComponent(id)}/revoke`, headers: { ...user.auth, ...headers }, payload: body });
  const evaluate = async (input: TTaskingInput): Promise<Result> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tasking/evaluate', headers: epPlanner.auth, payload: input });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Result>();
  };
  const revocations = async (id: string): Promise<number> =>
    (await t.ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'revoke' AND entity_type = 'legal_instrument' AND entity_id = $1", [id])).rows.length;

  it('ends the basis from the revocation day, breaks the chain of extensions after it, and audits it once', async () => {
    const chain = aLawfulChain(2038, LIMA);
    const [decree, extension] = chain as [InstrumentBody, InstrumentBody];
    await registerAll(chain);
    const area = { ubigeo: ['150101'] };
    const first = await evaluate(aRequest({ area, start: '2038-02-10', end: '2038-02-10' }));
    expect(first.decision, JSON.stringify(first.findings)).toBe('allowed');
    expect((await evaluate(aRequest({ area, start: '2038-03-01', end: '2038-03-01' }))).decision).toBe('allowed');

    const body = { revokedOn: '2038-02-05', reason: 'Cesaron las causas que motivaron la declaratoria', revokingInstrument: 'DS 012-2071-PCM' };
    const res = await revoke(legal, decree.id, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: decree.id, validTo: decree.validTo, revocation: { ...body, revokedBy: legal.user.username } });
    expect(await revocations(decree.id)).toBe(1);

    // The day before the revocation the decree still counts; from that day on neither it nor its extension do.
    const before = await evaluate(aRequest({ area, start: '2038-02-03', end: '2038-02-04' }));
    expect(before.decision).toBe('allowed');
    expect(before.legalBasis).toContain(decree.id);
    const on = await evaluate(aRequest({ area, start: '2038-02-04', end: '2038-02-05' }));
    expect(on.decision).toBe('denied');
    const inExtension = await evaluate(aRequest({ area, start: '2038-03-01', end: '2038-03-01' }));
    expect(inExtension.decision).toBe('denied');
    expect(inExtension.legalBasis).not.toContain(extension.id);

    const read = await t.app.inject({ method: 'GET', url: `/api/v1/legal/instruments/${decree.id}`, headers: legal.auth });
    expect(read.json<{ revocation?: { revokedOn: string } }>().revocation?.revokedOn).toBe('2038-02-05');
  });

  it('answers a retried revocation with the stored one and records nothing, and refuses a different one', async () => {
    const decree = aDecree(2072, LIMA);
    await registerAll([decree]);
    const body = { revokedOn: '2072-01-20', reason: 'Derogado', revokingInstrument: 'DS 001-2072-PCM', sourceUrl: 'https://www.gob.pe/normas/ds-001-2072-pcm' };
    const first = await revoke(legal, decree.id, body);
    expect(first.statusCode, first.body).toBe(200);
    const again = await revoke(legal, decree.id, body);
    expect(again.statusCode).toBe(200);
    expect(again.json<{ updatedAt: string }>().updatedAt).toBe(first.json<{ updatedAt: string }>().updatedAt);
    expect(await revocations(decree.id)).toBe(1);

    const other = await revoke(legal, decree.id, { ...body, revokedOn: '2072-01-10' });
    expect(other.statusCode).toBe(409);
    expect(other.json<ErrorBody>().error.code).toBe('INSTRUMENT_ALREADY_REVOKED');

    // With an Idempotency-Key the first answer is replayed.
    const second = aDecree(2072, LIMA);
    await registerAll([second]);
    const key = { 'idempotency-key': `revoke-${uniq()}` };
    const keyed = await revoke(legal, second.id, { ...body, revokedOn: '2072-02-01' }, key);
    expect(keyed.statusCode, keyed.body).toBe(200);
    expect((await revoke(legal, second.id, { ...body, revokedOn: '2072-02-01' }, key)).json()).toEqual(keyed.json());
    expect(await revocations(second.id)).toBe(1);
  });

  it('refuses a day after the last one, an extension of a revoked decree, and malformed bodies', async () => {
    const decree = aDecree(2073, LIMA);
    await registerAll([decree]);
    const late = await revoke(legal, decree.id, { revokedOn: '2073-02-16', reason: 'x', revokingInstrument: 'DS 2-2073-PCM' });
    expect(late.statusCode).toBe(422);
    expect(late.json<ErrorBody>().error.code).toBe('INSTRUMENT_REVOCATION_AFTER_END');
    expect((await revoke(legal, decree.id, { revokedOn: 'mañana', reason: 'x', revokingInstrument: 'y' })).statusCode).toBe(400);
    expect((await revoke(legal, decree.id, { revokedOn: '2073-02-01', reason: '', revokingInstrument: 'y' })).statusCode).toBe(400);

    expect((await revoke(legal, decree.id, { revokedOn: '2073-02-01', reason: 'Derogado', revokingInstrument: 'DS 3-2073-PCM' })).statusCode).toBe(200);
    const extension = await t.app.inject({ method: 'POST', url: '/api/v1/legal/instruments', headers: legal.auth, payload: anExtension(decree) });
    expect(extension.statusCode).toBe(422);
    expect(extension.json<ErrorBody>().error.code).toBe('INSTRUMENT_PARENT_REVOKED');
  });

  it('hides instruments of other agencies and above the clearance (404), refuses roles that may not edit (403)', async () => {
    const body = { revokedOn: '2074-01-10', reason: 'Derogado', revokingInstrument: 'DS 9-2074-PCM' };
    const reserved = aDecree(2074, LIMA, { classification: 'RESERVADO' });
    await registerAll([reserved]);
    expect((await revoke(lowClearance, reserved.id, body)).statusCode).toBe(404);
    const pnpSecret = aDecree(2074, LIMA, { classification: 'RESERVADO' });
    await registerAll([pnpSecret], pnpLegal);
    expect((await revoke(legal, pnpSecret.id, body)).statusCode).toBe(404);
    expect((await revoke(legal, `DS-${uniq()}-2074-PCM`, body)).statusCode).toBe(404);
    const open = aDecree(2074, LIMA);
    await registerAll([open]);
    expect((await revoke(pnpLegal, open.id, body)).statusCode).toBe(403);
    expect((await revoke(epPlanner, open.id, body)).statusCode).toBe(403);
    for (const id of [reserved.id, pnpSecret.id, open.id]) expect(await revocations(id)).toBe(0);
  });

  it('stores the evaluated input compactly with digests of the input and of the member list', async () => {
    const request = aRequest({ area: { ubigeo: ['150101'] }, start: '2038-02-10', end: '2038-02-10' });
    // `inject` sends this JSON text as the body: its SHA-256 binds the members listed in it.
    const result = await evaluate(request);
    const row = (await t.ctx.db.query<{ input: { unit: Record<string, unknown> }; input_digest: string }>(
      'SELECT input, input_digest FROM tasking_evaluation WHERE id = $1', [result.evaluationId],
    )).rows[0]!;
    const { members: _members, ...unit } = request.unit;
    expect(row.input.unit).toEqual({ ...unit, memberCount: 5, membersFrom: 'request', requestDigest: sha256Hex(JSON.stringify(request)) });
    expect(row.input_digest).toBe(sha256Hex(canonicalJson(row.input)));
    const audit = (await t.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'evaluate' AND entity_id = $1", [result.evaluationId],
    )).rows[0]!;
    expect(audit.n).toBe(1);
  });
});
