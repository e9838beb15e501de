import type { TTaskingInput } from '@enlace/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { aDecree, aLawfulChain, aRequest, box, supportingFor } from '../../../../../test/support/legal.ts';
import type { InstrumentBody } from '../../../../../test/support/legal.ts';
import { putSampleProtocolsInForce } from '../../../../../test/support/protocols.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

interface Result {
  evaluationId: string;
  decision: 'allowed' | 'conditional' | 'denied';
  legalBasis: string[];
  ruleSetVersion: string;
  findings: { code: string; severity: string; message: { es: string; en: string }; details?: Record<string, unknown> }[];
}

const blocking = (r: Result): string[] => r.findings.filter((f) => f.severity === 'blocking').map((f) => f.code);

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('tasking evaluation on %s', (_n, backend) => {
  let t: TestApp;
  let legal: TestUser;
  let planner: TestUser;
  let admin: TestUser;
  let field: TestUser;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    legal = await makeUser(db, { role: 'legal_officer', agency: 'CCFFAA' });
    planner = await makeUser(db, { role: 'planner', agency: 'EP' });
    admin = await makeUser(db, { role: 'admin', agency: 'CCFFAA' });
    field = await makeUser(db, { role: 'field', agency: 'EP' });
    // The evaluator applies the joint protocols in force; test files share a database, so state which ones.
    await putSampleProtocolsInForce(t, legal, await makeUser(db, { role: 'commander', agency: 'PNP' }), await makeUser(db, { role: 'commander', agency: 'EP' }));
  });
  afterAll(async () => t.close());

  const registerAll = async (instruments: InstrumentBody[]): Promise<void> => {
    for (const i of instruments) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/legal/instruments', headers: legal.auth, payload: i });
      expect(res.statusCode, res.body).toBe(201);
    }
  };
  const evaluate = async (input: TTaskingInput, user = planner): Promise<Result> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tasking/evaluate', headers: user.auth, payload: input });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Result>();
  };

  it('allows a period that crosses from the decree into its extension, and refuses FF.AA. criminal investigation', async () => {
    const chain = aLawfulChain(2031, { ubigeo: ['1501'] });
    await registerAll(chain);
    const request = aRequest({ area: { ubigeo: ['150101'] }, start: '2031-02-14', end: '2031-02-18' });
    const allowed = await evaluate(request);
    expect(allowed.findings.map((f) => f.code)).toEqual(['PROTOCOL_APPLIED']);
    expect(allowed.decision).toBe('allowed');
    expect(allowed.legalBasis).toEqual(expect.arrayContaining([chain[0]!.id, chain[1]!.id]));

    const investigation = await evaluate({ ...request, task: 'INVESTIGACION_CRIMINAL' });
    expect(investigation.decision).toBe('denied');
    expect(blocking(investigation)).toContain('TASK_FORBIDDEN_FOR_FFAA');
  });

  it('denies an area partly outside the basis, naming the districts outside', async () => {
    await registerAll(aLawfulChain(2032, { ubigeo: ['150101'] }));
    const result = await evaluate(aRequest({ area: { ubigeo: ['150101', '150102', '150103'] }, start: '2032-01-10', end: '2032-01-11' }));
    expect(result.decision).toBe('denied');
    const finding = result.findings.find((f) => f.code === 'BASIS_AREA_NOT_COVERED')!;
    expect(JSON.stringify(finding.details)).toContain('150102');
    expect(JSON.stringify(finding.details)).toContain('150103');
    expect(JSON.stringify(finding.details)).not.toContain('150101');
  });

  it('denies a period that crosses a one-day gap between two decrees, naming the day', async () => {
    const first = aDecree(2033, { ubigeo: ['1501'] });
    const second = aDecree(2033, { ubigeo: ['1501'] }, { validFrom: '2033-02-17', validTo: '2033-03-31' });
    await registerAll([first, second, ...supportingFor(first, '2033-01-01', '2033-03-31'), ...supportingFor(second, '2033-01-01', '2033-03-31')]);
    const result = await evaluate(aRequest({ area: { ubigeo: ['150101'] }, start: '2033-02-14', end: '2033-02-18' }));
    expect(result.decision).toBe('denied');
    const gap = result.findings.find((f) => f.code === 'BASIS_PERIOD_NOT_COVERED')!;
    expect(JSON.stringify(gap)).toContain('2033-02-16');
    expect(JSON.stringify(gap)).not.toContain('2033-02-17');
  });

  it('decides polygon requests with PostGIS: inside the basis polygon allowed, crossing its edge denied', async () => {
    const decree = aDecree(2034, { geometry: box(-77.1, -12.2, -77.0, -12.1) });
    await registerAll([decree, ...supportingFor(decree, '2034-01-01', '2034-02-15')]);
    const period = { start: '2034-01-10', end: '2034-01-10' };
    const inside = await evaluate(aRequest({ area: { geometry: box(-77.08, -12.18, -77.02, -12.12) }, ...period }));
    expect(inside.decision).toBe('allowed');
    const crossing = await evaluate(aRequest({ area: { geometry: box(-77.05, -12.15, -76.95, -12.12) }, ...period }));
    expect(crossing.decision).toBe('denied');
    // The polygon is one part of the area: no basis covers all of it, so the rules report no basis for it.
    expect(blocking(crossing)).toContain('NO_LEGAL_BASIS');

    const bowtie = { type: 'Polygon' as const, coordinates: [[[-77.08, -12.18], [-77.02, -12.12], [-77.02, -12.18], [-77.08, -12.12], [-77.08, -12.18]] as [number, number][]] };
    expect((await evaluate(aRequest({ area: { geometry: bowtie }, ...period }))).decision).toBe('allowed');
    const open = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tasking/evaluate',
      headers: planner.auth,
      payload: aRequest({ area: { geometry: { type: 'Polygon', coordinates: [[[-77.08, -12.18], [-77.02, -12.12], [-77.02, -12.18]]] } }, ...period }),
    });
    expect(open.statusCode).toBe(400);
    expect(open.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('covers a polygon by UBIGEO districts and a district by a polygon, in both directions', async () => {
    const cercado = (await t.ctx.db.query<{ x: number; y: number; x0: number; y0: number; x1: number; y1: number }>(
      `SELECT ST_X(p) AS x, ST_Y(p) AS y, ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1
         FROM (SELECT ST_PointOnSurface(geom) AS p, ST_Envelope(geom)::box2d AS e FROM ref_lima_callao_district WHERE ubigeo = '150101') s`,
    )).rows[0]!;
    // A district basis covering a small polygon inside Cercado de Lima (year 2035)...
    await registerAll(aLawfulChain(2035, { ubigeo: ['150101'] }));
    const small = box(cercado.x - 0.0005, cercado.y - 0.0005, cercado.x + 0.0005, cercado.y + 0.0005);
    expect((await evaluate(aRequest({ area: { geometry: small }, start: '2035-01-10', end: '2035-01-10' }))).decision).toBe('allowed');
    const wide = box(cercado.x0 - 0.05, cercado.y0 - 0.05, cercado.x1 + 0.05, cercado.y1 + 0.05);
    expect((await evaluate(aRequest({ area: { geometry: wide }, start: '2035-01-10', end: '2035-01-10' }))).decision).toBe('denied');
    // ...and a polygon basis around Cercado covering the district requested by its UBIGEO (year 2036).
    const decree = aDecree(2036, { geometry: box(cercado.x0 - 0.01, cercado.y0 - 0.01, cercado.x1 + 0.01, cercado.y1 + 0.01) });
    await registerAll([decree, ...supportingFor(decree, '2036-01-01', '2036-02-15')]);
    expect((await evaluate(aRequest({ area: { ubigeo: ['150101'] }, start: '2036-01-10', end: '2036-01-10' }))).decision).toBe('allowed');
    const partly = await evaluate(aRequest({ area: { ubigeo: ['150101', '150132'] }, start: '2036-01-10', end: '2036-01-10' }));
    expect(partly.decision).toBe('denied');
    expect(JSON.stringify(partly.findings.find((f) => f.code === 'BASIS_AREA_NOT_COVERED'))).toContain('150132');
  });

  it('stores and audits every evaluation', async () => {
    const result = await evaluate(aRequest({ area: { ubigeo: ['150101'] }, start: '2031-01-10', end: '2031-01-10' }), legal);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tasking/evaluations?limit=20', headers: legal.auth });
    expect(list.statusCode).toBe(200);
    const stored = list.json<{ items: { id: string; decision: string; ruleSetVersion: string; actor: string }[] }>().items;
    expect(stored.find((e) => e.id === result.evaluationId)).toMatchObject({
      decision: result.decision,
      ruleSetVersion: result.ruleSetVersion,
      actor: legal.user.username,
    });
    const audited = await t.ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'evaluate' AND entity_id = $1", [result.evaluationId]);
    expect(audited.rows).toHaveLength(1);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/tasking/evaluate', headers: field.auth, payload: aRequest({ area: { ubigeo: ['150101'] }, start: '2031-01-10', end: '2031-01-10' }) })).statusCode).toBe(403);
  });

  it('publishes the legal routes in the OpenAPI document, saying where members will come from', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, { description?: string }>> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/legal/instruments',
        '/api/v1/legal/instruments/{id}',
        '/api/v1/legal/instruments/expiring',
        '/api/v1/legal/rule-set',
        '/api/v1/tasking/evaluate',
        '/api/v1/tasking/evaluations',
      ]),
    );
    expect(doc.paths['/api/v1/tasking/evaluate']!.post!.description).toMatch(/unit's records/);
  });

  it('changes the next decision and its ruleSetVersion when an admin changes a threshold', async () => {
    await registerAll(aLawfulChain(2037, { ubigeo: ['1501'] }));
    const request = aRequest({ area: { ubigeo: ['150101'] }, start: '2037-01-10', end: '2037-01-10' });
    const before = await evaluate(request);
    expect(before.decision).toBe('allowed');

    const current = await t.app.inject({ method: 'GET', url: '/api/v1/legal/rule-set', headers: planner.auth });
    const readiness = current.json<{ thresholds: { readiness: { FFAA: { maxLethalShare: number } } } }>().thresholds.readiness;
    const put = (user: TestUser, version: string, maxLethalShare: number) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/legal/rule-set',
        headers: user.auth,
        payload: { ruleSetVersion: version, thresholds: { readiness: { ...readiness, FFAA: { ...readiness.FFAA, maxLethalShare } } } },
      });
    const strict = `test-strict-${uniq()}`;
    expect((await put(legal, strict, 0.1)).statusCode).toBe(403);
    const changed = await put(admin, strict, 0.1);
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await put(admin, strict, 0.1)).statusCode).toBe(409);

    const after = await evaluate(request);
    expect(after.ruleSetVersion).toBe(strict);
    expect(after.decision).toBe('denied');
    expect(blocking(after)).toContain('LETHAL_SHARE_EXCEEDED');

    const restored = await put(admin, `test-restored-${uniq()}`, readiness.FFAA.maxLethalShare);
    expect(restored.statusCode).toBe(200);
    expect((await evaluate(request)).decision).toBe('allowed');
    const audited = await t.ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'activate' AND entity_id = $1", [strict]);
    expect(audited.rows).toHaveLength(1);
  });
});
