import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { sharedPgliteDb } from '../../../../../test/support/test-db.ts';

interface Result {
  compliant: boolean;
  ruleSetVersion: string;
  findings: { code: string; severity: string; legalRef: string; message: { es: string; en: string }; details?: Record<string, unknown> }[];
}

const WARNED = { identification: true, warning: true, timeToComply: true };

describe('POST /api/v1/legal/assess-force', () => {
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

  const post = (user: TestUser, payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/legal/assess-force', headers: user.auth, payload: payload as object });

  it('finds an FF.AA. firearm against lethal aggression, with a ground and a warning, compliant', async () => {
    const res = await post(legal, {
      force: 'EJERCITO',
      resistanceSequence: [{ at: '2026-03-01T10:00:00-05:00', level: 5 }, { at: '2026-03-01T10:01:00-05:00', level: 6 }],
      forceSequence: [
        { at: '2026-03-01T10:00:30-05:00', step: 'MEDIOS_NO_LETALES' },
        { at: '2026-03-01T10:01:30-05:00', step: 'ARMA_DE_FUEGO' },
      ],
      lethalGround: 'DEFENSA_PROPIA_O_DE_TERCEROS',
      warningsGiven: WARNED,
    });
    expect(res.statusCode).toBe(200);
    // The rule set in force: other files of the shared database may have put a new version in force.
    const inForce = await t.app.inject({ method: 'GET', url: '/api/v1/legal/rule-set', headers: legal.auth });
    expect(res.json<Result>()).toEqual({ compliant: true, ruleSetVersion: inForce.json<{ ruleSetVersion: string }>().ruleSetVersion, findings: [] });
  });

  it('names the breach: PNP force above the resistance met, lethal force without a ground or a warning', async () => {
    const res = await post(legal, {
      force: 'PNP',
      resistanceSequence: [{ at: 0, level: 3 }, { at: 2, level: 5 }],
      forceSequence: [{ at: 1, level: 4 }, { at: 3, level: 6 }],
      warningsGiven: { identification: true, warning: false, timeToComply: false },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<Result>();
    expect(body.compliant).toBe(false);
    expect(body.findings.map((f) => f.code)).toEqual([
      'FORCE_ABOVE_RESISTANCE',
      'FORCE_ABOVE_RESISTANCE',
      'LETHAL_FORCE_WITHOUT_GROUND',
      'WARNING_NOT_GIVEN',
    ]);
    expect(body.findings[0]).toMatchObject({ severity: 'blocking', legalRef: 'Decreto Legislativo 1186, art. 7', details: { forceStep: 0, at: 1 } });
    expect(body.findings[3]?.message.en).toContain('missing: ADVERTENCIA, TIEMPO_PARA_ACATAR');
  });

  it('refuses a malformed incident with 400', async () => {
    const res = await post(legal, {
      force: 'PNP',
      resistanceSequence: [{ at: 0, level: 3 }],
      forceSequence: [{ at: 0, step: 'FUERZA_CORPORAL' }],
      warningsGiven: WARNED,
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; details?: { field: string }[] } }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details?.map((d) => d.field)).toContain('body.forceSequence.0.step');
    expect((await post(legal, { force: 'PNP', resistanceSequence: [], forceSequence: 'x' })).statusCode).toBe(400);
  });

  it('is not open to roles without legal:evaluate', async () => {
    const res = await post(field, { force: 'PNP', resistanceSequence: [{ at: 0, level: 2 }], forceSequence: [{ at: 0, level: 2 }], warningsGiven: WARNED });
    expect(res.statusCode).toBe(403);
  });
});
