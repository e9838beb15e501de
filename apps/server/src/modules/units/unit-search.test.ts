import type { TUnit } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

/** The units search that pickers use (`GET /units?q=`): words, accents, literal wildcards, hostile text, access. */
describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('unit search on %s', (_n, backend) => {
  let t: TestApp;
  let pnp: TestUser;
  let navy: TestUser;
  const made: Record<string, TUnit> = {};
  // A word of this run's names only, so that other tests' units and earlier runs on a shared database never match.
  const run = `r${uniq()}`;
  /** Searches this run's units for `q`: the names found, without the run's word, in order. */
  const search = async (user: TestUser, q: string, extra = ''): Promise<string[]> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/units?q=${encodeURIComponent(`${q} ${run}`)}&limit=50${extra}`, headers: user.auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: TUnit[] }>().items.map((u) => u.name.replace(` ${run}`, '')).sort();
  };

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    pnp = await makeUser(db, { role: 'commander', agency: 'PNP' });
    navy = await makeUser(db, { role: 'commander', agency: 'MGP' });
    const units: [string, TUnit['agency'], TUnit['classification']][] = [
      ['Comisaría Zárate Búsqueda', 'PNP', 'RESERVADO'],
      ['COMISARÍA CANTO REY BÚSQUEDA', 'PNP', 'CONFIDENCIAL'],
      ['Comisaria 100% Búsqueda', 'PNP', 'CONFIDENCIAL'],
      ['Batallón de Infantería Búsqueda', 'EP', 'SECRETO'],
      ['Batallón Público Búsqueda', 'EP', 'PUBLICO'],
    ];
    for (const [name, agency, classification] of units) made[name] = await makeUnit(db, { agency, classification, name: `${name} ${run}` });
  });
  afterAll(async () => t.close());

  it('finds every word anywhere in the name, whatever the case and the accents', async () => {
    expect(await search(pnp, 'comisaria busqueda')).toEqual(['COMISARÍA CANTO REY BÚSQUEDA', 'Comisaria 100% Búsqueda', 'Comisaría Zárate Búsqueda']);
    expect(await search(pnp, 'ZÁRATE  búsq')).toEqual(['Comisaría Zárate Búsqueda']);
    expect(await search(pnp, 'canto zarate búsqueda')).toEqual([]);
  });

  it('finds a unit by its short name', async () => {
    const shortName = made['Comisaría Zárate Búsqueda']!.shortName;
    expect(await search(pnp, shortName.toLowerCase())).toEqual(['Comisaría Zárate Búsqueda']);
  });

  it('takes % and _ literally, and SQL in the text is only text', async () => {
    expect(await search(pnp, '100% búsqueda')).toEqual(['Comisaria 100% Búsqueda']);
    expect(await search(pnp, '% búsqueda')).toEqual(['Comisaria 100% Búsqueda']);
    expect(await search(pnp, '_omisar')).toEqual([]);
    expect(await search(pnp, "x' OR '1'='1")).toEqual([]);
    expect(await search(pnp, "búsqueda'); DROP TABLE unit; --")).toEqual([]);
    expect((await search(pnp, 'búsqueda')).length).toBeGreaterThan(0); // the table is still there
  });

  it('searches only what the caller may read, and the total counts only that', async () => {
    // A navy commander reads PUBLICO records of other agencies, nothing classified of the PNP or the army.
    expect(await search(navy, 'búsqueda')).toEqual(['Batallón Público Búsqueda']);
    expect(await search(navy, 'batallon infanteria')).toEqual([]);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/units?q=b%C3%BAsqueda+${run}&limit=1`, headers: navy.auth });
    expect(res.json<{ total: number }>().total).toBe(1);
    // The PNP commander reads its own agency's records and PUBLICO ones, not the army's SECRETO battalion.
    expect(await search(pnp, 'batallón')).toEqual(['Batallón Público Búsqueda']);
  });

  it('combines with the agency filter and pages with a total', async () => {
    expect(await search(pnp, 'búsqueda', '&agency=EP')).toEqual(['Batallón Público Búsqueda']);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/units?q=busqueda+${run}&limit=2`, headers: pnp.auth });
    const page = res.json<{ items: TUnit[]; total: number }>();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(4);
  });

  it('refuses an empty or over-long search with a stable code', async () => {
    for (const q of ['', '   ', 'x'.repeat(101)]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/units?q=${encodeURIComponent(q)}`, headers: pnp.auth });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });
});
