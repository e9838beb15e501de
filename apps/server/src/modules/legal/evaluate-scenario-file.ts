import { evaluateScenario, parseScenarioText } from '@enlace/rules';
import type { TRuleSet } from '@enlace/rules';
import { referenceCoverageEngine } from '../geography/reference-geometry.ts';
import { referenceSubdivisions, referenceUbigeos } from '../geography/reference-ubigeos.ts';

export type ScenarioEvaluation = ReturnType<typeof evaluateScenario>;

export interface EvaluateScenarioFileOptions {
  /** The file as text (CLI) or as an already parsed JSON value (HTTP body). */
  input: { text: string } | { value: unknown };
  /** The clock, for files without `asOf`. */
  now: Date;
  ruleSet?: TRuleSet;
}

/**
 * Evaluates a legal scenario file (../shared/domain/scenario-format.md) without touching the database: UBIGEO
 * codes are checked against the committed reference geography and polygon coverage is computed in memory from
 * its district boundaries. One result per request id, or the file's faults
 * with their JSON paths.
 */
export function evaluateScenarioFile({ input, now, ruleSet }: EvaluateScenarioFileOptions): ScenarioEvaluation {
  let value: unknown;
  if ('text' in input) {
    const parsed = parseScenarioText(input.text);
    if (!parsed.ok) return parsed;
    value = parsed.value;
  } else {
    value = input.value;
  }
  const known = referenceUbigeos();
  return evaluateScenario(value, {
    now: now.toISOString(),
    isKnownUbigeo: (code) => known.has(code),
    subdivisions: referenceSubdivisions,
    coverageEngine: referenceCoverageEngine(),
    ...(ruleSet ? { ruleSet } : {}),
  });
}
