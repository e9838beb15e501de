import i18next from 'i18next';
import { ZSuspectCreate, ZVictimCreate } from '@enlace/contracts';
import type { z } from 'zod';
import { fieldErrorsFromIssues, type FieldErrors } from '../../app/ui/form-errors.ts';

/**
 * What the victims-and-suspects section shows a user: the lists only with `incident:person:read`; the add forms with
 * `incident:person:write` (an operator records victims without being able to read them back).
 */
export function personsAccess(permissions: readonly string[]): { read: boolean; write: boolean } {
  return { read: permissions.includes('incident:person:read'), write: permissions.includes('incident:person:write') };
}

export type Sex = '' | 'F' | 'M' | 'X';

/** The add-victim form as typed. */
export interface VictimDraft {
  fullName: string;
  documentId: string;
  sex: Sex;
  age: string;
  notes: string;
}

/** The add-suspect form as typed. */
export interface SuspectDraft {
  fullName: string;
  alias: string;
  documentId: string;
  sex: Sex;
  age: string;
  description: string;
  detained: boolean;
}

export const emptyVictimDraft = (): VictimDraft => ({ fullName: '', documentId: '', sex: '', age: '', notes: '' });
export const emptySuspectDraft = (): SuspectDraft => ({ fullName: '', alias: '', documentId: '', sex: '', age: '', description: '', detained: false });

export type Check<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** A typed text: trimmed, or absent when empty (the API takes absent fields as unknown). */
const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
/** A typed age: a number when the input is one, the text itself otherwise (so the schema reports it). */
const ageOf = (value: string): number | string | undefined => {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
};
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Checks the victim form with the API's own schema; at least one field must be given. */
export function checkVictimDraft(d: VictimDraft): Check<z.output<typeof ZVictimCreate>> {
  const body = defined({ fullName: text(d.fullName), documentId: text(d.documentId), sex: d.sex || undefined, age: ageOf(d.age), notes: text(d.notes) });
  if (Object.keys(body).length === 0) return { ok: false, errors: { form: i18next.t('incidentDetail.persons.needOne') } };
  const parsed = ZVictimCreate.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}

/** Checks the suspect form with the API's own schema; at least one field besides "detained" must be given. */
export function checkSuspectDraft(d: SuspectDraft): Check<z.output<typeof ZSuspectCreate>> {
  const body = defined({
    fullName: text(d.fullName),
    alias: text(d.alias),
    documentId: text(d.documentId),
    sex: d.sex || undefined,
    age: ageOf(d.age),
    description: text(d.description),
  });
  if (Object.keys(body).length === 0) return { ok: false, errors: { form: i18next.t('incidentDetail.persons.needOne') } };
  const parsed = ZSuspectCreate.safeParse({ ...body, detained: d.detained });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}
