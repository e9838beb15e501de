import { existsSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import type { TImportRowError, TImportRun } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { importFilePath } from './import-files.ts';
import { uploadImportFile } from './upload-import-file.ts';

const HEADER = 'unidad,tipo_documento,numero_documento,nombres,apellidos,grado';

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('hostile CSV on %s', (_n, backend) => {
  let t: TestApp;
  let user: TestUser;
  let unit: string;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    user = await makeUser(db, { role: 'commander', agency: 'PNP' });
    unit = (await makeUnit(db, { agency: 'PNP', classification: 'CONFIDENCIAL' })).shortName;
  });
  afterAll(async () => t.close());

  const row = (doc: string, given = 'Ana', family = 'Quispe'): string => `${unit},CIP,${doc},${given},${family},Capitán`;

  /** Creates a run, uploads `body`, and returns the run and its error report. */
  async function importFile(body: string | Buffer, extra: Record<string, unknown> = {}): Promise<{ run: TImportRun; errors: TImportRowError[] }> {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: user.auth, payload: { kind: 'personnel', fileName: 'x.csv', ...extra } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<TImportRun>().id;
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/imports/${id}/file`, headers: { ...user.auth, 'content-type': 'text/csv' }, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    const errors = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}/errors`, headers: { ...user.auth, 'accept-language': 'en' } });
    return { run: res.json<TImportRun>(), errors: errors.json<{ items: TImportRowError[] }>().items };
  }
  const summary = (errors: TImportRowError[]): [number, string | null, string][] => errors.map((e) => [e.line, e.column, e.code]);

  it('stops at an unclosed quote and names the line where it opens', async () => {
    const p = uniq();
    const { run, errors } = await importFile(`${HEADER}\n${row(`A${p}-1`)}\n${unit},CIP,A${p}-2,"Ana,Quispe,Capitán\n${row(`A${p}-3`)}\n`);
    expect(run.status).toBe('invalid');
    expect(summary(errors)).toEqual([[3, null, 'IMPORT_CSV_QUOTE_NOT_CLOSED']]);
    expect(errors[0]!.message.en).toContain('line 3');
  });

  it('reports malformed quoting inside a line', async () => {
    const { errors } = await importFile(`${HEADER}\n${unit},CIP,B${uniq()}-1,"Ana"x,Quispe,Capitán\n`);
    expect(summary(errors)).toEqual([[2, null, 'IMPORT_CSV_INVALID_QUOTE']]);
  });

  it('refuses a huge record without holding it, and a long value with the field limit', async () => {
    const p = uniq();
    const huge = await importFile(`${HEADER}\n${row(`C${p}-1`)}\n${row(`C${p}-2`, 'x'.repeat(200_000))}\n`);
    expect(summary(huge.errors)).toEqual([[3, null, 'IMPORT_CSV_RECORD_TOO_LARGE']]);
    const long = await importFile(`${HEADER}\n${row(`C${p}-3`, 'x'.repeat(30_000))}\n`);
    expect(summary(long.errors)).toEqual([[2, 'nombres', 'IMPORT_VALUE_TOO_LONG']]);
    expect(long.errors[0]!.message.en).toBe('The value of nombres exceeds 120 characters.');
  });

  it('refuses spreadsheet formulas (CSV injection) but accepts signed numbers and phone numbers', async () => {
    const p = uniq();
    const { errors } = await importFile(
      [
        `${HEADER},telefono`,
        `${row(`D${p}-1`, "=cmd|' /C calc'!A0")},+51 987 654 321`,
        `${row(`D${p}-2`, '@SUM(A1:A9)')},`,
        `${row(`D${p}-3`, 'Ana', '"+HYPERLINK(""http://x"")"')},`,
        `${row(`D${p}-4`, 'Ana', '-2+3')},`,
        `${row(`D${p}-5`)},-`,
      ].join('\n'),
    );
    expect(summary(errors)).toEqual([
      [2, 'nombres', 'IMPORT_FORMULA_REJECTED'],
      [3, 'nombres', 'IMPORT_FORMULA_REJECTED'],
      [4, 'apellidos', 'IMPORT_FORMULA_REJECTED'],
      [5, 'apellidos', 'IMPORT_FORMULA_REJECTED'],
      [6, 'telefono', 'IMPORT_PHONE_FORMAT'],
    ]);
  });

  it('stores SQL typed into a cell as plain text', async () => {
    const doc = `E${uniq()}-1`;
    const name = "Robert'); DROP TABLE person; --";
    const { run } = await importFile(`${HEADER}\n${row(doc, `"${name}"`)}\n`);
    expect(run.status).toBe('valid');
    const applied = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${run.id}/apply`, headers: user.auth });
    expect(applied.statusCode, applied.body).toBe(200);
    const stored = await t.ctx.db.query<{ given_names: string }>('SELECT given_names FROM person WHERE document_number = $1', [doc]);
    expect(stored.rows[0]!.given_names).toBe(name);
  });

  it('names the line of bytes that are not UTF-8, and reads the file as Windows-1252 when told', async () => {
    const doc = `F${uniq()}-2`;
    const latin1 = Buffer.concat([
      Buffer.from(`${HEADER}\n${row(`${doc}x`)}\n`, 'utf8'),
      Buffer.from(`${row(doc, 'Ana', 'Peña')}\n`, 'latin1'),
    ]);
    const { run, errors } = await importFile(latin1);
    expect(summary(errors)).toEqual([[3, null, 'IMPORT_ENCODING_INVALID']]);
    expect(errors[0]!.message.en).toContain('Line 3');
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${run.id}/validate`, headers: user.auth, payload: { encoding: 'windows-1252' } });
    expect(again.json<TImportRun>()).toMatchObject({ status: 'valid', encoding: 'windows-1252' });
    await t.app.inject({ method: 'POST', url: `/api/v1/imports/${run.id}/apply`, headers: user.auth });
    const stored = await t.ctx.db.query<{ family_names: string }>('SELECT family_names FROM person WHERE document_number = $1', [doc]);
    expect(stored.rows[0]!.family_names).toBe('Peña');
  });

  it('reports binary garbage, control characters, wrong column counts and repeated records by line', async () => {
    const binary = await importFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x81, 0x0a, 0x90]));
    expect(summary(binary.errors)).toEqual([[1, null, 'IMPORT_ENCODING_INVALID']]);
    const p = uniq();
    const { errors } = await importFile(
      [HEADER, row(`G${p}-1`, 'An\u0000a'), `${unit},CIP,G${p}-2,Ana`, row(`G${p}-3`), row(`G${p}-3`, 'Otra'), `${row(`G${p}-4`)},,`].join('\r\n'),
    );
    expect(summary(errors)).toEqual([
      [2, 'nombres', 'IMPORT_CONTROL_CHARACTER'],
      [3, null, 'IMPORT_COLUMN_COUNT'],
      [5, null, 'IMPORT_DUPLICATE_KEY'],
    ]);
    expect(errors[2]!.message.en).toContain('line 4');
  });

  it('reports empty files and broken headers', async () => {
    expect(summary((await importFile('')).errors)).toEqual([[1, null, 'IMPORT_FILE_EMPTY']]);
    expect(summary((await importFile(`${HEADER}\n`)).errors)).toEqual([[2, null, 'IMPORT_FILE_EMPTY']]);
    expect(summary((await importFile(`${HEADER},grado\n${row('H12345')},x\n`)).errors)).toEqual([[1, 'grado', 'IMPORT_HEADER_DUPLICATE']]);
    expect(summary((await importFile('unidad,dni\nX,12345678\n')).errors).map((e) => e[2])).toEqual([
      'IMPORT_FIELD_UNMAPPED',
      'IMPORT_FIELD_UNMAPPED',
      'IMPORT_FIELD_UNMAPPED',
      'IMPORT_FIELD_UNMAPPED',
    ]);
  });

  it('refuses a file over the size limit while streaming it, keeping no partial file', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: user.auth, payload: { kind: 'personnel', fileName: 'big.csv' } });
    const id = created.json<TImportRun>().id;
    const body = Readable.from([Buffer.alloc(4096, 'a'), Buffer.alloc(4096, 'b')]);
    await expect(uploadImportFile({ ctx: t.ctx, actor: user.actor, id, body, declaredBytes: null, maxBytes: 5000 })).rejects.toMatchObject({
      code: 'IMPORT_FILE_TOO_LARGE',
    });
    expect(existsSync(importFilePath(t.ctx.config.dataDir, id))).toBe(false);
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: user.auth });
    expect(after.json<TImportRun>().status).toBe('created');
    const wrongType = await t.app.inject({ method: 'PUT', url: `/api/v1/imports/${id}/file`, headers: user.auth, payload: { rows: [] } });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json()).toMatchObject({ error: { code: 'IMPORT_CONTENT_TYPE' } });
    const declared = uploadImportFile({ ctx: t.ctx, actor: user.actor, id, body: Readable.from([]), declaredBytes: 300 * 1024 * 1024 });
    await expect(declared).rejects.toBeInstanceOf(AppError);
  });

  it('shows progress while a file is being received', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: user.auth, payload: { kind: 'personnel', fileName: 'lento.csv' } });
    const id = created.json<TImportRun>().id;
    const p = uniq();
    const first = `${HEADER}\n${row(`J${p}-1`)}\n`;
    const body = new PassThrough();
    const upload = uploadImportFile({ ctx: t.ctx, actor: user.actor, id, body, declaredBytes: 4096 });
    body.write(first);
    // Wait (without timing assumptions) until the server has taken the first chunk.
    let progress: TImportRun['progress'] = null;
    for (let i = 0; i < 1000 && !(progress && progress.bytesRead > 0); i++) {
      await new Promise((r) => setImmediate(r));
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: user.auth });
      progress = res.json<TImportRun>().progress;
    }
    expect(progress).toMatchObject({ phase: 'receiving', bytesRead: Buffer.byteLength(first), totalBytes: 4096 });
    body.end(`${row(`J${p}-2`)}\n`);
    const done = await upload;
    expect(done).toMatchObject({ status: 'valid', counts: { rows: 2 } });
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: user.auth });
    expect(after.json<TImportRun>().progress).toBeNull();
  });
});
