import { normalizeLocalCode, ZCrimeTypeMappingPut, type TCrimeType, type TCrimeTypeMapping, type TCrimeTypeMappingPut } from '@enlace/contracts';
import { fieldErrorsFromIssues, type FieldErrors } from '../../app/ui/form-errors.ts';

/** The screen's filter: one source system (or all) and a text matched against code, crime type and note. */
export interface MappingFilter {
  system: string;
  text: string;
}

/** The mappings that pass the filter, grouped by source system (systems and codes in alphabetical order). */
export function groupMappings(
  mappings: readonly TCrimeTypeMapping[],
  filter: MappingFilter,
  typeName: (code: TCrimeType) => string = (c) => c,
): { system: string; rows: TCrimeTypeMapping[] }[] {
  const needle = normalizeLocalCode(filter.text);
  const matches = (m: TCrimeTypeMapping): boolean =>
    needle === '' || [m.localCode, m.crimeType, typeName(m.crimeType), m.note ?? ''].some((v) => normalizeLocalCode(v).includes(needle));
  const groups = new Map<string, TCrimeTypeMapping[]>();
  for (const m of mappings) {
    if (filter.system !== '' && m.sourceSystem !== filter.system) continue;
    if (!matches(m)) continue;
    groups.set(m.sourceSystem, [...(groups.get(m.sourceSystem) ?? []), m]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([system, rows]) => ({ system, rows: rows.sort((a, b) => a.localCode.localeCompare(b.localCode)) }));
}

/** The source systems that have a mapping table, for the filter. */
export const sourceSystems = (mappings: readonly TCrimeTypeMapping[]): string[] => [...new Set(mappings.map((m) => m.sourceSystem))].sort();

/** The add/edit form as typed. */
export interface MappingDraft {
  sourceSystem: string;
  localCode: string;
  crimeType: TCrimeType | '';
  note: string;
}

export const emptyMappingDraft = (): MappingDraft => ({ sourceSystem: '', localCode: '', crimeType: '', note: '' });

/** The form filled with an existing row, to change its crime type or note. */
export const draftOf = (m: TCrimeTypeMapping): MappingDraft => ({ sourceSystem: m.sourceSystem, localCode: m.localCode, crimeType: m.crimeType, note: m.note ?? '' });

/**
 * Checks the form with the API's schema. The system name is taken in upper case (`sidpol` is SIDPOL); the code is
 * sent as typed (the server normalises it). `formatMessages` names the message for a malformed system or code.
 */
export function checkMappingDraft(
  d: MappingDraft,
  formatMessages: Record<string, string> = {},
): { ok: true; value: TCrimeTypeMappingPut } | { ok: false; errors: FieldErrors } {
  const note = d.note.trim();
  const parsed = ZCrimeTypeMappingPut.safeParse({
    sourceSystem: d.sourceSystem.trim().toUpperCase(),
    localCode: d.localCode,
    crimeType: d.crimeType === '' ? undefined : d.crimeType,
    ...(note ? { note } : {}),
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues, formatMessages) };
}
