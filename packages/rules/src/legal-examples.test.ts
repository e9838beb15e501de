import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TMultiPolygonCoords, TScenarioEvaluation } from './index.ts';
import {
  DEFAULT_RULE_SET,
  FILE_ERROR_CODES,
  INSTRUMENT_RULE_CODES,
  READINESS_RULE_CODES,
  TASKING_RULE_CODES,
  createCoverageEngine,
  evaluateScenario,
  formatLegalRef,
  parseScenarioText,
} from './index.ts';

/**
 * The legal examples under examples/legal/ (issue 3, item 4): each file names the rules and legal references it
 * exercises (`exercises`) and, written by hand from the legal reasoning, the decision per request (`expected`), the
 * blocking codes of each denied request or the warning codes of each conditional one (`expectedCodes`), the info
 * codes where they matter (`expectedInfo`) and the non-blocking file warnings (`expectedWarnings`); an invalid file
 * gives instead the errors that make it invalid, with their JSON paths (`expectedErrors`).
 */
interface TCodeAtPath {
  readonly code: string;
  readonly path: string;
}
interface TLegalExample {
  readonly title: string;
  readonly exercises: readonly { readonly rule: string; readonly legalRef: string }[];
  readonly expected?: Readonly<Record<string, string>>;
  readonly expectedCodes?: Readonly<Record<string, readonly string[]>>;
  readonly expectedInfo?: Readonly<Record<string, readonly string[]>>;
  readonly expectedWarnings?: readonly TCodeAtPath[];
  readonly expectedErrors?: readonly TCodeAtPath[];
}

/** Tasking and readiness rules no scenario file can make fire under the default rule set, and why. */
const UNREACHABLE_FROM_FILES: Readonly<Record<string, string>> = {
  BASIS_AREA_UNVERIFIED:
    'files are evaluated with polygon coverage computed from the committed district boundaries (as the CLI does), so a polygon is always verified; the rule guards callers that give neither hints nor boundaries',
  DRONE_MISSING: 'the default rule set requires 0 drones for every task (dronesRequired: 0), so it cannot fire',
};

/**
 * Files whose hand-written expectation the evaluator does not give. The hand-written expectation stays in the file
 * (the rules package is not changed from here); `evaluatorGives` pins what the evaluator answers today, so that any
 * other change shows up. When the evaluator is corrected, the `it.fails` test below starts failing: remove the entry.
 */
const KNOWN_DISAGREEMENTS: Readonly<Record<string, { readonly reason: string; readonly evaluatorGives: readonly string[] }>> = {
};

const root = new URL('../../../', import.meta.url);
const dir = new URL('examples/legal/', root);

/** Every UBIGEO code of the reference geography: departments, provinces and districts. */
function referenceUbigeos(): Set<string> {
  const codes = new Set<string>();
  for (const level of ['departments', 'provinces', 'districts']) {
    const text = readFileSync(new URL(`reference/peru/${level}.geojson`, root), 'utf8');
    const collection = JSON.parse(text) as { features: { properties: { ubigeo: string } }[] };
    for (const f of collection.features) codes.add(f.properties.ubigeo);
  }
  return codes;
}
const ubigeos = referenceUbigeos();
/** Provinces of a department, districts of a province: the codes one level below. */
const subdivisions = (code: string): string[] => [...ubigeos].filter((u) => u.length === code.length + 2 && u.startsWith(code));

/** District boundaries from the committed reference geography (IGN for Lima and Callao), as the CLI loads them. */
function referenceDistricts(): Map<string, TMultiPolygonCoords> {
  const map = new Map<string, TMultiPolygonCoords>();
  for (const file of ['districts.geojson', 'lima-callao-districts.geojson']) {
    const doc = JSON.parse(readFileSync(new URL(`reference/peru/${file}`, root), 'utf8')) as {
      features: { properties: { ubigeo: string }; geometry: { type: string; coordinates: unknown } | null }[];
    };
    for (const f of doc.features) {
      if (!f.geometry) continue;
      const c = f.geometry.coordinates as TMultiPolygonCoords;
      map.set(f.properties.ubigeo, f.geometry.type === 'Polygon' ? ([c]) : c);
    }
  }
  return map;
}
const coverageEngine = createCoverageEngine(referenceDistricts);

const files = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const parsed = parseScenarioText(text);
    if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.errors)}`);
    const example = parsed.value as TLegalExample;
    const evaluation = evaluateScenario(parsed.value, { isKnownUbigeo: (code) => ubigeos.has(code), subdivisions, coverageEngine });
    return { name, example, evaluation };
  });

/** Coverage is counted only on files where the evaluator agrees with the hand-written outcome. */
const agreed = files.filter((f) => !(f.name in KNOWN_DISAGREEMENTS));

const sortedPairs = (list: readonly TCodeAtPath[]): string[] => list.map((e) => `${e.code} @ ${e.path}`).sort();
const codesOf = (result: { findings: readonly { code: string; severity: string }[] }, severity: string): string[] =>
  [...new Set(result.findings.filter((f) => f.severity === severity).map((f) => f.code))].sort();

/** The codes a file's evaluation shows: findings of every request and file warnings, or the errors of an invalid file. */
function firedCodes(evaluation: TScenarioEvaluation): Set<string> {
  const fired = new Set<string>();
  if (!evaluation.ok) {
    for (const e of evaluation.errors) fired.add(e.code);
    return fired;
  }
  for (const r of evaluation.results) for (const f of r.findings) fired.add(f.code);
  for (const w of evaluation.warnings) fired.add(w.code);
  return fired;
}

/** The evaluator's answer in one line per request (or per error), for the known disagreements. */
function summary(evaluation: TScenarioEvaluation): string[] {
  if (!evaluation.ok) return sortedPairs(evaluation.errors);
  return evaluation.results
    .map((r) => {
      const severity = r.decision === 'denied' ? 'blocking' : 'warning';
      return [`${r.id}: ${r.decision}`, ...codesOf(r, severity)].join(' ');
    })
    .sort();
}

/** Every assertion of a file's hand-written outcome. */
function checkHandWritten(example: TLegalExample, evaluation: TScenarioEvaluation): void {
  const fired = firedCodes(evaluation);
  if (example.expectedErrors) {
    expect(example.expected).toBeUndefined();
    expect(evaluation.ok).toBe(false);
    if (evaluation.ok) return;
    expect(sortedPairs(evaluation.errors)).toEqual(sortedPairs(example.expectedErrors));
  } else {
    expect(evaluation.ok, JSON.stringify(evaluation.ok ? [] : evaluation.errors)).toBe(true);
    if (!evaluation.ok) return;
    expect(sortedPairs(evaluation.warnings)).toEqual(sortedPairs(example.expectedWarnings ?? []));
    const decisions = Object.fromEntries(evaluation.results.map((r) => [r.id, r.decision]));
    expect(decisions).toEqual(example.expected);
    for (const r of evaluation.results) {
      const expectedCodes = [...(example.expectedCodes?.[r.id] ?? [])].sort();
      if (r.decision === 'denied') expect(codesOf(r, 'blocking'), r.id).toEqual(expectedCodes);
      else expect(codesOf(r, 'warning'), r.id).toEqual(r.decision === 'conditional' ? expectedCodes : []);
      const info = example.expectedInfo?.[r.id];
      if (info) expect(codesOf(r, 'info'), r.id).toEqual([...info].sort());
    }
  }
  for (const { rule } of example.exercises) expect(fired, rule).toContain(rule);
}

describe('legal examples (examples/legal)', () => {
  it('are at least 30 files', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files.map((f) => [f.name, f] as const))('%s names its rules with their legal references', (_name, { example }) => {
    expect(example.title.length).toBeGreaterThan(10);
    expect(example.exercises.length).toBeGreaterThan(0);
    for (const { rule, legalRef } of example.exercises) {
      const defined = DEFAULT_RULE_SET.rules.find((r) => r.id === rule);
      if (defined) expect(legalRef).toBe(formatLegalRef(defined.legalRef));
      else expect(FILE_ERROR_CODES as readonly string[]).toContain(rule);
      expect(legalRef.length).toBeGreaterThan(5);
    }
  });

  it.each(agreed.map((f) => [f.name, f] as const))(
    '%s gives the outcome written by hand',
    (_name, { example, evaluation }) => checkHandWritten(example, evaluation),
  );

  it.fails.each(files.filter((f) => f.name in KNOWN_DISAGREEMENTS).map((f) => [f.name, f] as const))(
    '%s: the evaluator still disagrees with the outcome written by hand',
    (_name, { example, evaluation }) => checkHandWritten(example, evaluation),
  );

  it.each(Object.entries(KNOWN_DISAGREEMENTS))('%s: the evaluator gives exactly the documented answer', (name, { reason, evaluatorGives }) => {
    const file = files.find((f) => f.name === name);
    expect(file).toBeDefined();
    if (file) expect(summary(file.evaluation), reason).toEqual([...evaluatorGives].sort());
  });

  it('exercise every tasking and readiness rule with an allowed and a denied (or marked) request', () => {
    const coverage = new Map<string, { fires: boolean; allowed: boolean }>();
    for (const { example, evaluation } of agreed) {
      if (!evaluation.ok || !example.expected) continue;
      const hasAllowed = Object.values(example.expected).includes('allowed');
      for (const { rule } of example.exercises) {
        const shown = evaluation.results.some((r) => r.findings.some((f) => f.code === rule));
        const entry = coverage.get(rule) ?? { fires: false, allowed: false };
        coverage.set(rule, { fires: entry.fires || shown, allowed: entry.allowed || hasAllowed });
      }
    }
    const required = [...TASKING_RULE_CODES, ...READINESS_RULE_CODES].filter((c) => !(c in UNREACHABLE_FROM_FILES));
    const missing = required.filter((c) => !(coverage.get(c)?.fires && coverage.get(c)?.allowed));
    if (missing.length > 0) console.log('Tasking rules without an allowed and a denied example:', missing);
    expect(missing).toEqual([]);
  });

  it('exercise every instrument rule (invalid file, or a file warning for the rules a scenario may simulate)', () => {
    const shown = new Set<string>();
    for (const { example, evaluation } of agreed) {
      const fired = firedCodes(evaluation);
      for (const { rule } of example.exercises) if (fired.has(rule)) shown.add(rule);
    }
    const missing = INSTRUMENT_RULE_CODES.filter((c) => !shown.has(c));
    if (missing.length > 0) console.log('Instrument rules without an example:', missing);
    expect(missing).toEqual([]);
  });

  it('keep the exception lists honest', () => {
    for (const code of Object.keys(UNREACHABLE_FROM_FILES)) {
      expect([...TASKING_RULE_CODES, ...READINESS_RULE_CODES] as string[]).toContain(code);
    }
    // DRONE_MISSING stays unreachable only while no task of the default rule set requires a drone.
    expect(Object.values(DEFAULT_RULE_SET.thresholds.tasks).every((t) => t.dronesRequired === 0)).toBe(true);
    for (const name of Object.keys(KNOWN_DISAGREEMENTS)) expect(files.map((f) => f.name)).toContain(name);
  });
});
