import i18next from 'i18next';
import type { z } from 'zod';

/** Messages per field path (`name`, `home.lon`). */
export type FieldErrors = Partial<Record<string, string>>;

function messageFor(issue: z.core.$ZodIssue, formatMessages: Record<string, string>): string {
  const t = i18next.t;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.minLength', { min: Number(issue.minimum) });
      }
      return t('validation.min', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { max: Number(issue.maximum) });
      return t('validation.max', { max: Number(issue.maximum) });
    case 'invalid_type':
      return issue.expected === 'number' ? t('validation.number') : t('validation.required');
    case 'invalid_format':
      return formatMessages[issue.path.map(String).join('.')] ?? t('validation.format');
    default:
      return t('validation.invalid');
  }
}

/**
 * Turns schema issues into one translated message per field path, so forms validate with the shared contract
 * schemas but speak the user's language. `formatMessages` names the message for pattern failures per field.
 */
export function fieldErrorsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  formatMessages: Record<string, string> = {},
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    errors[issue.path.map(String).join('.')] ??= messageFor(issue, formatMessages);
  }
  return errors;
}

type DetailIssue = { path?: unknown; field?: unknown; message: string };

function isDetailIssue(value: unknown): value is DetailIssue {
  return typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string'
    && ('path' in value || 'field' in value);
}

function fieldOf(issue: DetailIssue): string {
  const raw = Array.isArray(issue.path) ? issue.path.map(String).join('.') : String(issue.field ?? issue.path);
  // The server prefixes the request part (`body.name`); forms only know the field.
  return raw.replace(/^(body|query|params)\./, '');
}

/**
 * Field messages from a server validation error whose `details` list issues (`[{field, message}]` or
 * `[{path, message}]`, directly or under `issues`). Anything else yields none; the error's own message is shown.
 */
export function fieldErrorsFromDetails(details: unknown): FieldErrors {
  const list: unknown = typeof details === 'object' && details !== null && 'issues' in details ? details.issues : details;
  if (!Array.isArray(list)) return {};
  const errors: FieldErrors = {};
  for (const item of list as unknown[]) {
    if (isDetailIssue(item)) errors[fieldOf(item)] ??= item.message;
  }
  return errors;
}
