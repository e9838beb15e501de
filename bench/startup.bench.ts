import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchResult } from './report.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Seconds from spawning `enlace start` until it prints its ready banner; then SIGTERM. */
function startOnce(dataDir: string): Promise<number> {
  const t0 = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', ENLACE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.NATS_URL;
  const child = spawn(process.execPath, [join(ROOT, 'apps/cli/bin/enlace.js'), 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, ko) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready at')) {
        const seconds = (Date.now() - t0) / 1000;
        child.once('exit', () => ok(seconds));
        child.kill('SIGTERM');
      }
    });
    child.on('exit', (code) => {
      if (!out.includes('ready at')) ko(new Error(`enlace start exited with ${code}`));
    });
  });
}

/** `npm start` cold: first run on an empty data dir (creates, migrates, seeds), then a second run on it. */
export async function benchStartup(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enlace-bench-start-'));
  process.stderr.write('first start on an empty data dir...\n');
  const first = await startOnce(dataDir);
  process.stderr.write('second start...\n');
  const second = await startOnce(dataDir);
  const third = await startOnce(dataDir);
  return [
    { name: 'first `enlace start` on an empty data dir (create, migrate, load geography, seed)', value: first, unit: 's' },
    { name: 'cold `enlace start` after the first run (target < 15 s), run 2', value: second, unit: 's' },
    { name: 'cold `enlace start` after the first run, run 3', value: third, unit: 's' },
  ];
}
