import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from './api.ts';
import type { z } from 'zod';
import { fieldErrorsFromDetails, fieldErrorsFromIssues, type FieldErrors } from './ui/form-errors.ts';

/** What a form's own check gives: the value to send, or a message per field. */
export type Checked<V> = { ok: true; value: V } | { ok: false; errors: FieldErrors };

/** A form checked with the API's own schema: the parsed value, or the schema's issues as a message per field. */
export function checkedBy<S extends z.ZodType>(schema: S, input: unknown, formatMessages?: Record<string, string>): Checked<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues, formatMessages) };
}

/**
 * A form checked field by field before it is sent. `submit(draft)` runs the form's check: its errors go beside the
 * fields with a summary above them, or the checked value is sent. A refusal from the server shows its translated
 * message, and the fields its details name. `saving` while the request runs; `saved` once it has succeeded.
 * (Forms with one list of messages use `useSubmission`.)
 */
export function useCheckedForm<D, V>(check: (draft: D) => Checked<V>, send: (value: V) => Promise<void>): {
  errors: FieldErrors;
  failure: string | null;
  saving: boolean;
  saved: boolean;
  submit: (draft: D) => Promise<void>;
} {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = async (draft: D): Promise<void> => {
    const checked = check(draft);
    setErrors(checked.ok ? {} : checked.errors);
    setFailure(checked.ok ? null : t('common.formHasErrors'));
    setSaved(false);
    if (!checked.ok) return;
    setSaving(true);
    try {
      await send(checked.value);
      setSaved(true);
    } catch (cause) {
      setErrors(cause instanceof ApiError ? fieldErrorsFromDetails(cause.details) : {});
      setFailure(errorMessage(cause));
    } finally {
      setSaving(false);
    }
  };
  return { errors, failure, saving, saved, submit };
}
