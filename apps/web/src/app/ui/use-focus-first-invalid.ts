import { useEffect, type RefObject } from 'react';
import type { FieldErrors } from './form-errors.ts';

/** After a failed submit, moves focus to the first invalid field so keyboard users land on the problem. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, errors: FieldErrors): void {
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, errors]);
}
