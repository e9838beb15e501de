import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { info } from './output.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const WEB = join(ROOT, 'apps/web');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the web app with Vite when `dist` is missing or older than its sources (output on stderr). */
export async function ensureWebBuilt(dist: string): Promise<void> {
  const index = join(dist, 'index.html');
  const sources = [join(WEB, 'src'), join(WEB, 'index.html'), join(WEB, 'vite.config.ts')].filter((p) => existsSync(p));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  info('building the web app (vite)...');
  const started = Date.now();
  await new Promise<void>((ok, ko) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(WEB, 'vite.config.ts')], {
      cwd: ROOT,
      // Under a test runner NODE_ENV is 'test', which would bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', process.stderr, process.stderr],
    });
    child.on('exit', (code) => (code === 0 ? ok() : ko(new Error(`web build failed (exit ${code})`))));
    child.on('error', ko);
  });
  info(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
