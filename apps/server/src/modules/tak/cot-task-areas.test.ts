import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limaDay, removeEvaluations, square, storeEvaluation } from '../../../../../test/support/evaluations.ts';
import type { StoredEvaluation } from '../../../../../test/support/evaluations.ts';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { aBasisInForceInLima, aRequest, forgetRegistryReadings } from '../../../../../test/support/legal.ts';
import type { TakClient } from '../../../../../test/support/tak-client.ts';
import { drainedThrough, signedInTakClient } from '../../../../../test/support/tak-client.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { copRuntime } from '../cop/cop-runtime.ts';
import { startCotServer } from './cot-server.ts';
import type { CotServer } from './cot-server.ts';

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('CoT lawful task areas (stored evaluations) on %s', (_n, backend) => {
  let t: TestApp;
  let cot: CotServer;
  let pnpOp: TestUser;
  let pnpField: TestUser;
  let epField: TestUser;
  let admin: TestUser;
  const clients: TakClient[] = [];
  const evaluations: string[] = [];
  const instruments: string[] = [];

  const tcpAs = async (u: TestUser): Promise<TakClient> => {
    const c = await signedInTakClient(cot.tcpPort!, u.user.username);
    clients.push(c);
    return c;
  };
  const evaluation = async (e: Partial<StoredEvaluation> & Pick<StoredEvaluation, 'agency' | 'classification'>): Promise<string> => {
    const id = await storeEvaluation(t.ctx.db, { decision: 'allowed', unitId: randomUUID(), start: -1, end: 2, geometry: square(-77.05, -12.08), ...e });
    evaluations.push(id);
    return id;
  };
  /** The CoT server reads the picture again, with the lawful areas read afresh (as a stored evaluation's signal does). */
  const reread = async (): Promise<void> => {
    copRuntime(t.ctx).refreshLawfulAreas();
    await cot.refreshPicture();
  };
  /** Everything queued for the client before now has been delivered (a connection's queue keeps insertion order). */
  const drained = (c: TakClient): Promise<void> => drainedThrough(t.ctx.bus, c);
  const has = (c: TakClient, uid: string): boolean => c.received.some((e) => e.uid === uid);
  const task = (id: string): string => `ENLACE-TASK-${id}`;
  const deleted = (c: TakClient, uid: string): Promise<unknown> =>
    c.waitFor((e) => e.type === 't-x-d-d' && e.detail.links?.[0]?.uid === uid, `removal of ${uid}`);

  beforeAll(async () => {
    const db = await backend.db();
    await forgetRegistryReadings(db);
    t = await testApp(db, { config: { trackFlushMs: 5, liveTickMs: 20, cotPort: 0, cotTlsPort: null, cotAnonymous: 'deny', cotRequireAuth: false } });
    // The periodic reading is left to the test (or to the signal of a stored evaluation).
    cot = await startCotServer(t.ctx, { host: '127.0.0.1', picture: { refreshMs: 3600_000, renewMs: 3600_000 } });
    pnpOp = await makeUser(db, { role: 'operator', agency: 'PNP', clearance: 'RESERVADO' });
    pnpField = await makeUser(db, { role: 'field', agency: 'PNP', clearance: 'CONFIDENCIAL' });
    epField = await makeUser(db, { role: 'field', agency: 'EP', clearance: 'CONFIDENCIAL' });
    admin = await makeUser(db, { role: 'admin', agency: 'PNP' });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await cot?.close();
    if (t) {
      await removeEvaluations(t.ctx.db, evaluations);
      if (instruments.length > 0) await t.ctx.db.query('DELETE FROM legal_instrument WHERE id = ANY($1::text[])', [instruments]);
      await t.close();
    }
  });

  it('sends each client the task areas in force of the evaluations it may read (military ones to the PNP too), and none of another agency or above its clearance', async () => {
    const basis = `DS-${uniq()}-2026-PCM`;
    const conf = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', unitName: 'Compañía Centauro', legalBasis: [basis] });
    const reserved = await evaluation({ agency: 'PNP', classification: 'RESERVADO', decision: 'conditional', geometry: square(-77.03, -12.08) });
    const army = await evaluation({ agency: 'EP', classification: 'CONFIDENCIAL', geometry: square(-77.01, -12.08) });
    const armyReserved = await evaluation({ agency: 'EP', classification: 'RESERVADO', geometry: square(-77.0, -12.06) });
    const expired = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', start: -6, end: -2 });
    const future = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', start: 2, end: 4 });
    const denied = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', decision: 'denied' });
    await reread();
    const op = await tcpAs(pnpOp);
    const field = await tcpAs(pnpField);
    const ep = await tcpAs(epField);

    const area = await field.waitFor((e) => e.uid === task(conf), 'confidential task area of its agency');
    expect(area.type).toBe('u-d-f');
    expect(area.detail.contact?.callsign).toBe(`Área de tarea: Compañía Centauro – PATRULLAJE_CONJUNTO (${basis})`);
    expect(area.detail.links?.map((l) => l.point)).toHaveLength(5);
    expect(area.detail.remarks?.text).toContain(`evaluación ${conf}`);
    expect(area.stale - Date.now()).toBeGreaterThan(60_000);
    expect(area.stale - Date.now()).toBeLessThanOrEqual(900_000);
    const conditional = await op.waitFor((e) => e.uid === task(reserved), 'reserved task area');
    expect(conditional.detail.remarks?.text).toContain('autorizada con condiciones');
    await op.waitFor((e) => e.uid === task(conf), 'confidential task area (operator)');
    await ep.waitFor((e) => e.uid === task(army), 'army task area');
    await op.waitFor((e) => e.uid === task(armyReserved), 'reserved army task area on the PNP operator’s phone');

    for (const c of [op, field, ep]) await drained(c);
    expect(has(field, task(reserved)), 'above the field user’s clearance').toBe(false);
    expect(has(ep, task(conf)), 'another agency’s evaluation').toBe(false);
    expect(has(ep, task(reserved))).toBe(false);
    expect(has(op, task(army)), 'the army’s task area on a PNP phone: the PNP coordinates it').toBe(true);
    expect(has(field, task(army))).toBe(true);
    expect(has(field, task(armyReserved)), 'a military task area above the field user’s clearance').toBe(false);
    for (const c of [op, field, ep]) {
      expect(has(c, task(expired)), 'period ended').toBe(false);
      expect(has(c, task(future)), 'period not begun').toBe(false);
      expect(has(c, task(denied)), 'denied').toBe(false);
    }
  });

  it('withdraws a task area when its period ends or a newer evaluation of the unit and task supersedes it', async () => {
    const [u1, u2, u3] = [randomUUID(), randomUUID(), randomUUID()];
    const ending = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', unitId: u1, ageSeconds: 60 });
    const moved = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', unitId: u2, ageSeconds: 60 });
    const refused = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', unitId: u3, ageSeconds: 60 });
    const otherTask = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', unitId: u3, task: 'PUESTO_CONTROL', ageSeconds: 60 });
    await reread();
    const field = await tcpAs(pnpField);
    for (const id of [ending, moved, refused, otherTask]) await field.waitFor((e) => e.uid === task(id), 'task area in force');

    // The period of `ending` is over (written as it would read once its last day has passed).
    await t.ctx.db.query(`UPDATE tasking_evaluation SET input = jsonb_set(input, '{end}', to_jsonb($2::text)) WHERE id = $1`, [
      ending,
      new Date(Date.now() - 1000).toISOString(),
    ]);
    // `moved` is re-evaluated for another area; `refused` is re-evaluated and now denied.
    const movedAgain = await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', unitId: u2, start: 0, end: 5, geometry: square(-77.0, -12.0) });
    await evaluation({ agency: 'PNP', classification: 'CONFIDENCIAL', unitId: u3, decision: 'denied', start: 0, end: 1 });
    await reread();

    await deleted(field, task(ending));
    await deleted(field, task(moved));
    await deleted(field, task(refused));
    await field.waitFor((e) => e.uid === task(movedAgain), 'the new area of the re-evaluated unit');
    await drained(field);
    expect(field.received.some((e) => e.type === 't-x-d-d' && e.detail.links?.[0]?.uid === task(otherTask)), 'another task of the unit stays').toBe(false);
  });

  it('sends the task area of an evaluation stored through the API at once, to the clients that may read it', async () => {
    const auditFrom = (await t.ctx.db.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM audit_log')).rows[0]!.seq;
    const basis = aBasisInForceInLima();
    const decree = basis[0]!;
    for (const i of basis) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/legal/instruments', headers: admin.auth, payload: i });
      expect(r.statusCode, r.body).toBe(201);
      instruments.push(i.id);
    }
    const field = await tcpAs(pnpField);
    const ep = await tcpAs(epField);
    await drained(field);

    const request = aRequest({ area: { ubigeo: ['150101'] }, start: limaDay(-1), end: limaDay(1) });
    const name = `Compañía ${uniq()}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tasking/evaluate',
      headers: pnpOp.auth,
      payload: { ...request, unit: { ...request.unit, id: randomUUID(), name } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const stored = res.json<{ evaluationId: string; decision: string; legalBasis: string[] }>();
    evaluations.push(stored.evaluationId);
    expect(stored.decision, res.body).not.toBe('denied');
    expect(stored.legalBasis).toContain(decree.id);

    // No periodic reading in this test: the evaluation's signal makes the server read the picture again.
    const area = await field.waitFor((e) => e.uid === task(stored.evaluationId), 'task area of the new evaluation');
    expect(area.detail.contact?.callsign).toContain(`Área de tarea: ${name} – PATRULLAJE_CONJUNTO (`);
    expect(area.detail.contact?.callsign).toContain(decree.id);
    expect(area.detail.links?.length, 'the district’s boundary, vertex by vertex').toBeGreaterThan(3);
    await drained(ep);
    expect(has(ep, task(stored.evaluationId)), 'a PNP evaluation on an army phone').toBe(false);

    // The decree is revoked from today (Lima): the unit is no longer lawfully tasked there, and the phone drops the
    // area at once (the revocation's signal, no periodic reading), with one audit entry for the system's reading.
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/legal/instruments/${encodeURIComponent(decree.id)}/revoke`,
      headers: admin.auth,
      payload: { revokedOn: limaDay(0), reason: 'Derogado por prueba', revokingInstrument: `DS-${uniq()}-PCM` },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    await deleted(field, task(stored.evaluationId));
    const readings = await t.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE seq > $1::bigint AND action = 'read_for_picture' AND entity_type = 'tasking_evaluation'",
      [auditFrom],
    );
    expect(readings.rows[0]!.n).toBeGreaterThan(0);
    const perEvaluation = await t.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE seq > $1::bigint AND action = 'read' AND entity_type = 'tasking_evaluation' AND actor = 'cop-lawful-area-watch'",
      [auditFrom],
    );
    expect(perEvaluation.rows[0]!.n, 'no entry per evaluation for the system reading').toBe(0);
  });
});
