import { SAMPLE_PROTOCOLS } from '@enlace/rules';
import type { TProtocolDraftInput, TTaskingInput } from '@enlace/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { aLawfulChain, aRequest } from '../../../../../test/support/legal.ts';
import { approve, draftProtocol, putSampleProtocolsInForce } from '../../../../../test/support/protocols.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

interface ErrorBody {
  error: { code: string; message: string };
}
interface Finding {
  code: string;
  severity: string;
  message: { es: string; en: string };
  legalRef: string;
  details?: Record<string, unknown>;
}

const sample = (procedure: string, force: 'PNP' | 'FFAA'): TProtocolDraftInput =>
  SAMPLE_PROTOCOLS.find((p) => p.procedure === procedure && p.force === force)!;

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('joint protocols on %s', (_n, backend) => {
  let t: TestApp;
  let drafter: TestUser;
  let pnp: TestUser;
  let pnp2: TestUser;
  let ep: TestUser;
  let ccffaa: TestUser;
  let dpCommander: TestUser;
  let planner: TestUser;
  let legal: TestUser;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    drafter = await makeUser(db, { role: 'legal_officer', agency: 'CCFFAA' });
    legal = await makeUser(db, { role: 'legal_officer', agency: 'PNP' });
    pnp = await makeUser(db, { role: 'commander', agency: 'PNP' });
    pnp2 = await makeUser(db, { role: 'commander', agency: 'MININTER' });
    ep = await makeUser(db, { role: 'commander', agency: 'EP' });
    ccffaa = await makeUser(db, { role: 'commander', agency: 'CCFFAA' });
    dpCommander = await makeUser(db, { role: 'commander', agency: 'DP' });
    planner = await makeUser(db, { role: 'planner', agency: 'EP' });
    await putSampleProtocolsInForce(t, drafter, pnp, ep);
  });
  afterAll(async () => t.close());

  const auditCount = async (action: string, id: string): Promise<number> =>
    (await t.ctx.db.query("SELECT 1 FROM audit_log WHERE action = $1 AND entity_type = 'protocol_version' AND entity_id = $2", [action, id])).rows.length;

  it('drafts numbered versions that stay pending, audited', async () => {
    const a = await draftProtocol(t, drafter, sample('PUESTO_CONTROL', 'FFAA'));
    const b = await draftProtocol(t, drafter, sample('PUESTO_CONTROL', 'FFAA'));
    expect(a).toMatchObject({ status: 'pending', approvals: [], force: 'FFAA' });
    expect(b.version).toBe(a.version + 1);
    expect(await auditCount('create', a.id)).toBe(1);
    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/protocols',
      headers: drafter.auth,
      payload: { ...sample('PATRULLAJE_CONJUNTO', 'FFAA'), tasks: ['INVESTIGACION_CRIMINAL'], classification: 'PUBLICO' },
    });
    expect(invalid.statusCode).toBe(400);
    const oversized = await t.app.inject({
      method: 'POST',
      url: '/api/v1/protocols',
      headers: drafter.auth,
      payload: { ...sample('PATRULLAJE_CONJUNTO', 'FFAA'), title: { es: 'x'.repeat(301), en: 'x' }, classification: 'PUBLICO' },
    });
    expect(oversized.statusCode).toBe(400);
    expect(oversized.json<ErrorBody>().error.code).toBe('VALIDATION_FAILED');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/protocols', headers: ep.auth, payload: { ...sample('PUESTO_CONTROL', 'FFAA'), classification: 'PUBLICO', agency: 'PNP' } })).statusCode).toBe(403);
  });

  it('takes effect only with one PNP and one FF.AA. approver, refusing the same user or force twice in es and en', async () => {
    const draft = await draftProtocol(t, drafter, sample('APOYO_CONTROL_MULTITUDES', 'FFAA'));
    const first = await approve(t, draft.id, pnp);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'pending', approvals: [{ username: pnp.user.username, side: 'PNP' }] });

    const again = await approve(t, draft.id, pnp, { 'accept-language': 'en' });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.code).toBe('PROTOCOL_APPROVAL_SAME_USER');
    expect(again.json<ErrorBody>().error.message).toMatch(/two different approvers.*Decreto Legislativo 1095/);
    const againEs = await approve(t, draft.id, pnp, { 'accept-language': 'es' });
    expect(againEs.json<ErrorBody>().error.message).toMatch(/dos aprobadores distintos/);

    const samePnp = await approve(t, draft.id, pnp2, { 'accept-language': 'es' });
    expect(samePnp.statusCode).toBe(409);
    expect(samePnp.json<ErrorBody>().error).toMatchObject({ code: 'PROTOCOL_APPROVAL_SAME_FORCE' });
    expect(samePnp.json<ErrorBody>().error.message).toContain(pnp.user.username);

    const noSide = await approve(t, draft.id, dpCommander);
    expect(noSide.json<ErrorBody>().error.code).toBe('PROTOCOL_APPROVER_NO_SIDE');
    expect(noSide.statusCode).toBe(403);
    expect((await approve(t, draft.id, planner)).statusCode).toBe(403);

    const second = await approve(t, draft.id, ccffaa);
    expect(second.statusCode, second.body).toBe(200);
    const inForce = second.json<{ status: string; inForceFrom: string | null; approvals: { side: string }[] }>();
    expect(inForce.status).toBe('in_force');
    expect(inForce.inForceFrom).not.toBeNull();
    expect(inForce.approvals.map((a) => a.side)).toEqual(['PNP', 'FFAA']);
    expect(await auditCount('approve', draft.id)).toBe(2);
    expect(await auditCount('in_force', draft.id)).toBe(1);

    const late = await approve(t, draft.id, ep);
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorBody>().error.code).toBe('PROTOCOL_NOT_PENDING');

    // The version it replaced is superseded, and there is one version in force.
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/protocols?procedure=APOYO_CONTROL_MULTITUDES&force=FFAA', headers: planner.auth });
    const items = list.json<{ items: { id: string; status: string; supersededAt: string | null }[] }>().items;
    expect(items.filter((p) => p.status === 'in_force').map((p) => p.id)).toEqual([draft.id]);
    const previous = items.find((p) => p.status === 'superseded')!;
    expect(previous.supersededAt).not.toBeNull();
    expect(await auditCount('supersede', previous.id)).toBe(1);
  });

  it('replays an approval retried with the same Idempotency-Key instead of refusing it', async () => {
    const draft = await draftProtocol(t, drafter, { ...sample('PUESTO_CONTROL', 'PNP'), procedure: 'PROTECCION_INSTALACION', tasks: ['PROTECCION_INSTALACION_ESTRATEGICA'] });
    const key = { 'idempotency-key': `approve-${uniq()}` };
    const first = await approve(t, draft.id, pnp, key);
    const retry = await approve(t, draft.id, pnp, key);
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(await auditCount('approve', draft.id)).toBe(1);
  });

  it('serializes concurrent approvals: both forces at once take effect once, two of one force admit one', async () => {
    const both = await draftProtocol(t, drafter, sample('PUESTO_CONTROL', 'PNP'));
    const answers = await Promise.all([approve(t, both.id, pnp), approve(t, both.id, ep)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/protocols/${both.id}`, headers: planner.auth });
    expect(read.json()).toMatchObject({ status: 'in_force' });
    expect(await auditCount('in_force', both.id)).toBe(1);

    const one = await draftProtocol(t, drafter, sample('PUESTO_CONTROL', 'PNP'));
    const race = await Promise.all([approve(t, one.id, pnp), approve(t, one.id, pnp2)]);
    expect(race.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(await auditCount('approve', one.id)).toBe(1);
  });

  it('refuses to put in force a version older than the one in force', async () => {
    const older = await draftProtocol(t, drafter, sample('PUESTO_CONTROL', 'PNP'));
    const newer = await draftProtocol(t, drafter, sample('PUESTO_CONTROL', 'PNP'));
    for (const u of [pnp, ep]) expect((await approve(t, newer.id, u)).statusCode).toBe(200);
    const refused = await approve(t, older.id, pnp);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.code).toBe('PROTOCOL_VERSION_OUTDATED');
  });

  it('hides a protocol of another agency above PUBLICO: not found to read or approve', async () => {
    const secret = await draftProtocol(t, legal, { ...sample('PATRULLAJE_CONJUNTO', 'PNP'), classification: 'CONFIDENCIAL' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/protocols/${secret.id}`, headers: ep.auth })).statusCode).toBe(404);
    expect((await approve(t, secret.id, ep)).statusCode).toBe(404);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/protocols?procedure=PATRULLAJE_CONJUNTO&force=PNP&limit=500', headers: ep.auth });
    expect(listed.json<{ items: { id: string }[] }>().items.map((p) => p.id)).not.toContain(secret.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/protocols/${secret.id}`, headers: pnp.auth })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/protocols/${crypto.randomUUID()}`, headers: pnp.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: "/api/v1/protocols/1' OR '1'='1", headers: pnp.auth })).statusCode).toBe(400);
  });

  it('compares the PNP and FF.AA. versions of a procedure step by step', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/protocols?procedure=PATRULLAJE_CONJUNTO&status=in_force', headers: planner.auth });
    const items = list.json<{ items: { id: string; force: string }[] }>().items;
    const left = items.find((p) => p.force === 'PNP')!;
    const right = items.find((p) => p.force === 'FFAA')!;
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/protocols/compare?left=${left.id}&right=${right.id}`, headers: planner.auth });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ steps: { code: string; status: string; changes: { field: string }[] }[]; summary: { onlyLeft: number; onlyRight: number } }>();
    expect(body.steps.find((s) => s.code === 'CONTROL_CONTACTO')?.status).toBe('only_left');
    expect(body.steps.find((s) => s.code === 'ENTREGA_PNP')?.status).toBe('only_right');
    expect(body.summary).toMatchObject({ onlyLeft: 1, onlyRight: 1 });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/protocols/compare?left=${left.id}`, headers: planner.auth })).statusCode).toBe(400);
  });

  describe('the tasking evaluator', () => {
    const evaluate = async (input: TTaskingInput): Promise<{ decision: string; findings: Finding[] }> => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/tasking/evaluate', headers: planner.auth, payload: input });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const register = async (year: number): Promise<void> => {
      for (const i of aLawfulChain(year, { ubigeo: ['1501'] })) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/legal/instruments', headers: drafter.auth, payload: i });
        expect(res.statusCode, res.body).toBe(201);
      }
    };

    it('applies the protocols in force for the task, and warns where none is in force', async () => {
      await register(2041);
      const request = aRequest({ area: { ubigeo: ['150101'] }, start: '2041-01-10', end: '2041-01-10' });
      const patrol = await evaluate(request);
      expect(patrol.decision).toBe('allowed');
      expect(patrol.findings.map((f) => f.code)).toEqual(['PROTOCOL_APPLIED']);
      expect(patrol.findings[0]!.message.es).toContain('PATRULLAJE_CONJUNTO FFAA');

      const transport = await evaluate({ ...request, task: 'TRANSPORTE_APOYO' });
      expect(transport.decision).toBe('conditional');
      expect(transport.findings).toContainEqual(expect.objectContaining({ code: 'PROTOCOL_NOT_IN_FORCE', severity: 'warning' }));
      expect(transport.findings.find((f) => f.code === 'PROTOCOL_NOT_IN_FORCE')!.legalRef).toMatch(/Alvarado Espinoza/);
    });

    it('applies the protocol rules under a rule set stored before they existed', async () => {
      await register(2043);
      const admin = await makeUser(t.ctx.db, { role: 'admin', agency: 'CCFFAA' });
      const current = (await t.app.inject({ method: 'GET', url: '/api/v1/legal/rule-set', headers: planner.auth })).json<{ rules: { id: string }[] }>();
      const legacy = { ...current, ruleSetVersion: `legacy-${uniq()}`, rules: current.rules.filter((r) => !r.id.startsWith('PROTOCOL_')) };
      await t.ctx.db.query('UPDATE legal_rule_set SET active = false WHERE active');
      await t.ctx.db.query("INSERT INTO legal_rule_set (version, body, active, created_by) VALUES ($1, $2::jsonb, true, 'test')", [legacy.ruleSetVersion, JSON.stringify(legacy)]);
      const result = await evaluate(aRequest({ area: { ubigeo: ['150101'] }, start: '2043-01-10', end: '2043-01-10' }));
      expect(result.findings.map((f) => f.code)).toEqual(['PROTOCOL_APPLIED']);
      const restored = await t.app.inject({ method: 'PUT', url: '/api/v1/legal/rule-set', headers: admin.auth, payload: { ruleSetVersion: `restored-${uniq()}` } });
      expect(restored.statusCode, restored.body).toBe(200);
      expect(restored.json<{ rules: { id: string }[] }>().rules.map((r) => r.id)).toContain('PROTOCOL_NOT_IN_FORCE');
    });

    it('checks the members against the training and equipment of the version in force', async () => {
      await register(2042);
      const request = aRequest({ area: { ubigeo: ['150101'] }, start: '2042-01-10', end: '2042-01-10' });
      const stricter = await draftProtocol(t, drafter, {
        ...sample('PATRULLAJE_CONJUNTO', 'FFAA'),
        training: ['DERECHOS_HUMANOS', 'PRIMEROS_AUXILIOS'],
        equipment: [{ category: 'DRON', scope: 'PER_UNIT', quantity: 1 }],
      });
      // Pending: the sample version still applies.
      expect((await evaluate(request)).decision).toBe('allowed');
      for (const u of [ccffaa, pnp]) expect((await approve(t, stricter.id, u)).statusCode).toBe(200);
      const denied = await evaluate(request);
      expect(denied.decision).toBe('denied');
      expect(denied.findings.find((f) => f.code === 'PROTOCOL_TRAINING_MISSING')?.details).toMatchObject({ area: 'PRIMEROS_AUXILIOS', count: 5 });
      expect(denied.findings.find((f) => f.code === 'PROTOCOL_EQUIPMENT_MISSING')?.details).toMatchObject({ item: 'DRON', required: 1, available: 0 });

      // A new approved version like the sample restores the decision.
      const restored = await draftProtocol(t, drafter, sample('PATRULLAJE_CONJUNTO', 'FFAA'));
      for (const u of [pnp, ep]) expect((await approve(t, restored.id, u)).statusCode).toBe(200);
      expect((await evaluate(request)).decision).toBe('allowed');
    });
  });
});
