import i18next from 'i18next';
import {
  AGENCY_CODES,
  CLASSIFICATIONS,
  ECHELONS,
  FORCES,
  LANGUAGES,
  ROLES,
} from '@enlace/contracts';
import type { SelectOption } from './select-field.tsx';

// Option lists for selects, labelled in the interface language. Call them during render of a component that uses
// useTranslation(), so they follow language changes.

/** Forces, by translated name. */
export const forceOptions = (): SelectOption[] => FORCES.map((v) => ({ value: v, label: i18next.t(`force.${v}`) }));

/** Agencies, by translated full name. */
export const agencyOptions = (): SelectOption[] =>
  AGENCY_CODES.map((v) => ({ value: v, label: `${v} · ${i18next.t(`agency.${v}`)}` }));

/** Classifications, least to most restricted. */
export const classificationOptions = (): SelectOption[] =>
  CLASSIFICATIONS.map((v) => ({ value: v, label: i18next.t(`classification.${v}`) }));

/** Echelons, highest first. */
export const echelonOptions = (): SelectOption[] =>
  ECHELONS.map((v) => ({ value: v, label: i18next.t(`echelon.${v}`) }));

/** Roles. */
export const roleOptions = (): SelectOption[] => ROLES.map((v) => ({ value: v, label: i18next.t(`role.${v}`) }));

/** Interface languages, each named in itself. */
export const languageOptions = (): SelectOption[] =>
  LANGUAGES.map((v) => ({ value: v, label: i18next.t(`language.${v}`) }));

/** Narrows a select's string value to one of the allowed literals (selects only offer those). */
export function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return (values as readonly string[]).includes(value) ? (value as T) : fallback;
}
