import type { z } from 'zod';
import type { TReadinessStandard } from './readiness-standard.schema.ts';
import { ZReadinessStandard } from './readiness-standard.schema.ts';

/**
 * Checks a new version of the readiness standard before it is put in force, the same way in the browser (as the
 * admin types) and on the server (before storing): the schema (shares 0-1, boundaries not increasing, a known
 * reference for every requirement, a MET for every default task) and the rules between versions (the same standard,
 * a new version string). Every problem has a stable code and the path of the field, so a screen can say it in its
 * own words; the es/en messages are for logs and the API.
 */

export const STANDARD_ERROR_CODES = [
  'STANDARD_SHARE_OUT_OF_RANGE',
  'STANDARD_LEVELS_INCREASING',
  'STANDARD_RATING_ORDER',
  'STANDARD_UNKNOWN_REFERENCE',
  'STANDARD_VERSION_REQUIRED',
  'STANDARD_VERSION_UNCHANGED',
  'STANDARD_ID_CHANGED',
  'STANDARD_INVALID',
] as const;
export type TStandardErrorCode = (typeof STANDARD_ERROR_CODES)[number];

export interface TStandardIssue {
  readonly code: TStandardErrorCode;
  /** Dotted path of the field, e.g. `levels.P.min.1`. */
  readonly path: string;
  readonly message: { readonly es: string; readonly en: string };
}

export type TStandardValidation =
  | { readonly ok: true; readonly standard: TReadinessStandard }
  | { readonly ok: false; readonly issues: readonly TStandardIssue[] };

const MESSAGES: Record<TStandardErrorCode, { es: string; en: string }> = {
  STANDARD_SHARE_OUT_OF_RANGE: { es: 'La proporción debe estar entre 0 y 1.', en: 'The share must be between 0 and 1.' },
  STANDARD_LEVELS_INCREASING: {
    es: 'Los umbrales de los niveles 1, 2 y 3 no deben aumentar (nivel 1 ≥ nivel 2 ≥ nivel 3).',
    en: 'The boundaries of levels 1, 2 and 3 must not increase (level 1 ≥ level 2 ≥ level 3).',
  },
  STANDARD_RATING_ORDER: {
    es: 'El umbral de «Q» no puede superar al de «Y».',
    en: 'The "Q" threshold must not exceed the "Y" threshold.',
  },
  STANDARD_UNKNOWN_REFERENCE: {
    es: 'Cada requisito debe citar una referencia legal o doctrinal registrada.',
    en: 'Every requirement must cite a registered legal or doctrinal reference.',
  },
  STANDARD_VERSION_REQUIRED: { es: 'Indique la versión (1 a 64 caracteres).', en: 'Give the version (1 to 64 characters).' },
  STANDARD_VERSION_UNCHANGED: {
    es: 'Una nueva versión necesita un identificador de versión nuevo.',
    en: 'A new version needs a new version string.',
  },
  STANDARD_ID_CHANGED: {
    es: 'La nueva versión debe ser del mismo estándar.',
    en: 'The new version must be of the same standard.',
  },
  STANDARD_INVALID: { es: 'Valor no válido.', en: 'Invalid value.' },
};

/** The code of one schema problem, from where it is and what zod says. */
function codeOf(issue: z.core.$ZodIssue): TStandardErrorCode {
  const path = issue.path.map(String);
  const last = path.at(-1);
  if (issue.code === 'custom') {
    if (issue.message.startsWith('unknown reference')) return 'STANDARD_UNKNOWN_REFERENCE';
    if (issue.message.startsWith('level boundaries')) return 'STANDARD_LEVELS_INCREASING';
    if (issue.message.startsWith('qualified must not exceed')) return 'STANDARD_RATING_ORDER';
  }
  if (path[0] === 'version') return 'STANDARD_VERSION_REQUIRED';
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number') {
    const inShare = path[0] === 'levels' || last === 'maxShare' || last === 'trainedShare' || path.includes('rating');
    if (inShare) return 'STANDARD_SHARE_OUT_OF_RANGE';
  }
  return 'STANDARD_INVALID';
}

const issue = (code: TStandardErrorCode, path: string): TStandardIssue => ({ code, path, message: MESSAGES[code] });

/**
 * Validates `candidate` as the next version after `current` (when given). Returns the parsed standard (defaults
 * filled in) or every problem found.
 */
export function validateReadinessStandard(candidate: unknown, current?: Pick<TReadinessStandard, 'standardId' | 'version'>): TStandardValidation {
  const parsed = ZReadinessStandard.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => issue(codeOf(i), i.path.map(String).join('.'))) };
  }
  const issues: TStandardIssue[] = [];
  if (current && parsed.data.standardId !== current.standardId) issues.push(issue('STANDARD_ID_CHANGED', 'standardId'));
  if (current && parsed.data.version === current.version) issues.push(issue('STANDARD_VERSION_UNCHANGED', 'version'));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, standard: parsed.data };
}

/** How results name the standard they used: `standardId@version`. */
export const standardRef = (s: Pick<TReadinessStandard, 'standardId' | 'version'>): string => `${s.standardId}@${s.version}`;
