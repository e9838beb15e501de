import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../../../test/support/factories.ts';
import { aRequest } from '../../../../../test/support/legal.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import { openPgliteFromTemplate } from '../../../../../test/support/test-db.ts';

describe('a tasking evaluation whose records keep moving while it is stored', () => {
  it('is decided and tried again, and after four refusals answers 409 RECORDS_CHANGING with nothing stored', async () => {
    // A database of its own: a trigger here refuses every store as a moved change version would (SQLSTATE EN409),
    // counting the attempts in a sequence (which the refused transactions do not roll back).
    const db = await openPgliteFromTemplate();
    const t = await testApp(db);
    try {
      const planner = await makeUser(db, { role: 'planner', agency: 'EP' });
      await db.exec(`
        CREATE SEQUENCE test_store_attempts;
        CREATE FUNCTION test_refuse_store() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM nextval('test_store_attempts');
          RAISE EXCEPTION 'change versions moved: forces' USING ERRCODE = 'EN409';
        END $$;
        CREATE TRIGGER test_refuse_store BEFORE INSERT ON tasking_evaluation FOR EACH ROW EXECUTE FUNCTION test_refuse_store();
      `);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/tasking/evaluate',
        headers: planner.auth,
        payload: aRequest({ area: { ubigeo: ['150101'] }, start: '2031-01-10', end: '2031-01-10' }),
      });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'RECORDS_CHANGING' });
      const state = await db.query<{ attempts: number; stored: number; audited: number }>(
        `SELECT (SELECT last_value::int FROM test_store_attempts) AS attempts,
                (SELECT count(*)::int FROM tasking_evaluation) AS stored,
                (SELECT count(*)::int FROM audit_log WHERE action = 'evaluate') AS audited`,
      );
      expect(state.rows[0]).toEqual({ attempts: 4, stored: 0, audited: 0 });
    } finally {
      await t.close();
      await db.close();
    }
  });
});
