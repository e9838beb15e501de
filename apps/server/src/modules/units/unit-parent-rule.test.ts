import type { TImportRowError, TImportRun, TUnit } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

type Refusal = { error: { code: string; message: string } };

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('unit parent rule on %s', (_n, backend) => {
  let t: TestApp;
  const u: Record<string, TestUser> = {};

  const send = async <T>(who: string, method: 'POST' | 'PATCH', url: string, payload: object, lang = 'es'): Promise<{ status: number; body: T }> => {
    const res = await t.app.inject({ method, url, headers: { ...u[who]!.auth, 'accept-language': lang }, payload });
    return { status: res.statusCode, body: res.json<T>() };
  };
  const unit = async (who: string, force: string, echelon: string, parentId: string | null = null): Promise<TUnit> => {
    const res = await send<TUnit>(who, 'POST', '/api/v1/units', { name: `${echelon} ${uniq()}`, shortName: `${echelon}-${uniq()}`, force, echelon, parentId, classification: 'PUBLICO' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    u.ep = await makeUser(db, { role: 'commander', agency: 'EP' });
    u.pnp = await makeUser(db, { role: 'commander', agency: 'PNP' });
    u.cc = await makeUser(db, { role: 'commander', agency: 'CCFFAA' });
  });
  afterAll(async () => t.close());

  it('accepts a higher echelon of the same force and the Comando Conjunto over an Ejército command', async () => {
    const cc = await unit('cc', 'CCFFAA', 'comando');
    const co = await unit('cc', 'CCFFAA', 'comando_operacional', cc.id);
    const cge = await unit('ep', 'EP', 'comando', cc.id);
    const div = await unit('ep', 'EP', 'division', cge.id);
    const bde = await unit('ep', 'EP', 'brigada', div.id);
    expect([co.parentId, cge.parentId, div.parentId, bde.parentId]).toEqual([cc.id, cc.id, cge.id, div.id]);
  });

  it('refuses a parent of another hierarchy, with the reason in es and en', async () => {
    const pnpRegion = await unit('pnp', 'PNP', 'region');
    const epDiv = await unit('ep', 'EP', 'division');
    const cross = await send<Refusal>('ep', 'POST', '/api/v1/units', { name: 'Cía', shortName: `C-${uniq()}`, force: 'EP', echelon: 'compania', parentId: pnpRegion.id, classification: 'PUBLICO' });
    expect(cross.status).toBe(422);
    expect(cross.body.error.code).toBe('UNIT_PARENT_OTHER_FORCE');
    expect(cross.body.error.message).toContain('EP no puede depender de una unidad de PNP');
    const cc = await unit('cc', 'CCFFAA', 'comando');
    const en = await send<Refusal>('pnp', 'POST', '/api/v1/units', { name: 'Reg', shortName: `R-${uniq()}`, force: 'PNP', echelon: 'region', parentId: cc.id, classification: 'PUBLICO' }, 'en');
    expect(en.body.error.code).toBe('UNIT_PARENT_OTHER_FORCE');
    expect(en.body.error.message).toContain('A PNP unit cannot report to a CCFFAA unit');
    // Moving an existing unit under another force is refused the same way.
    const move = await send<Refusal>('ep', 'PATCH', `/api/v1/units/${epDiv.id}`, { parentId: pnpRegion.id });
    expect(move.body.error.code).toBe('UNIT_PARENT_OTHER_FORCE');
  });

  it('refuses a parent that is not a higher echelon, on create and on move', async () => {
    const div = await unit('ep', 'EP', 'division');
    const bn = await unit('ep', 'EP', 'batallon', div.id);
    const under = await send<Refusal>('ep', 'POST', '/api/v1/units', { name: 'Div', shortName: `D-${uniq()}`, force: 'EP', echelon: 'division', parentId: bn.id, classification: 'PUBLICO' }, 'en');
    expect(under.status).toBe(422);
    expect(under.body.error).toMatchObject({ code: 'UNIT_PARENT_NOT_HIGHER', message: 'A unit of echelon "division" can only report to a higher echelon (comando, comando_operacional), not to "batallon".' });
    const otherDiv = await unit('ep', 'EP', 'division');
    const sideways = await send<Refusal>('ep', 'PATCH', `/api/v1/units/${otherDiv.id}`, { parentId: div.id });
    expect(sideways.body.error.code).toBe('UNIT_PARENT_NOT_HIGHER');
    // Raising the battalion to a division under a division is a move too.
    const raised = await send<Refusal>('ep', 'PATCH', `/api/v1/units/${bn.id}`, { echelon: 'division' });
    expect(raised.body.error.code).toBe('UNIT_PARENT_NOT_HIGHER');
    const renamed = await send<TUnit>('ep', 'PATCH', `/api/v1/units/${bn.id}`, { name: `Batallón ${uniq()}` });
    expect(renamed.status).toBe(200);
    // Lowering the division to a company would leave its battalion above it.
    const lowered = await send<Refusal>('ep', 'PATCH', `/api/v1/units/${div.id}`, { echelon: 'compania' }, 'en');
    expect(lowered.body.error).toMatchObject({
      code: 'UNIT_CHILDREN_NOT_LOWER',
      message: `With echelon "compania" the unit would no longer be above its subordinates ${bn.shortName} (batallon): move them before changing the echelon.`,
    });
    const raisedDiv = await send<TUnit>('ep', 'PATCH', `/api/v1/units/${div.id}`, { echelon: 'comando_operacional' });
    expect(raisedDiv.status).toBe(200);
  });

  it('reports the same refusal per row in a units import and applies nothing', async () => {
    const p = uniq();
    const csv = [
      'sigla,nombre,fuerza,escalon,superior',
      `R-${p},Región ${p},PNP,region,`,
      `C-${p},Comisaría ${p},PNP,comisaria,R-${p}`,
      `D-${p},División ${p},PNP,division,C-${p}`,
    ].join('\n');
    const created = await send<TImportRun>('pnp', 'POST', '/api/v1/imports', { kind: 'units', fileName: 'units.csv' });
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/imports/${created.body.id}/file`, headers: { ...u.pnp!.auth, 'content-type': 'text/csv' }, payload: csv });
    expect(res.json<TImportRun>().status).toBe('invalid');
    const errors = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${created.body.id}/errors`, headers: u.pnp!.auth });
    expect(errors.json<{ items: TImportRowError[] }>().items.map((e) => [e.line, e.column, e.code])).toEqual([[4, 'superior', 'UNIT_PARENT_NOT_HIGHER']]);
    const stored = await t.ctx.db.query('SELECT 1 FROM unit WHERE short_name = ANY($1)', [[`R-${p}`, `C-${p}`, `D-${p}`]]);
    expect(stored.rows).toEqual([]);
  });
});
