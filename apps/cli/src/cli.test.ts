import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../server/src/platform/db/open-pglite.ts';
import { startServerProcess } from '../../../test/support/server-process.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'apps/cli/bin/enlace.js');

function enlace(args: string[], env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env: childEnv, encoding: 'utf8', timeout: 120_000 });
}

describe('enlace CLI', () => {
  it('documents every command with --help on stdout', () => {
    const top = enlace(['--help']);
    expect(top.status).toBe(0);
    for (const cmd of ['serve', 'start', 'db', 'seed', 'audit', 'user']) expect(top.stdout).toContain(cmd);
    for (const args of [['serve', '--help'], ['db', 'migrate', '--help'], ['seed', '--help'], ['audit', 'verify', '--help'], ['user', 'create', '--help']]) {
      const r = enlace(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/Usage: enlace/);
    }
  });

  it('fails with a clear message, not a stack trace, on a bad argument', () => {
    const r = enlace(['user', 'create', '--username', 'x']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/required option/);
  });
});

/** The authorization header of a demo user signed in to the server at `url`. */
async function demoAuth(url: string, username: string): Promise<{ authorization: string }> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'enlace-demo-2026' }),
  });
  expect(res.status).toBe(200);
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

describe('server process on the embedded database', () => {
  it('migrates an empty data dir, keeps its data across a restart, stops gracefully on SIGTERM, and verifies its audit trail', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'enlace-empty-'));
    const first = await startServerProcess({ dataDir, usePostgres: false, fromTemplate: false, seedDemo: true });
    const login = await fetch(`${first.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'pnp.comandante', password: 'enlace-demo-2026' }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const created = await fetch(`${first.url}/api/v1/units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'Comisaría de prueba de reinicio', shortName: 'CPR', force: 'PNP', echelon: 'comisaria', homeUbigeo: '150122' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    // The demo's legal side is in force on the day it is seeded: the state of emergency over Lima and Callao on
    // the map, its extension among the expiring instruments, and the Army detachment's lawful task area.
    const epAuth = await demoAuth(first.url, 'ep.comandante');
    const legal = (await (await fetch(`${first.url}/api/v1/legal-areas`, { headers: epAuth })).json()) as { items: { name: string }[] };
    expect(legal.items.map((a) => a.name).join(' | ')).toMatch(/DEMO 002-2026-PCM/);
    const expiring = (await (await fetch(`${first.url}/api/v1/legal/instruments/expiring?days=30`, { headers: epAuth })).json()) as { items: { id: string }[] };
    expect(expiring.items.map((i) => i.id)).toContain('DEMO-DS-002-2026-PCM');
    const tasks = (await (await fetch(`${first.url}/api/v1/task-areas`, { headers: epAuth })).json()) as { items: { name: string }[] };
    expect(tasks.items.map((a) => a.name)).toEqual([expect.stringMatching(/Batallón de Comandos N\.° 19 \(destacamento de \d+\).*PATRULLAJE_CONJUNTO/)]);
    expect(await first.stop()).toBe(0);
    expect(first.stderr()).toContain('shutdown complete');

    const verify = enlace(['audit', 'verify', '--json'], { ENLACE_DATA_DIR: dataDir });
    expect(verify.status).toBe(0);
    const result = JSON.parse(verify.stdout) as { ok: boolean; entries: number };
    expect(result.ok).toBe(true);
    expect(result.entries).toBeGreaterThan(30);

    // A data directory seeded by an earlier version, before the demo had a legal side: its evaluations and instruments
    // taken out, the next start with --demo seeds them on the units the directory already has.
    const older = await openPglite({ dataDir: join(dataDir, 'db') });
    await older.exec(`DELETE FROM tasking_evaluation;
      DELETE FROM legal_instrument WHERE id LIKE 'DEMO-%' AND extends IS NOT NULL;
      DELETE FROM legal_instrument WHERE id LIKE 'DEMO-%';`);
    await older.close();

    const second = await startServerProcess({ dataDir, usePostgres: false, seedDemo: true });
    const again = await fetch(`${second.url}/api/v1/units/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { name: string }).name).toBe('Comisaría de prueba de reinicio');
    expect(second.stdout()).toContain('pnp.comandante');
    expect(second.stderr()).not.toContain('demo seeded');
    expect(second.stderr()).toContain('the legal basis this earlier demo lacked is seeded now');
    const epAgainAuth = await demoAuth(second.url, 'ep.comandante');
    const tasksAgain = (await (await fetch(`${second.url}/api/v1/task-areas`, { headers: epAgainAuth })).json()) as { items: { name: string }[] };
    expect(tasksAgain.items.map((a) => a.name)).toEqual([expect.stringMatching(/Batallón de Comandos N\.° 19 \(destacamento de \d+\)/)]);
    expect(second.stdout()).not.toContain('First start');
    expect(await second.stop()).toBe(0);
  }, 240_000);
});

describe('durability', () => {
  it('keeps an accepted write when the server process is killed without warning (kill -9)', async () => {
    const first = await startServerProcess({ usePostgres: false });
    const login = await fetch(`${first.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin-test-password' }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const created = await fetch(`${first.url}/api/v1/units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ name: 'Escrita antes del corte', shortName: 'K9', force: 'PNP', echelon: 'peloton', agency: 'MININTER' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const exited = new Promise((ok) => first.child.once('exit', ok));
    first.child.kill('SIGKILL');
    await exited;

    const second = await startServerProcess({ usePostgres: false, dataDir: first.dataDir });
    const again = await fetch(`${second.url}/api/v1/units/${id}`, { headers: auth });
    expect(again.status).toBe(200);
    const verify = await fetch(`${second.url}/api/v1/audit/verify`, { headers: auth });
    expect(await verify.json()).toMatchObject({ ok: true });
    expect(await second.stop()).toBe(0);
  }, 180_000);
});

describe('enlace legal evaluate', () => {
  const examples = join(ROOT, 'packages/rules/examples');

  it('prints only {"results": [...]} on stdout with --json and exits 0 for a valid file, whatever the decisions', () => {
    const r = enlace(['legal', 'evaluate', join(examples, 'investigacion-criminal-ffaa.json'), '--json']);
    expect(r.status).toBe(0);
    const parsed = JSON.parse(r.stdout) as { results: { id: string; decision: string }[] };
    expect(parsed.results.find((x) => x.id === 'investigacion-s3-lima')?.decision).toBe('denied');
  });

  it('exits 2 naming the JSON path for an invalid file, and for a file that is not JSON', () => {
    const r = enlace(['legal', 'evaluate', join(examples, 'archivo-invalido-instrumentos-ilegales.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('$.instruments[0].validTo: DECREE_TOO_LONG');
    const dir = mkdtempSync(join(tmpdir(), 'enlace-scn-'));
    writeFileSync(join(dir, 'broken.json'), '{"requests": [');
    const broken = enlace(['legal', 'evaluate', join(dir, 'broken.json'), '--json']);
    expect(broken.status).toBe(2);
    expect((JSON.parse(broken.stdout) as { errors: { code: string }[] }).errors[0]!.code).toBe('INVALID_JSON');
  });
});
