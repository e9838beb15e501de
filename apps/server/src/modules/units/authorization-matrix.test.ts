import { AGENCY_CODES, CLASSIFICATIONS, ROLES } from '@enlace/contracts';
import type { TAgencyCode, TClassification, TRole, TUnit } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

/**
 * Hand-written expectations (deliberately not derived from the policy code).
 * SEES: for members of an agency, whose records they read and up to which level (P C R S).
 * Anyone reads PUBLICO records. Oversight users of DP and MP read every agency.
 */
const SEES: Record<TAgencyCode, string> = {
  PNP: 'PNP:S',
  EP: 'EP:S CCFFAA:R',
  MGP: 'MGP:S CCFFAA:R',
  FAP: 'FAP:S CCFFAA:R',
  CCFFAA: 'CCFFAA:S EP:S MGP:S FAP:S',
  MININTER: 'MININTER:S PNP:S',
  MINDEF: 'MINDEF:S EP:S MGP:S FAP:S CCFFAA:S',
  DP: 'DP:S',
  MP: 'MP:S',
};
/** Default clearance of each role. */
const CLEARANCE: Record<TRole, string> = {
  admin: 'S', commander: 'S', planner: 'R', operator: 'R', field: 'C',
  trainer: 'C', legal_officer: 'R', analyst: 'R', oversight: 'R',
};
/** Roles that may create and change units (in their own agency, up to their clearance). */
const WRITERS: TRole[] = ['admin', 'commander', 'planner', 'operator'];
const LEVEL = 'PCRS';
const lvl = (c: TClassification): number => LEVEL.indexOf(c[0]!);

function expectedRead(role: TRole, viewer: TAgencyCode, owner: TAgencyCode, cls: TClassification): boolean {
  if (lvl(cls) > LEVEL.indexOf(CLEARANCE[role])) return false;
  if (cls === 'PUBLICO') return true;
  if (role === 'oversight' && (viewer === 'DP' || viewer === 'MP')) return true;
  const grant = SEES[viewer].split(' ').find((g) => g.startsWith(`${owner}:`));
  return grant !== undefined && lvl(cls) <= LEVEL.indexOf(grant.slice(-1));
}

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('authorization matrix on %s', (_n, backend) => {
  let t: TestApp;
  const records: TUnit[] = [];
  const users = new Map<string, TestUser>();

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    for (const agency of AGENCY_CODES)
      for (const classification of CLASSIFICATIONS) records.push(await makeUnit(db, { agency, classification }));
    for (const role of ROLES)
      for (const agency of AGENCY_CODES) users.set(`${role}/${agency}`, await makeUser(db, { role, agency }));
  });
  afterAll(async () => t.close());

  it('lists exactly the records the table allows, for every role x agency x classification', async () => {
    const mismatches: string[] = [];
    for (const [key, u] of users) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/units?limit=1000', headers: u.auth });
      expect(res.statusCode).toBe(200);
      const seen = new Set(res.json<{ items: TUnit[] }>().items.map((x) => x.id));
      for (const r of records) {
        const want = expectedRead(u.user.role, u.user.agency, r.agency, r.classification);
        if (seen.has(r.id) !== want) mismatches.push(`${key} list ${r.agency}/${r.classification}: got ${!want}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('reads by id exactly what the table allows; anything else is 404, so existence does not leak', async () => {
    const mismatches: string[] = [];
    for (const [key, u] of users) {
      for (const r of records) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/units/${r.id}`, headers: u.auth });
        const want = expectedRead(u.user.role, u.user.agency, r.agency, r.classification) ? 200 : 404;
        if (res.statusCode !== want) mismatches.push(`${key} get ${r.agency}/${r.classification}: ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('a PNP analyst cannot read a SECRETO record of the Ejército', async () => {
    const secret = records.find((r) => r.agency === 'EP' && r.classification === 'SECRETO')!;
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/units/${secret.id}`, headers: users.get('analyst/PNP')!.auth });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('lets only writer roles create records, in their own agency and up to their clearance; oversight never writes', async () => {
    const mismatches: string[] = [];
    for (const [key, u] of users) {
      for (const classification of CLASSIFICATIONS) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/units',
          headers: u.auth,
          payload: { name: `Escritura ${key}`, shortName: 'W', force: 'PNP', echelon: 'peloton', classification },
        });
        const allowed = WRITERS.includes(u.user.role) && lvl(classification) <= LEVEL.indexOf(CLEARANCE[u.user.role]);
        if ((res.statusCode === 201) !== allowed) mismatches.push(`${key} create ${classification}: ${res.statusCode}`);
        if (!allowed && res.statusCode !== 403) mismatches.push(`${key} create ${classification}: ${res.statusCode} not 403`);
      }
    }
    expect(mismatches).toEqual([]);
    const oversight = users.get('oversight/DP')!;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${records[0]!.id}`,
      headers: oversight.auth,
      payload: { name: 'Cambio indebido' },
    });
    expect(patch.statusCode).toBe(403);
  });

  it('refuses writing into another agency, even for its commander', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: users.get('commander/EP')!.auth,
      payload: { name: 'Unidad ajena', shortName: 'X', force: 'PNP', echelon: 'peloton', agency: 'PNP', classification: 'PUBLICO' },
    });
    expect(res.statusCode).toBe(403);
    const pnpRecord = records.find((r) => r.agency === 'PNP' && r.classification === 'PUBLICO')!;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${pnpRecord.id}`,
      headers: users.get('commander/EP')!.auth,
      payload: { name: 'Cambio ajeno' },
    });
    expect(patch.statusCode).toBe(403);
  });

  it('audits reads of CONFIDENCIAL and higher records, not of PUBLICO ones', async () => {
    const u = users.get('commander/PNP')!;
    const conf = records.find((r) => r.agency === 'PNP' && r.classification === 'CONFIDENCIAL')!;
    const pub = records.find((r) => r.agency === 'PNP' && r.classification === 'PUBLICO')!;
    const count = async (id: string): Promise<number> =>
      (await t.ctx.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'read' AND entity_id = $1 AND actor = $2",
        [id, u.user.username],
      )).rows[0]!.n;
    const [c0, p0] = [await count(conf.id), await count(pub.id)];
    await t.app.inject({ method: 'GET', url: `/api/v1/units/${conf.id}`, headers: u.auth });
    await t.app.inject({ method: 'GET', url: `/api/v1/units/${pub.id}`, headers: u.auth });
    expect(await count(conf.id)).toBe(c0 + 1);
    expect(await count(pub.id)).toBe(p0);
  });
});
