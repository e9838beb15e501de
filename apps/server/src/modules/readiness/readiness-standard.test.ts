import type { TPerson, TReadinessRecomputeSummary, TTrainingPlan, TUnit, TUnitReadiness } from '@enlace/contracts';
import { DEFAULT_READINESS_STANDARD } from '@enlace/rules';
import type { TReadinessStandard, TStandardVersion, TStandardVersionInfo } from '@enlace/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

const dni = (): string => String(10_000_000 + Math.floor(Math.random() * 89_999_999));
const PER_MEMBER_COURSES = ['NORMAS_LEGALES', 'DERECHOS_HUMANOS', 'DL1095_RUF', 'CONTROL_MULTITUDES', 'PROCEDIMIENTOS_DETENCION'];

/** The default standard with other P boundaries and a new version string. */
const withP = (version: string, min: [number, number, number]): TReadinessStandard => ({
  ...DEFAULT_READINESS_STANDARD,
  version,
  levels: { ...DEFAULT_READINESS_STANDARD.levels, P: { min, ref: 'usr' } },
});

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('the readiness standard on %s', (_n, backend) => {
  let t: TestApp;
  const u: Record<string, TestUser> = {};
  let unit: TUnit;
  const run = uniq();
  const call = async <T>(who: string, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method, url, headers: { ...u[who]!.auth, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.json<T>() };
  };
  const put = (who: string, standard: unknown, remark?: string, headers?: Record<string, string>) =>
    call<TStandardVersion & { error: { code: string; details: { code: string; path: string }[] } }>(
      who, 'POST', '/api/v1/readiness/standard/versions', { standard, ...(remark ? { remark } : {}) }, headers,
    );
  const compute = async (): Promise<TUnitReadiness> =>
    (await call<TUnitReadiness>('pnpCmd', 'POST', `/api/v1/readiness/units/${unit.id}/compute`, {})).body;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    u.admin = await makeUser(db, { role: 'admin', agency: 'MININTER' });
    u.pnpCmd = await makeUser(db, { role: 'commander', agency: 'PNP' });
    unit = (await call<TUnit>('pnpCmd', 'POST', '/api/v1/units', {
      name: `Comisaría Tambopata ${run}`, shortName: 'CPNP Tambopata', force: 'PNP', echelon: 'comisaria',
      homeUbigeo: '170101', home: { lon: -69.19, lat: -12.59 }, classification: 'PUBLICO',
    })).body;
    // Ten members, eight of them holding every per-member course: P share 0.8.
    const members: TPerson[] = [];
    for (let i = 0; i < 10; i++) {
      members.push((await call<TPerson>('pnpCmd', 'POST', '/api/v1/personnel', {
        unitId: unit.id, givenNames: `Agente ${i}`, familyNames: `Huaman ${uniq()}`, rank: 'S3 PNP', documentType: 'DNI', documentNumber: dni(),
      })).body);
    }
    for (const m of members.slice(0, 8)) {
      for (const courseCode of PER_MEMBER_COURSES) {
        const res = await call('pnpCmd', 'POST', '/api/v1/certificates', { personId: m.id, courseCode, issuedOn: '2026-01-05', validUntil: '2099-01-01' });
        expect(res.status).toBe(201);
      }
    }
  });

  afterAll(async () => {
    // Later test files of the run compute against the default thresholds again.
    await put('admin', { ...DEFAULT_READINESS_STANDARD, version: `restore-${run}` }, 'Fin de la prueba: umbrales por defecto');
    await t.close();
  });

  it('shows the standard in force with its references and lists the seed version', async () => {
    const current = await call<TStandardVersion>('pnpCmd', 'GET', '/api/v1/readiness/standard');
    expect(current.status).toBe(200);
    expect(current.body.standard.standardId).toBe('APOYO_SEGURIDAD_CIUDADANA');
    expect(current.body.ref).toBe(`APOYO_SEGURIDAD_CIUDADANA@${current.body.version}`);
    expect(current.body.standard.references[current.body.standard.levels.P.ref]?.source).toMatch(/AR 220-1/);
    const versions = await call<{ items: TStandardVersionInfo[] }>('pnpCmd', 'GET', '/api/v1/readiness/standard/versions');
    expect(versions.body.items.at(-1)).toMatchObject({ seed: true, version: DEFAULT_READINESS_STANDARD.version, author: 'enlace', createdAt: null });
    expect(versions.body.items.filter((v) => v.active)).toHaveLength(1);
  });

  it('a threshold changed through the API changes the next result and the version it names', async () => {
    const a = await put('admin', withP(`a-${run}`, [0.9, 0.8, 0.7]), 'Umbrales P de referencia');
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ version: `a-${run}`, active: true, seed: false, author: u.admin!.user.username, remark: 'Umbrales P de referencia' });
    const before = await compute();
    expect(before.pillars.P).toMatchObject({ level: 2 });
    expect(before.standardVersion).toBe(`APOYO_SEGURIDAD_CIUDADANA@a-${run}`);

    const b = await put('admin', withP(`b-${run}`, [0.8, 0.7, 0.6]), 'P1 desde el 80 %');
    expect(b.status).toBe(201);
    const after = await compute();
    expect(after.pillars.P).toMatchObject({ level: 1 });
    expect(after.standardVersion).toBe(`APOYO_SEGURIDAD_CIUDADANA@b-${run}`);

    // The national recompute and the training plan name the version they used.
    const summary = await call<TReadinessRecomputeSummary>('admin', 'POST', '/api/v1/readiness/recompute', {});
    expect(summary.body.standardVersion).toBe(`APOYO_SEGURIDAD_CIUDADANA@b-${run}`);
    const plan = await call<TTrainingPlan>('pnpCmd', 'GET', '/api/v1/readiness/training-plan?department=17');
    expect(plan.body.standardVersion).toBe(`APOYO_SEGURIDAD_CIUDADANA@b-${run}`);

    // A result stored under b keeps naming b (its gaps are computed against b) after c is put in force.
    await put('admin', withP(`c-${run}`, [0.95, 0.9, 0.85]));
    const stored = await call<TUnitReadiness>('pnpCmd', 'GET', `/api/v1/readiness/units/${unit.id}`);
    expect(stored.body).toMatchObject({ standardVersion: `APOYO_SEGURIDAD_CIUDADANA@b-${run}`, pillars: { P: { level: 1 } } });
    expect((await compute()).pillars.P).toMatchObject({ level: 4 });

    const history = await call<{ items: TStandardVersionInfo[] }>('pnpCmd', 'GET', '/api/v1/readiness/standard/versions');
    const mine = history.body.items.filter((v) => v.version.endsWith(run)).map((v) => v.version);
    expect(mine).toEqual([`c-${run}`, `b-${run}`, `a-${run}`]);
    const old = await call<TStandardVersion>('pnpCmd', 'GET', `/api/v1/readiness/standard/versions/a-${run}`);
    expect(old.body).toMatchObject({ active: false, standard: { levels: { P: { min: [0.9, 0.8, 0.7] } } } });
    expect((await call('pnpCmd', 'GET', '/api/v1/readiness/standard/versions/nope')).status).toBe(404);

    const audit = await t.ctx.db.query<{ entity_id: string }>(
      "SELECT entity_id FROM audit_log WHERE action = 'activate' AND entity_type = 'readiness_standard' AND entity_id LIKE $1 ORDER BY seq",
      [`%-${run}`],
    );
    expect(audit.rows.map((r) => r.entity_id)).toEqual(['a', 'b', 'c'].map((v) => `APOYO_SEGURIDAD_CIUDADANA@${v}-${run}`));
  });

  it('refuses changes from non-admins, invalid thresholds and reused versions, naming each problem', async () => {
    expect((await put('pnpCmd', withP(`x-${run}`, [0.9, 0.8, 0.7]))).status).toBe(403);
    const increasing = await put('admin', withP(`x-${run}`, [0.6, 0.7, 0.8]));
    expect(increasing.status).toBe(422);
    expect(increasing.body.error.code).toBe('READINESS_STANDARD_INVALID');
    expect(increasing.body.error.details).toContainEqual(expect.objectContaining({ code: 'STANDARD_LEVELS_INCREASING', path: 'levels.P.min' }));
    const share = await put('admin', { ...withP(`x-${run}`, [0.9, 0.8, 0.7]), lethal: { ...DEFAULT_READINESS_STANDARD.lethal, maxShare: 1.5 } });
    expect(share.body.error.details).toContainEqual(expect.objectContaining({ code: 'STANDARD_SHARE_OUT_OF_RANGE', path: 'lethal.maxShare' }));
    const current = (await call<TStandardVersion>('admin', 'GET', '/api/v1/readiness/standard')).body;
    const same = await put('admin', withP(current.version, [0.9, 0.8, 0.7]));
    expect(same.body.error.details).toContainEqual(expect.objectContaining({ code: 'STANDARD_VERSION_UNCHANGED' }));
    const reused = await put('admin', withP(`a-${run}`, [0.9, 0.8, 0.7]));
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('READINESS_STANDARD_VERSION_TAKEN');
    expect((await put('admin', withP(DEFAULT_READINESS_STANDARD.version, [0.9, 0.8, 0.7]))).status).toBe(409);
    expect((await call<TStandardVersion>('admin', 'GET', '/api/v1/readiness/standard')).body.ref).toBe(current.ref);
  });

  it('a retried change with the same Idempotency-Key answers the first response and stores one version', async () => {
    const key = { 'idempotency-key': `std-${run}` };
    const first = await put('admin', withP(`d-${run}`, [0.9, 0.8, 0.7]), 'Reintento', key);
    const retry = await put('admin', withP(`d-${run}`, [0.9, 0.8, 0.7]), 'Reintento', key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const n = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM readiness_standard WHERE version = $1', [`d-${run}`]);
    expect(n.rows[0]!.n).toBe(1);
  });
});
