import type { TImportRowError, TImportRun, TNationalReadiness, TPerson, TUnit, TUnitReadiness } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends, postgresUrl } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { openPostgres } from '../../platform/db/open-postgres.ts';
import { limaToday } from '../forces/forces-access.ts';
import { msUntilNextLimaHour, runDailyReadinessRecompute } from './daily-readiness-recompute.ts';

const dni = (): string => String(10_000_000 + Math.floor(Math.random() * 89_999_999));

describe('the daily recompute timer', () => {
  it.each([
    ['2026-11-29T06:59:00Z', 60_000],
    ['2026-11-29T07:00:00Z', 86_400_000],
    ['2026-11-29T07:00:01Z', 86_399_000],
    ['2026-11-29T23:00:00Z', 8 * 3_600_000],
    ['2026-11-30T04:30:00Z', 2.5 * 3_600_000],
  ])('from %s the next 02:00 Lima is %i ms away', (now, ms) => {
    expect(msUntilNextLimaHour(new Date(now))).toBe(ms);
  });
});

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('readiness basis of a unit on %s', (name, backend) => {
  let t: TestApp;
  const u: Record<string, TestUser> = {};
  // A department no other test file uses, so the national figures are this file's.
  const department = '22';

  const call = async <T>(who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) => {
    const res = await t.app.inject({ method, url, headers: u[who]!.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.json<T>() };
  };
  const newUnit = async (extra: Record<string, unknown> = {}): Promise<TUnit> => {
    const res = await call<TUnit>('cmd', 'POST', '/api/v1/units', {
      name: `Comisaría Moyobamba ${uniq()}`, shortName: `CM-${uniq()}`, force: 'PNP', echelon: 'comisaria', homeUbigeo: '220101', ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const addMembers = async (unitId: string, n: number, courses: readonly string[]): Promise<TPerson[]> => {
    const out: TPerson[] = [];
    for (let i = 0; i < n; i++) {
      const p = (await call<TPerson>('cmd', 'POST', '/api/v1/personnel', {
        unitId, givenNames: `Agente ${i}`, familyNames: `Pérez ${uniq()}`, rank: 'S3 PNP', documentType: 'DNI', documentNumber: dni(),
      })).body;
      // Course codes are the areas', except the DL 1095 / RUF course of the MARCO_LEGAL_USO_FUERZA area.
      for (const courseCode of courses.map((a) => (a === 'MARCO_LEGAL_USO_FUERZA' ? 'DL1095_RUF' : a))) {
        const c = await call('trainer', 'POST', '/api/v1/certificates', { personId: p.id, courseCode, issuedOn: '2025-01-01', validUntil: '2099-01-01' });
        expect(c.status).toBe(201);
      }
      out.push(p);
    }
    return out;
  };

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    u.cmd = await makeUser(db, { role: 'commander', agency: 'PNP' });
    u.trainer = await makeUser(db, { role: 'trainer', agency: 'PNP' });
    u.planner = await makeUser(db, { role: 'planner', agency: 'PNP' });
  });
  afterAll(async () => t.close());

  it('stores the authorized strength and measures P against it (a full 3-person roster of 10 billets is not P1)', async () => {
    const unit = await newUnit({ authorizedStrength: 10 });
    expect(unit.authorizedStrength).toBe(10);
    expect((await call<TUnit>('cmd', 'GET', `/api/v1/units/${unit.id}`)).body).toMatchObject({ authorizedStrength: 10, missionTasks: null, directedResourceAction: false });
    const standard = (await call<{ standard: { personnel: { courses: string[] } } }>('cmd', 'GET', '/api/v1/readiness/standard')).body.standard;
    await addMembers(unit.id, 3, standard.personnel.courses);

    const authorized = await call<TUnitReadiness>('cmd', 'POST', `/api/v1/readiness/units/${unit.id}/compute`, {});
    expect(authorized.body).toMatchObject({ strength: 10, strengthBase: 'authorized' });
    expect(authorized.body.pillars.P).toMatchObject({ level: 4, numerator: 3, denominator: 10 });

    // Cleared: back to the roster, and the result says so.
    const cleared = await call<TUnit>('cmd', 'PATCH', `/api/v1/units/${unit.id}`, { authorizedStrength: null });
    expect(cleared.body.authorizedStrength).toBeNull();
    const roster = await call<TUnitReadiness>('cmd', 'POST', `/api/v1/readiness/units/${unit.id}/compute`, {});
    expect(roster.body).toMatchObject({ strength: 3, strengthBase: 'roster' });
    expect(roster.body.pillars.P).toMatchObject({ level: 1, numerator: 3, denominator: 3 });

    expect((await call<{ error: { code: string } }>('cmd', 'PATCH', `/api/v1/units/${unit.id}`, { authorizedStrength: 0 })).status).toBe(400);
  });

  it('a change of the basis alone leaves the unit\'s classification and exercise flag as they were', async () => {
    const unit = await newUnit({ classification: 'RESERVADO', exercise: true });
    const changed = await call<TUnit>('cmd', 'PATCH', `/api/v1/units/${unit.id}`, { authorizedStrength: 25 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ authorizedStrength: 25, classification: 'RESERVADO', exercise: true });
  });

  it('rates T and the Y/Q/N list over the unit\'s own task types, checked against the standard in force', async () => {
    const bad = await call<{ error: { code: string; message: string } }>('cmd', 'POST', '/api/v1/units', {
      name: `Comisaría ${uniq()}`, shortName: `CX-${uniq()}`, force: 'PNP', echelon: 'comisaria', missionTasks: ['PUESTO_CONTROL', 'INVENTADA'],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('UNIT_TASK_NOT_IN_STANDARD');
    expect(bad.body.error.message).toContain('INVENTADA');

    const unit = await newUnit({ missionTasks: ['PUESTO_CONTROL', 'PATRULLAJE_CONJUNTO', 'PUESTO_CONTROL'] });
    expect(unit.missionTasks).toEqual(['PUESTO_CONTROL', 'PATRULLAJE_CONJUNTO']);
    const r = await call<TUnitReadiness>('cmd', 'POST', `/api/v1/readiness/units/${unit.id}/compute`, {});
    expect(r.body.tasksBase).toBe('unit');
    expect(r.body.tasks.map((m) => m.task)).toEqual(['PUESTO_CONTROL', 'PATRULLAJE_CONJUNTO']);
    expect(r.body.pillars.T).toMatchObject({ denominator: 2 });

    await call('cmd', 'PATCH', `/api/v1/units/${unit.id}`, { missionTasks: null });
    const byDefault = await call<TUnitReadiness>('cmd', 'POST', `/api/v1/readiness/units/${unit.id}/compute`, {});
    expect(byDefault.body.tasksBase).toBe('default');
    expect(byDefault.body.tasks.length).toBeGreaterThan(2);
  });

  it('makes a unit under a directed resource action C5 with its reason, only with a remark, audited', async () => {
    const unit = await newUnit();
    await call('cmd', 'POST', `/api/v1/readiness/units/${unit.id}/compute`, {});
    const none = await call<{ error: { code: string } }>('cmd', 'PATCH', `/api/v1/units/${unit.id}`, { directedResourceAction: true });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('UNIT_DIRECTED_ACTION_NEEDS_REMARK');
    const remark = 'Reorganización dispuesta por RD 045-2026-DIRNOS: fusión con la comisaría vecina';
    // A planner may edit the unit, but only its commander declares or lifts a directed resource action.
    const byPlanner = await call<{ error: { code: string } }>('planner', 'PATCH', `/api/v1/units/${unit.id}`, { directedResourceAction: true, directedResourceRemark: remark });
    expect(byPlanner.status).toBe(403);
    expect(byPlanner.body.error.code).toBe('UNIT_DIRECTED_ACTION_COMMANDER_ONLY');
    expect((await call<TUnit>('planner', 'PATCH', `/api/v1/units/${unit.id}`, { authorizedStrength: 12 })).status).toBe(200);
    const set = await call<TUnit>('cmd', 'PATCH', `/api/v1/units/${unit.id}`, { directedResourceAction: true, directedResourceRemark: remark });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ directedResourceAction: true, directedResourceRemark: remark });
    // The stored result shows C5 at once; a recomputation computes C5 too.
    const stored = await call<TUnitReadiness>('planner', 'GET', `/api/v1/readiness/units/${unit.id}`);
    expect(stored.body).toMatchObject({ effective: 'C5', directedResourceAction: { remark } });
    const again = await call<TUnitReadiness>('cmd', 'POST', `/api/v1/readiness/units/${unit.id}/compute`, {});
    expect(again.body).toMatchObject({ computed: 'C5', effective: 'C5', targetLevel: null, directedResourceAction: { remark } });
    const audit = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'update' AND entity_type = 'unit' AND entity_id = $1", [unit.id]);
    expect(audit.rows[0]!.n).toBe(2); // the planner's strength edit and the commander's directed action
    expect((await call<{ error: { code: string } }>('planner', 'PATCH', `/api/v1/units/${unit.id}`, { directedResourceAction: false })).body.error.code).toBe('UNIT_DIRECTED_ACTION_COMMANDER_ONLY');
    // Lifted: the remark goes with it and the computed level is back.
    const lifted = await call<TUnit>('cmd', 'PATCH', `/api/v1/units/${unit.id}`, { directedResourceAction: false });
    expect(lifted.body).toMatchObject({ directedResourceAction: false, directedResourceRemark: null });
    expect((await call<TUnitReadiness>('cmd', 'POST', `/api/v1/readiness/units/${unit.id}/compute`, {})).body).toMatchObject({ computed: 'C4', directedResourceAction: null });
  });

  it('imports the authorized strength from an optional CSV column; a file without it keeps the stored value', async () => {
    const runImport = async (csv: string): Promise<{ run: TImportRun; errors: TImportRowError[] }> => {
      const created = await call<TImportRun>('cmd', 'POST', '/api/v1/imports', { kind: 'units', fileName: 'units.csv' });
      const id = created.body.id;
      const up = await t.app.inject({ method: 'PUT', url: `/api/v1/imports/${id}/file`, headers: { ...u.cmd!.auth, 'content-type': 'text/csv' }, payload: csv });
      let run = up.json<TImportRun>();
      if (run.status === 'valid') run = (await call<TImportRun>('cmd', 'POST', `/api/v1/imports/${id}/apply`)).body;
      const errors = (await call<{ items: TImportRowError[] }>('cmd', 'GET', `/api/v1/imports/${id}/errors`)).body.items;
      return { run, errors };
    };
    const p = uniq();
    const first = await runImport(['sigla,nombre,fuerza,escalon,ubigeo,efectivo_autorizado', `I-${p},Comisaría ${p},PNP,comisaria,220101,"1.200"`].join('\n'));
    expect(first.run.status, JSON.stringify(first.errors)).toBe('applied');
    const row = async () => (await t.ctx.db.query<{ id: string; authorized_strength: number | null }>('SELECT id, authorized_strength FROM unit WHERE short_name = $1', [`I-${p}`])).rows[0]!;
    expect((await row()).authorized_strength).toBe(1200);
    expect((await call<TUnit>('cmd', 'GET', `/api/v1/units/${(await row()).id}`)).body.authorizedStrength).toBe(1200);

    const without = await runImport(['sigla,nombre,fuerza,escalon,ubigeo', `I-${p},Comisaría ${p} bis,PNP,comisaria,220101`].join('\n'));
    expect(without.run.status).toBe('applied');
    expect((await row()).authorized_strength).toBe(1200);

    const bad = await runImport(['sigla,nombre,fuerza,escalon,efectivo_autorizado', `J-${p},Mal,PNP,comisaria,0`, `K-${p},Mal,PNP,comisaria,muchos`].join('\n'));
    expect(bad.errors.map((e) => [e.line, e.column])).toEqual([[2, 'efectivo_autorizado'], [3, 'efectivo_autorizado']]);
  });

  it('says how many units have no result, per region and overall, and how old the results are; the daily job fills them once', async () => {
    const fresh = await newUnit();
    const national = async (): Promise<TNationalReadiness> => {
      const res = await call<TNationalReadiness>('planner', 'GET', `/api/v1/readiness/national?department=${department}&force=PNP`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const before = await national();
    const region = before.regions.find((r) => r.department === department)!;
    expect(region.withoutResult).toBeGreaterThanOrEqual(1);
    expect(region.units).toBe(Object.values(region.byLevel).reduce((s, n) => s + n, 0) + region.withoutResult);
    expect(region.oldestComputedAt).not.toBeNull();
    expect(Date.parse(region.newestComputedAt!)).toBeGreaterThanOrEqual(Date.parse(region.oldestComputedAt!));
    expect(before.overall.withoutResult).toBeGreaterThanOrEqual(region.withoutResult);
    expect(before.overall.units).toBeGreaterThanOrEqual(region.units);
    const stored = await t.ctx.db.query('SELECT 1 FROM readiness_result WHERE unit_id = $1', [fresh.id]);
    expect(stored.rows).toEqual([]);

    // The daily job, triggered directly on two app instances at once (on PostgreSQL each with its own pool).
    const day = limaToday();
    await t.ctx.db.query('DELETE FROM readiness_daily_run WHERE day = $1::date', [day]);
    const url = postgresUrl();
    const otherDb = name === 'postgres' && url ? openPostgres(url, { max: 2 }) : await backend.db();
    const other = await testApp(otherDb);
    try {
      const started = new Date();
      const outcomes = await Promise.all([runDailyReadinessRecompute(t.ctx), runDailyReadinessRecompute(other.ctx)]);
      expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
      const skipped = outcomes.find((o) => !o.ran);
      expect(skipped?.day).toBe(day);
      expect(['running-elsewhere', 'already-done']).toContain(skipped && !skipped.ran ? skipped.reason : null);
      // While another instance holds the lock (PostgreSQL: a session of its own), a trigger leaves the work to it.
      if (name === 'postgres') {
        let release!: () => void;
        const held = new Promise<void>((ok) => { release = ok; });
        let locked!: () => void;
        const isLocked = new Promise<void>((ok) => { locked = ok; });
        const holder = otherDb.transaction(async (tx) => {
          await tx.query("SELECT pg_advisory_xact_lock(hashtext('readiness_daily_recompute'))");
          locked();
          await held;
        });
        await isLocked;
        try {
          expect(await runDailyReadinessRecompute(t.ctx)).toMatchObject({ ran: false, reason: 'running-elsewhere' });
        } finally {
          release();
          await holder;
        }
      }
      // A later trigger the same day does nothing.
      expect(await runDailyReadinessRecompute(other.ctx)).toMatchObject({ ran: false, reason: 'already-done' });
      const runs = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM readiness_daily_run WHERE day = $1::date', [day]);
      expect(runs.rows[0]!.n).toBe(1);
      const audits = await t.ctx.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'recompute' AND entity_type = 'readiness' AND actor = 'system' AND at >= $1",
        [started],
      );
      expect(audits.rows[0]!.n).toBe(1);
    } finally {
      await other.close();
      if (otherDb !== (await backend.db())) await otherDb.close();
    }
    const after = await national();
    expect(after.regions.find((r) => r.department === department)!.withoutResult).toBe(0);
    expect(Date.parse(after.overall.newestComputedAt!)).toBeGreaterThan(Date.parse(before.overall.newestComputedAt!));
    expect((await t.ctx.db.query('SELECT 1 FROM readiness_result WHERE unit_id = $1', [fresh.id])).rows).toHaveLength(1);
  });
});
