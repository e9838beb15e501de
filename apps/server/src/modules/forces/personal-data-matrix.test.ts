import { AGENCY_CODES, ROLES } from '@enlace/contracts';
import type { TAgencyCode, TPerson, TRole } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

/**
 * Hand-written expectations (not derived from the policy code) for a member of a PNP unit, CONFIDENCIAL:
 * - who reads the record at all: PNP users of every role, MININTER users (it supervises the PNP), oversight users of
 *   DP and MP (by law);
 * - who sees the personal data (document number, birth date, phone): only PNP and MININTER commanders and
 *   administrators, and oversight users wherever they read it (DP and MP by law, an agency's own inspectorate).
 */
const READS = (role: TRole, agency: TAgencyCode): boolean =>
  agency === 'PNP' || agency === 'MININTER' || (role === 'oversight' && (agency === 'DP' || agency === 'MP'));
const SEES_PERSONAL = (role: TRole, agency: TAgencyCode): boolean =>
  ((role === 'admin' || role === 'commander' || role === 'oversight') && (agency === 'PNP' || agency === 'MININTER')) ||
  (role === 'oversight' && (agency === 'DP' || agency === 'MP'));

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('personal data matrix on %s', (_n, backend) => {
  let t: TestApp;
  let person: TPerson;
  const users = new Map<string, TestUser>();

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    const unit = await makeUnit(db, { agency: 'PNP', classification: 'CONFIDENCIAL' });
    const cmd = await makeUser(db, { role: 'commander', agency: 'PNP' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/personnel',
      headers: cmd.auth,
      payload: {
        unitId: unit.id, givenNames: 'Carla', familyNames: `Mendoza ${uniq()}`, rank: 'SO1 PNP', documentType: 'DNI',
        documentNumber: String(20_000_000 + Math.floor(Math.random() * 70_000_000)), birthDate: '1990-02-03', phone: '+51 912 345 678',
      },
    });
    person = res.json<TPerson>();
    for (const role of ROLES) for (const agency of AGENCY_CODES) users.set(`${role}/${agency}`, await makeUser(db, { role, agency }));
  });
  afterAll(async () => t.close());

  it('shows a member and their personal data exactly to the roles and agencies the table allows', async () => {
    const mismatches: string[] = [];
    for (const [key, u] of users) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/personnel/${person.id}`, headers: u.auth });
      const read = READS(u.user.role, u.user.agency);
      if ((res.statusCode === 200) !== read) mismatches.push(`${key} read: ${res.statusCode}`);
      if (res.statusCode !== 200) continue;
      const body = res.body;
      const personal = res.json<TPerson>().personal !== null;
      if (personal !== SEES_PERSONAL(u.user.role, u.user.agency)) mismatches.push(`${key} personal: ${personal}`);
      if (!personal && (body.includes('1990-02-03') || body.includes('912 345 678'))) mismatches.push(`${key} leaks personal data`);
    }
    expect(mismatches).toEqual([]);
  });

  it('hides the personal data the same way in the roster list', async () => {
    const mismatches: string[] = [];
    for (const [key, u] of users) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/personnel?unitId=${person.unitId}`, headers: u.auth });
      const row = res.statusCode === 200 ? res.json<{ items: TPerson[] }>().items.find((p) => p.id === person.id) : undefined;
      if ((row !== undefined) !== READS(u.user.role, u.user.agency)) mismatches.push(`${key} listed: ${row !== undefined}`);
      if (!row) continue;
      if ((row.personal !== null) !== SEES_PERSONAL(u.user.role, u.user.agency)) mismatches.push(`${key} personal: ${row.personal !== null}`);
      if (row.personal === null && (res.body.includes('1990-02-03') || res.body.includes('912 345 678'))) mismatches.push(`${key} leaks personal data`);
    }
    expect(mismatches).toEqual([]);
  });
});
