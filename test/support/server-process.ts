import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'apps/cli/bin/enlace.js');

export interface ServerProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** SIGTERM and wait; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface StartServerOptions {
  seedDemo?: boolean;
  /** Reuse a data dir (restart); a fresh temporary one otherwise. */
  dataDir?: string;
  /** Start the embedded database from the run's migrated template (fast) instead of from empty. */
  fromTemplate?: boolean;
  env?: Record<string, string>;
  /** Use the test PostgreSQL (ENLACE_TEST_DATABASE_URL) when set; default true. */
  usePostgres?: boolean;
}

/**
 * Starts `enlace serve` as a real process on a free port and waits for its banner. Hands the test
 * PostgreSQL URL to the server as DATABASE_URL when there is one, unless told otherwise.
 */
export async function startServerProcess(o: StartServerOptions = {}): Promise<ServerProcess> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'enlace-srv-'));
  const pgUrl = o.usePostgres === false ? null : inject('postgresUrl');
  if (!pgUrl && o.fromTemplate !== false && !o.dataDir) {
    mkdirSync(join(dataDir, 'db'), { recursive: true });
    await untar(inject('pgliteTemplate'), join(dataDir, 'db'));
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    ENLACE_COT_PORT: '0',
    ENLACE_COT_TLS_PORT: '0',
    HOST: '127.0.0.1',
    ENLACE_DATA_DIR: dataDir,
    ENLACE_ADMIN_PASSWORD: 'admin-test-password',
    LOG_LEVEL: 'warn',
    ...(pgUrl ? { DATABASE_URL: pgUrl } : {}),
    ...o.env,
  };
  if (!pgUrl) delete env.DATABASE_URL;
  delete env.NATS_URL;
  if (o.env?.NATS_URL) env.NATS_URL = o.env.NATS_URL;
  const args = [CLI, 'serve', ...(o.seedDemo ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((ok, ko) => {
    const timer = setTimeout(() => ko(new Error(`server did not start in 180 s:\n${err}`)), 180_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      ko(new Error(`server exited with ${code} before it was ready:\n${err}`));
    });
  });
  return {
    url,
    dataDir,
    child,
    stdout: () => out,
    stderr: () => err,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null) return ok(child.exitCode);
        child.once('exit', (code) => ok(code));
        child.kill('SIGTERM');
      }),
  };
}

function untar(file: string, dir: string): Promise<void> {
  return new Promise((ok, ko) => {
    const p = spawn('tar', ['-xf', file, '-C', dir], { stdio: 'ignore' });
    p.on('exit', (code) => (code === 0 ? ok() : ko(new Error(`tar exited ${code}`))));
  });
}
