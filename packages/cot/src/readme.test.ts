import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as cot from './index.ts';

/**
 * Runs every ```js block of README.md with the package's exports in scope and checks that each
 * `console.log(x, ...); // → text` prints `text` (strings as they are, anything else as JSON, separated by spaces).
 */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

function show(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined ? 'undefined' : JSON.stringify(value);
}

type Example = (api: typeof cot, console: { log: (...values: unknown[]) => void }) => Promise<void>;

describe('README examples', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThan(10);
  });

  it.each(blocks.map((code, i) => [i + 1, code] as const))('example %d prints what it says', async (_n, code) => {
    const expected = [...code.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1]);
    const body = code.replace(/^import [^;]*;$/gm, '');
    const source = `(async function (api, console) { const { ${Object.keys(cot).join(', ')} } = api;\n${body}\n})`;
    const example = runInThisContext(source) as Example;
    const printed: string[] = [];
    await example(cot, { log: (...values) => printed.push(values.map(show).join(' ')) });
    expect(printed).toEqual(expected);
  });
});
