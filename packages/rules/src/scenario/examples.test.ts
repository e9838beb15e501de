import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_CODES, evaluateScenario } from '../index.ts';

/**
 * Every file under packages/rules/examples/ states the decision expected for each request (`expected`), or the
 * codes that make it invalid (`expectedErrors`), written by hand; and the rules it exercises (`exercises`).
 */
interface TExample {
  title: string;
  exercises: { rule: string; legalRef: string }[];
  expected?: Record<string, string>;
  expectedErrors?: string[];
}

const dir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name, JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as TExample] as const);

describe('example scenarios', () => {
  it('are at least five', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)('%s gives its expected decisions', (_name, example) => {
    expect(example.title.length).toBeGreaterThan(10);
    const evaluation = evaluateScenario(example);
    const fired = new Set<string>();
    if (example.expectedErrors) {
      expect(evaluation.ok).toBe(false);
      if (evaluation.ok) return;
      for (const e of evaluation.errors) fired.add(e.code);
      expect([...fired].sort()).toEqual([...example.expectedErrors].sort());
    } else {
      expect(evaluation.ok).toBe(true);
      if (!evaluation.ok) return;
      const decisions = Object.fromEntries(evaluation.results.map((r) => [r.id, r.decision]));
      expect(decisions).toEqual(example.expected);
      for (const r of evaluation.results) for (const f of r.findings) fired.add(f.code);
      for (const w of evaluation.warnings) fired.add(w.code);
    }
    for (const { rule, legalRef } of example.exercises) {
      expect(RULE_CODES).toContain(rule);
      expect(legalRef.length).toBeGreaterThan(5);
      expect(fired).toContain(rule);
    }
  });
});
