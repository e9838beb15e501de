import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TImportProgress } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { importCsvFile } from './import-csv-file.ts';

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('import from the command line on %s', (_n, backend) => {
  let t: TestApp;
  let user: TestUser;
  let unit: string;
  const dir = mkdtempSync(join(tmpdir(), 'enlace-import-cli-'));

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    user = await makeUser(db, { role: 'commander', agency: 'PNP' });
    unit = (await makeUnit(db, { agency: 'PNP', classification: 'CONFIDENCIAL' })).shortName;
  });
  afterAll(async () => t.close());

  it('validates only on a dry run, then applies as the named user with progress, and reports bad rows', async () => {
    const p = uniq();
    const path = join(dir, 'p.csv');
    const rows = Array.from({ length: 1200 }, (_, i) => `${unit},CIP,CL${p}-${i},Ana,Quispe,Cabo`);
    writeFileSync(path, `unidad,tipo_documento,numero_documento,nombres,apellidos,grado\n${rows.join('\n')}\n`);
    const base = { config: t.ctx.config, db: t.ctx.db, username: user.user.username, kind: 'personnel', path };
    const dry = await importCsvFile({ ...base, apply: false });
    expect(dry.run).toMatchObject({ status: 'valid', counts: { rows: 1200 } });
    const count = async (): Promise<number> =>
      (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE document_number LIKE $1', [`CL${p}-%`])).rows[0]!.n;
    expect(await count()).toBe(0);
    const seen: TImportProgress[] = [];
    const done = await importCsvFile({ ...base, apply: true, onProgress: (x) => seen.push(x) });
    expect(done.run).toMatchObject({ status: 'applied', createdBy: user.user.username, counts: { created: 1200 } });
    expect(await count()).toBe(1200);

    writeFileSync(path, `unidad,tipo_documento,numero_documento,nombres,apellidos,grado\n${unit},DNI,12,Ana,Quispe,Cabo\n`);
    const bad = await importCsvFile({ ...base, apply: true });
    expect(bad.run.status).toBe('invalid');
    expect(bad.errors.map((e) => [e.line, e.code])).toEqual([[2, 'IMPORT_DOCUMENT_FORMAT']]);
    await expect(importCsvFile({ ...base, username: 'nobody-here', apply: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
