import { z } from 'zod';
import { periodDays } from '../dates.ts';
import { validateInstruments } from '../instruments/validate-instruments.ts';
import { DEFAULT_RULE_SET } from '../rule-set/default-rule-set.ts';
import type { TRuleCode } from '../rule-set/rule-codes.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';
import type { TScenarioFileError } from './file-errors.ts';
import { fileError, jsonPath } from './file-errors.ts';
import type { TScenarioFile } from './scenario.schema.ts';
import { ZScenarioFile } from './scenario.schema.ts';

export interface TParseScenarioOptions {
  readonly ruleSet?: TRuleSet;
  /**
   * Whether a UBIGEO code exists (any level). The reference geography lives outside the pure rules: the server or
   * the CLI passes a lookup; without one only the format of the codes is checked.
   */
  readonly isKnownUbigeo?: (code: string) => boolean;
}

export type TParsedScenario =
  | { readonly ok: true; readonly file: TScenarioFile; readonly warnings: readonly TScenarioFileError[] }
  | { readonly ok: false; readonly errors: readonly TScenarioFileError[] };

/**
 * Faults of an extension chain a scenario may simulate on purpose ("what if the prórroga is published a day late?").
 * The registry rejects them on entry; in a scenario they are warnings, and the days they leave uncovered deny the
 * requests that need them (BASIS_PERIOD_NOT_COVERED). Unlawful instruments (over 60 days, a right that cannot be
 * restricted, an S4 without a ground) still make the file invalid.
 */
export const SIMULABLE_IN_SCENARIOS: readonly TRuleCode[] = ['EXTENSION_GAP', 'EXTENSION_OVERLAP'];

/** Errors beyond this many are not listed: the first ones are enough to fix a file. */
const MAX_ERRORS = 100;
const spanish = z.locales.es();

/**
 * Reads a parsed JSON value as a scenario file. Invalid (nothing is evaluated) when it breaks the types or codes,
 * has an end before its start, names an unknown UBIGEO, holds a dangling or repeated id, or holds an instrument
 * the law does not allow (any blocking instrument rule but those in SIMULABLE_IN_SCENARIOS). Every error names the
 * JSON path of the fault; non-blocking instrument findings come back as `warnings`.
 */
export function parseScenarioFile(raw: unknown, options: TParseScenarioOptions = {}): TParsedScenario {
  const parsed = ZScenarioFile.safeParse(raw);
  if (!parsed.success) {
    const es = ZScenarioFile.safeParse(raw, { error: (issue) => spanish.localeError(issue) });
    const esIssues = es.success ? [] : es.error.issues;
    const errors = parsed.error.issues.slice(0, MAX_ERRORS).map((issue, i) =>
      fileError('INVALID_FIELD', jsonPath(issue.path), {}, {
        en: { detail: issue.message },
        es: { detail: esIssues[i]?.message ?? issue.message },
      }),
    );
    return { ok: false, errors };
  }
  const file = parsed.data;
  const ruleSet = options.ruleSet ?? DEFAULT_RULE_SET;
  const errors: TScenarioFileError[] = [];
  const warnings: TScenarioFileError[] = [];

  for (const f of validateInstruments(file.instruments, ruleSet).findings) {
    const entry = { path: jsonPath(['instruments', f.index, ...f.path]), code: f.code, message: f.message };
    const fatal = f.severity === 'blocking' && !SIMULABLE_IN_SCENARIOS.includes(f.code);
    (fatal ? errors : warnings).push(entry);
  }
  errors.push(...duplicateIds(file.units.map((u) => u.id), ['units']));
  errors.push(...duplicateIds(file.requests.map((r) => r.id), ['requests']));
  file.units.forEach((u, ui) => errors.push(...duplicateIds(u.members.map((m) => m.id), ['units', ui, 'members'])));

  const unitIds = new Set(file.units.map((u) => u.id));
  file.requests.forEach((r, i) => {
    if (!unitIds.has(r.unitId)) errors.push(fileError('DANGLING_REFERENCE', jsonPath(['requests', i, 'unitId']), { id: r.unitId }));
    if (periodDays(r.start, r.end) === null) {
      errors.push(fileError('END_BEFORE_START', jsonPath(['requests', i, 'end']), { start: r.start, end: r.end }));
    }
  });

  const known = options.isKnownUbigeo;
  if (known) {
    const check = (codes: readonly string[] | undefined, base: readonly PropertyKey[]): void =>
      codes?.forEach((code, j) => {
        if (!known(code)) errors.push(fileError('UNKNOWN_UBIGEO', jsonPath([...base, 'area', 'ubigeo', j]), { code }));
      });
    file.instruments.forEach((ins, i) => check(ins.area?.ubigeo, ['instruments', i]));
    file.requests.forEach((r, i) => check(r.area.ubigeo, ['requests', i]));
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return { ok: true, file, warnings };
}

function duplicateIds(ids: readonly string[], base: readonly PropertyKey[]): TScenarioFileError[] {
  const seen = new Set<string>();
  const errors: TScenarioFileError[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) errors.push(fileError('DUPLICATE_ID', jsonPath([...base, i, 'id']), { id }));
    seen.add(id);
  });
  return errors;
}
