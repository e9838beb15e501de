import type { TCoverageHint } from '../area/area-coverage.ts';
import type { TCoverageEngine } from '../area/coverage-engine.ts';
import { DEFAULT_RULE_SET } from '../rule-set/default-rule-set.ts';
import { evaluateTasking } from '../tasking/evaluate-tasking.ts';
import type { TScenarioFileError } from './file-errors.ts';
import type { TParseScenarioOptions } from './parse-scenario-file.ts';
import { parseScenarioFile } from './parse-scenario-file.ts';
import type { TScenarioResult } from './scenario.schema.ts';

export interface TEvaluateScenarioOptions extends TParseScenarioOptions {
  /** The caller's clock (ISO date-time), used when the file has no `asOf`. The rules never read a clock. */
  readonly now?: string;
  /** Polygon coverage precomputed by the server, by request id (see `TTaskingContext.coverage`). */
  readonly coverage?: Readonly<Record<string, readonly TCoverageHint[]>>;
  /**
   * Polygon coverage computed in memory from district boundaries the caller holds, for requests without precomputed
   * `coverage`; without either, polygon coverage is BASIS_AREA_UNVERIFIED.
   */
  readonly coverageEngine?: TCoverageEngine;
  /** Subdivisions of a UBIGEO code (see `TTaskingContext.subdivisions`). */
  readonly subdivisions?: (code: string) => readonly string[];
}

export type TScenarioEvaluation =
  | {
      readonly ok: true;
      readonly results: readonly TScenarioResult[];
      /** Non-blocking instrument findings (e.g. an RS longer than usual), for stderr or the screen. */
      readonly warnings: readonly TScenarioFileError[];
    }
  | { readonly ok: false; readonly errors: readonly TScenarioFileError[] };

/**
 * Evaluates every request of a scenario file (a parsed JSON value) without touching any store: one result per
 * request id, in file order. An invalid file gives errors and no result at all. Throws only when the file has no
 * `asOf` and the caller gave no `now`.
 */
export function evaluateScenario(raw: unknown, options: TEvaluateScenarioOptions = {}): TScenarioEvaluation {
  const parsed = parseScenarioFile(raw, options);
  if (!parsed.ok) return parsed;
  const { file } = parsed;
  const asOf = file.asOf ?? options.now;
  if (asOf === undefined) throw new TypeError('evaluateScenario: the file has no asOf; pass options.now');
  const ruleSet = options.ruleSet ?? DEFAULT_RULE_SET;
  const units = new Map(file.units.map((u) => [u.id, u]));
  const results = file.requests.map((request): TScenarioResult => {
    const unit = units.get(request.unitId);
    if (!unit) throw new Error(`unit ${request.unitId} vanished after validation`);
    const result = evaluateTasking(
      { ...request, unit },
      {
        instruments: file.instruments,
        asOf,
        ruleSet,
        coverage: options.coverage?.[request.id] ?? options.coverageEngine?.hints(request.area, file.instruments),
        ...(options.subdivisions ? { subdivisions: options.subdivisions } : {}),
      },
    );
    return { id: request.id, ...result };
  });
  return { ok: true, results, warnings: parsed.warnings };
}
