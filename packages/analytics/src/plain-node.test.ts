import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from './index.ts';

// The contract of issue 6: `await import('@enlace/analytics')` works in plain Node (no TypeScript loader) once the
// package is built, and every README example runs there and prints what its `// →` comments say.
const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
let sandbox = '';

const node = (file: string): string => execFileSync(process.execPath, [file], { cwd: sandbox, encoding: 'utf8' });

describe('plain Node', () => {
  beforeAll(() => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', join(packageDir, 'tsconfig.build.json')], { encoding: 'utf8' });
    sandbox = mkdtempSync(join(tmpdir(), 'enlace-analytics-'));
    mkdirSync(join(sandbox, 'node_modules', '@enlace'), { recursive: true });
    symlinkSync(packageDir, join(sandbox, 'node_modules', '@enlace', 'analytics'), 'dir');
  }, 120_000);

  afterAll(() => {
    if (sandbox) rmSync(sandbox, { recursive: true, force: true });
  });

  it('imports the built package by name and sees the same exports as the TypeScript source', () => {
    writeFileSync(join(sandbox, 'keys.mjs'), "const m = await import('@enlace/analytics');\nconsole.log(Object.keys(m).sort().join(' '));\n");
    expect(node('keys.mjs').trim()).toBe(Object.keys(api).sort().join(' '));
  });

  it('documents every exported function in a README heading', () => {
    const headings = readme.split('\n').filter((l) => l.startsWith('### ')).join('\n');
    const functions = Object.entries(api).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    expect(functions.filter((name) => !headings.includes(`\`${name}`) && !headings.includes(`, \`${name}(`))).toEqual([]);
  });

  it.each(examples.map((code, k) => [k + 1, code] as const))('README example %d runs and prints what it says', (k, code) => {
    const file = `example-${k}.mjs`;
    writeFileSync(join(sandbox, file), code);
    const expected = code.split('\n').flatMap((l) => (l.includes('// → ') ? [l.split('// → ')[1]!.trim()] : []));
    const printed = node(file).split('\n').map((l) => l.trim()).filter((l) => l !== '');
    expect(printed).toEqual(expected);
  });
});
