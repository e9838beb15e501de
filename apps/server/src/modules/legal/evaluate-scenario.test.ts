import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SCENARIO_FILE_JSON_SCHEMA } from '@enlace/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { sharedPgliteDb } from '../../../../../test/support/test-db.ts';

const ROOT = resolve(import.meta.dirname, '../../../../..');
const example = (name: string): unknown =>
  JSON.parse(readFileSync(resolve(ROOT, 'packages/rules/examples', name), 'utf8')) as unknown;

interface Result {
  id: string;
  decision: string;
  findings: { code: string }[];
}

describe('POST /api/v1/tasking/evaluate-scenario', () => {
  let t: TestApp;
  let legal: TestUser;
  let field: TestUser;

  beforeAll(async () => {
    const db = await sharedPgliteDb();
    t = await testApp(db);
    legal = await makeUser(db, { role: 'legal_officer', agency: 'CCFFAA' });
    field = await makeUser(db, { role: 'field', agency: 'EP' });
  });
  afterAll(async () => t.close());

  const post = (user: TestUser, payload: unknown, lang = 'es') =>
    t.app.inject({ method: 'POST', url: '/api/v1/tasking/evaluate-scenario', headers: { ...user.auth, 'accept-language': lang }, payload: payload as object });

  it('gives one result per request id, with decisions, references and remedies', async () => {
    const res = await post(legal, example('prorroga-con-un-dia-de-vacio.json'));
    expect(res.statusCode).toBe(200);
    const results = res.json<{ results: Result[] }>().results;
    expect(results.map((r) => [r.id, r.decision])).toEqual([
      ['ultimo-dia-del-decreto', 'allowed'],
      ['cruza-el-vacio', 'denied'],
      ['dentro-de-la-prorroga', 'allowed'],
    ]);
    expect(results[1]!.findings.map((f) => f.code)).toContain('BASIS_PERIOD_NOT_COVERED');
  });

  it('refuses an invalid file with the JSON path of the fault, in the request language', async () => {
    const res = await post(legal, example('archivo-invalido-instrumentos-ilegales.json'), 'en');
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; message: string; details: { path: string; code: string }[] } }>();
    expect(body.error.code).toBe('SCENARIO_INVALID');
    expect(body.error.message).toMatch(/^The scenario file is not valid at \$\.instruments\[0\]\.validTo/);
    expect(body.error.details.map((d) => d.code)).toEqual(
      expect.arrayContaining(['DECREE_TOO_LONG', 'RIGHT_NOT_RESTRICTABLE', 'S4_GROUND_MISSING']),
    );
  });

  it('names an unknown UBIGEO, checked against the reference geography', async () => {
    const file = example('lima-callao-ds-124-2025-pcm.json') as { requests: { area: { ubigeo: string[] } }[] };
    file.requests[0]!.area.ubigeo = ['159999'];
    const res = await post(legal, file);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { details: { path: string; code: string }[] } }>().error.details[0]).toMatchObject({
      code: 'UNKNOWN_UBIGEO',
      path: expect.stringMatching(/^\$\.requests\[0\]\.area\.ubigeo/) as unknown,
    });
  });

  it('is not open to roles without legal:evaluate', async () => {
    expect((await post(field, example('pnp-mandato-propio.json'))).statusCode).toBe(403);
  });

  it('keeps docs/scenario.schema.json in step with the zod schema', () => {
    const committed = JSON.parse(readFileSync(resolve(ROOT, 'docs/scenario.schema.json'), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(SCENARIO_FILE_JSON_SCHEMA)));
  });
});
