import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Starts a TypeScript file of bench/ (a load client) in a Node process of its own, tsx's loader imported in that
 * process (`node --import tsx`): the tsx CLI would start a second, relaying Node process for each child, CPU taken
 * from the server under measurement on a 2-core machine. The child's stdout is piped (its result), stderr inherited.
 */
export function spawnTs(file: string, args: readonly string[]): ChildProcessByStdio<null, Readable, null> {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', file), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
}
