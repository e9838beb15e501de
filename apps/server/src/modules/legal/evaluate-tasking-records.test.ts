import { canonicalJson, sha256Hex } from '@enlace/audit-chain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { aLawfulChain } from '../../../../../test/support/legal.ts';
import { putSampleProtocolsInForce } from '../../../../../test/support/protocols.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

interface Result {
  evaluationId: string;
  decision: string;
  findings: { code: string; details?: { members?: string[] } }[];
}

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('tasking evaluation of a unit from its records on %s', (_n, backend) => {
  let t: TestApp;
  let legal: TestUser;
  let planner: TestUser;
  let unitId: string;
  const persons: string[] = [];

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    legal = await makeUser(db, { role: 'legal_officer', agency: 'CCFFAA' });
    planner = await makeUser(db, { role: 'planner', agency: 'EP' });
    await putSampleProtocolsInForce(t, legal, await makeUser(db, { role: 'commander', agency: 'PNP' }), await makeUser(db, { role: 'commander', agency: 'EP' }));
    for (const i of aLawfulChain(2039, { ubigeo: ['1501'] })) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/legal/instruments', headers: legal.auth, payload: i });
      expect(res.statusCode, res.body).toBe(201);
    }
    unitId = (await makeUnit(db, { agency: 'EP', classification: 'PUBLICO' })).id;
    // Two members with every course of the base training, a radio, a baton and a shield (test data straight to SQL).
    for (let i = 0; i < 2; i++) {
      const p = await db.query<{ id: string }>(
        `INSERT INTO person (unit_id, given_names, family_names, rank, document_type, document_number, agency, classification)
         VALUES ($1, 'Ana', 'Quispe', 'SO2', 'CIM', $2, 'EP', 'PUBLICO') RETURNING id`,
        [unitId, `T${uniq()}`],
      );
      const person = p.rows[0]!.id;
      persons.push(person);
      await db.query(
        `INSERT INTO certificate (code, person_id, course_code, issued_on, valid_until, agency, classification)
         SELECT translate(upper(substr(md5(random()::text || c.code), 1, 26)), '0189', 'WXYZ'), $1, c.code, '2025-01-01', '2049-12-31', 'EP', 'PUBLICO'
           FROM (SELECT DISTINCT ON (area) code FROM course ORDER BY area, code) c`,
        [person],
      );
      await db.query(
        `INSERT INTO equipment_item (unit_id, category, item, quantity, assigned_to, agency, classification)
         SELECT $1, c, c, 1, $2, 'EP', 'PUBLICO' FROM unnest(ARRAY['RADIO', 'BASTON', 'ESCUDO', 'CASCO', 'CHALECO']) AS c`,
        [unitId, person],
      );
    }
  });
  afterAll(async () => t.close());

  const evaluate = async (): Promise<Result> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tasking/evaluate',
      headers: planner.auth,
      payload: { unit: { id: unitId, force: 'EJERCITO' }, task: 'PATRULLAJE_CONJUNTO', area: { ubigeo: ['150101'] }, start: '2039-01-10', end: '2039-01-10', pnpCoordinator: 'COMISARIA-1' },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Result>();
  };

  it('sees a change of the records at the next evaluation, and stores the digest of the members it used', async () => {
    const first = await evaluate();
    expect(first.findings.map((f) => f.code)).not.toContain('MEMBERS_NOT_LISTED');
    expect(first.findings.find((f) => f.code === 'TRAINING_MISSING')).toBeUndefined();
    const row = (await t.ctx.db.query<{ input: { unit: { memberCount: number; membersFrom: string; membersDigest: string } }; input_digest: string }>(
      'SELECT input, input_digest FROM tasking_evaluation WHERE id = $1', [first.evaluationId],
    )).rows[0]!;
    expect(row.input.unit).toMatchObject({ memberCount: 2, membersFrom: 'records' });
    expect(row.input.unit.membersDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(row.input_digest).toBe(sha256Hex(canonicalJson(row.input)));

    // A revoked certificate (a write to the forces records) moves the forces change version: the copy is reloaded.
    await t.ctx.db.query(
      `UPDATE certificate SET revoked_at = now(), revoked_reason = 'prueba' WHERE person_id = $1
          AND course_code IN (SELECT code FROM course WHERE area = 'DERECHOS_HUMANOS')`,
      [persons[0]],
    );
    // This process decides from the versions it read last, which the write above (as another instance's would) left
    // behind: the store refuses the stale decision, and the request is decided again and stored once.
    const count = async (): Promise<number[]> => (await t.ctx.db.query<{ e: number; a: number }>(
      `SELECT (SELECT count(*)::int FROM tasking_evaluation) AS e,
              (SELECT count(*)::int FROM audit_log WHERE entity_type = 'tasking_evaluation') AS a`,
    )).rows.map((r) => [r.e, r.a])[0]!;
    const before = await count();
    const second = await evaluate();
    expect((await count()).map((n, i) => n - before[i]!)).toEqual([1, 1]);
    expect(second.findings.find((f) => f.code === 'TRAINING_MISSING')?.details?.members).toEqual([persons[0]]);
    const again = (await t.ctx.db.query<{ input: { unit: { membersDigest: string } } }>('SELECT input FROM tasking_evaluation WHERE id = $1', [second.evaluationId])).rows[0]!;
    expect(again.input.unit.membersDigest).not.toBe(row.input.unit.membersDigest);
  });
});
