import type { TCertificate, TNationalReadiness, TPerson, TReadinessRecomputeSummary, TTrainingPlan, TUnit, TUnitReadiness } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

const dni = (): string => String(10_000_000 + Math.floor(Math.random() * 89_999_999));
const today = (): string => new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 10);
const plusDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface Finding {
  code: string;
  details?: { members?: string[] };
}

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('readiness on %s', (_n, backend) => {
  let t: TestApp;
  const u: Record<string, TestUser> = {};
  let unit: TUnit;
  let department: string;
  const members: TPerson[] = [];

  const call = async <T>(who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const res = await t.app.inject({ method, url, headers: u[who]!.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.json<T>() };
  };

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    for (const [key, role, agency] of [
      ['pnpCmd', 'commander', 'PNP'],
      ['pnpPlanner', 'planner', 'PNP'],
      ['pnpTrainer', 'trainer', 'PNP'],
      ['epCmd', 'commander', 'EP'],
    ] as const) u[key] = await makeUser(db, { role, agency });
    // A department of its own (a rarely used one), so other test files' units do not change the figures.
    department = '25';
    unit = (await call<TUnit>('pnpCmd', 'POST', '/api/v1/units', {
      name: `Comisaría Callería ${uniq()}`, shortName: 'CPNP Callería', force: 'PNP', echelon: 'comisaria',
      homeUbigeo: '250101', home: { lon: -74.55, lat: -8.38 }, classification: 'CONFIDENCIAL',
    })).body;
    for (let i = 0; i < 4; i++) {
      members.push((await call<TPerson>('pnpCmd', 'POST', '/api/v1/personnel', {
        unitId: unit.id, givenNames: `Agente ${i}`, familyNames: `Ríos ${uniq()}`, rank: 'S3 PNP', documentType: 'DNI', documentNumber: dni(),
      })).body);
    }
    // Two members hold the human-rights course (one expires today: it still counts today, not tomorrow).
    for (const [i, validUntil] of [[0, '2099-01-01'], [1, today()]] as const) {
      const res = await call('pnpTrainer', 'POST', '/api/v1/certificates', {
        personId: members[i]!.id, courseCode: 'DERECHOS_HUMANOS', issuedOn: '2025-01-01', validUntil,
      });
      expect(res.status).toBe(201);
    }
    await call('pnpCmd', 'POST', '/api/v1/equipment', { unitId: unit.id, category: 'BASTON', item: 'Vara policial', quantity: 4 });
    await call('pnpCmd', 'POST', '/api/v1/equipment', { unitId: unit.id, category: 'ESCUDO', item: 'Escudo', quantity: 2, condition: 'in_repair' });
    await call('pnpCmd', 'POST', '/api/v1/equipment', {
      unitId: unit.id, category: 'RADIO', item: 'Motorola APX', quantity: 4, radio: { modes: ['P25'], talkgroups: ['PNP-UCAYALI'] },
    });
  });
  afterAll(async () => t.close());

  it('computes and stores a unit\'s readiness with pillars, C-level, METs and the concrete gap list', async () => {
    const res = await call<TUnitReadiness>('pnpTrainer', 'POST', `/api/v1/readiness/units/${unit.id}/compute`, {});
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({ unitId: unit.id, force: 'PNP', asOf: today(), members: 4, override: null });
    expect(r.standardVersion).toMatch(/^APOYO_SEGURIDAD_CIUDADANA@/);
    for (const p of ['P', 'S', 'R', 'T'] as const) expect(r.pillars[p].level).toBeGreaterThanOrEqual(1);
    // Nobody holds every per-member course: P is at its worst, so is the overall level.
    expect(r.pillars.P.level).toBe(4);
    expect(r.computed).toBe('C4');
    expect(r.effective).toBe('C4');
    expect(r.tasks.length).toBeGreaterThan(0);
    for (const task of r.tasks) expect(['Y', 'Q', 'N']).toContain(task.rating);
    // Who must take which course, by name; what to procure or repair.
    const courses = r.gaps.filter((g) => g.kind === 'COURSES') as unknown as { memberId: string; memberName: string; courses: string[] }[];
    expect(courses.length).toBeGreaterThan(0);
    expect(courses[0]!.memberName).toMatch(/^S3 PNP Agente/);
    expect(r.gaps.some((g) => g.kind === 'PROCURE' || g.kind === 'REPAIR')).toBe(true);
    expect(r.targetLevel).toBe('C3');

    const stored = await call<TUnitReadiness>('pnpPlanner', 'GET', `/api/v1/readiness/units/${unit.id}`);
    expect(stored.body.id).toBe(r.id);
    expect((await call('epCmd', 'GET', `/api/v1/readiness/units/${unit.id}`)).status).toBe(404);
  });

  it('stops counting a certificate the day after its expiry', async () => {
    const asToday = await call<TUnitReadiness>('pnpCmd', 'POST', `/api/v1/readiness/units/${unit.id}/compute`, { asOf: today() });
    const tomorrow = await call<TUnitReadiness>('pnpCmd', 'POST', `/api/v1/readiness/units/${unit.id}/compute`, { asOf: plusDays(today(), 1) });
    const holders = (r: TUnitReadiness): Set<string> => {
      const lacking = r.gaps.filter((g) => g.kind === 'COURSES' && (g as unknown as { courses: string[] }).courses.includes('DERECHOS_HUMANOS'));
      return new Set(members.map((m) => m.id).filter((id) => !lacking.some((g) => (g as unknown as { memberId: string }).memberId === id)));
    };
    expect(holders(asToday.body).has(members[1]!.id)).toBe(true);
    expect(holders(tomorrow.body).has(members[1]!.id)).toBe(false);
    expect(holders(tomorrow.body).has(members[0]!.id)).toBe(true);
  });

  it('accepts a commander\'s override only with a remark; audited; withdrawn on request', async () => {
    const none = await call<{ error: { code: string } }>('pnpCmd', 'POST', `/api/v1/readiness/units/${unit.id}/override`, { level: 'C2' });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('READINESS_OVERRIDE_NEEDS_REMARK');
    const blank = await call<{ error: { code: string } }>('pnpCmd', 'POST', `/api/v1/readiness/units/${unit.id}/override`, { level: 'C2', remark: '   ' });
    expect(blank.body.error.code).toBe('READINESS_OVERRIDE_NEEDS_REMARK');
    const trainer = await call('pnpTrainer', 'POST', `/api/v1/readiness/units/${unit.id}/override`, { level: 'C2', remark: 'Sin autoridad para esto' });
    expect(trainer.status).toBe(403);
    const other = await call('epCmd', 'POST', `/api/v1/readiness/units/${unit.id}/override`, { level: 'C2', remark: 'Comandante de otra fuerza' });
    expect(other.status).toBe(404);
    const remark = 'Curso de DD.HH. en ejecución, concluye el viernes; personal apto para patrullaje';
    const ok = await call<TUnitReadiness>('pnpCmd', 'POST', `/api/v1/readiness/units/${unit.id}/override`, { level: 'C2', remark });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ computed: 'C4', effective: 'C2', override: { level: 'C2', remark, by: u.pnpCmd!.user.username } });
    const audit = await t.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'override' AND entity_type = 'readiness' AND entity_id = $1",
      [unit.id],
    );
    expect(audit.rows[0]!.n).toBe(1);
    // A recomputation keeps the override; withdrawing it brings back the computed level.
    const again = await call<TUnitReadiness>('pnpCmd', 'POST', `/api/v1/readiness/units/${unit.id}/compute`, {});
    expect(again.body.effective).toBe('C2');
    const withdrawn = await call<TUnitReadiness>('pnpCmd', 'DELETE', `/api/v1/readiness/units/${unit.id}/override`);
    expect(withdrawn.body).toMatchObject({ effective: 'C4', override: null });
  });

  it('recomputes the country and shows the national view: regions, capabilities, certified members, expiring certificates', async () => {
    const summary = await call<TReadinessRecomputeSummary>('pnpCmd', 'POST', '/api/v1/readiness/recompute', {});
    expect(summary.status).toBe(200);
    expect(summary.body.units).toBeGreaterThanOrEqual(1);
    const national = await call<TNationalReadiness>('pnpPlanner', 'GET', `/api/v1/readiness/national?department=${department}`);
    expect(national.status).toBe(200);
    const region = national.body.regions.find((r) => r.force === 'PNP')!;
    expect(region).toMatchObject({ department: '25', units: 1, members: 4, byLevel: { C4: 1 } });
    expect(region.departmentName.toUpperCase()).toContain('UCAYALI');
    const cap = national.body.capabilities.find((c) => c.unitId === unit.id)!;
    expect(cap.counts).toMatchObject({ non_lethal: 4, communications: 4, crowd_control: 0 });
    expect(cap).toMatchObject({ lon: -74.55, lat: -8.38, department: '25' });
    expect(national.body.certified).toEqual([{ department: '25', departmentName: region.departmentName, area: 'DERECHOS_HUMANOS', members: 2 }]);
    expect(national.body.expiring).toMatchObject({ within30: 1, within60: 1, within90: 1 });
    // The names behind that count follow the same force and department filters.
    const names = async (query: string): Promise<string[]> => {
      const res = await call<{ items: TCertificate[] }>('pnpCmd', 'GET', `/api/v1/certificates?expiringWithinDays=30&limit=1000&${query}`);
      expect(res.status).toBe(200);
      return res.body.items.map((c) => c.personId);
    };
    expect(await names(`force=PNP&department=${department}`)).toEqual([members[1]!.id]);
    expect(await names('force=EP'), 'another force').not.toContain(members[1]!.id);
    expect(await names('department=15'), 'another department').not.toContain(members[1]!.id);
    const hostile = await call<{ error: { code: string } }>('pnpCmd', 'GET', "/api/v1/certificates?force=PNP'%20OR%201=1--");
    expect(hostile.status).toBe(400);
    // The Ejército sees none of the PNP's classified unit.
    const ep = await call<TNationalReadiness>('epCmd', 'GET', `/api/v1/readiness/national?department=${department}`);
    expect(ep.body.regions).toEqual([]);
    expect(ep.body.capabilities).toEqual([]);
  });

  it('plans the course seats that close the region\'s training gaps', async () => {
    const plan = await call<TTrainingPlan>('pnpPlanner', 'GET', `/api/v1/readiness/training-plan?department=${department}&targetLevel=1`);
    expect(plan.status).toBe(200);
    expect(plan.body.seats).toBeGreaterThan(0);
    const total = plan.body.courses.reduce((s, c) => s + c.seats, 0);
    expect(total).toBe(plan.body.seats);
    expect(plan.body.courses.map((c) => c.courseCode)).toContain('DL1095_RUF');
  });

  it('gives the tasking evaluator the unit\'s members and equipment when the request does not list them', async () => {
    const request = {
      unit: { id: unit.id, force: 'PNP' },
      task: 'PATRULLAJE_CONJUNTO',
      area: { ubigeo: ['250101'] },
      start: '2031-03-01',
      end: '2031-03-02',
    };
    const res = await call<{ findings: Finding[] }>('pnpPlanner', 'POST', '/api/v1/tasking/evaluate', request);
    expect(res.status).toBe(200);
    const codes = res.body.findings.map((f) => f.code);
    expect(codes).not.toContain('MEMBERS_NOT_LISTED');
    const missing = res.body.findings.find((f) => f.code === 'TRAINING_MISSING');
    expect(missing?.details?.members).toEqual(expect.arrayContaining([members[2]!.id, members[3]!.id]));
    // Explicit members win over the records.
    const explicit = await call<{ findings: Finding[] }>('pnpPlanner', 'POST', '/api/v1/tasking/evaluate', {
      ...request,
      unit: { ...request.unit, members: [{ id: 'X-1', trainings: [], equipment: ['RADIO', 'BASTON'] }] },
    });
    expect(explicit.body.findings.find((f) => f.code === 'TRAINING_MISSING')?.details?.members).toEqual(['X-1']);
    // A unit the caller may not read is not filled in (nothing leaks).
    const foreign = await call<{ findings: Finding[] }>('epCmd', 'POST', '/api/v1/tasking/evaluate', request);
    expect(foreign.body.findings.map((f) => f.code)).toContain('MEMBERS_NOT_LISTED');
  });
});
