import type { TImportMapping } from '@enlace/contracts';
import type { ImportField } from './import-kind.ts';

/** A header or field name reduced for comparison: no accents, case, spaces, `_`, `-` or `.`. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The mapping the file's header suggests: each field takes the first column whose name equals the field's
 * name or one of its aliases (normalized). Fields without a match are left out.
 */
export function autoMap(fields: readonly ImportField[], headers: readonly string[]): TImportMapping {
  const byName = new Map<string, string>();
  for (const h of headers) {
    const n = normalizeHeader(h);
    if (n && !byName.has(n)) byName.set(n, h);
  }
  const mapping: TImportMapping = {};
  for (const f of fields) {
    for (const candidate of [f.name, ...(f.aliases ?? [])]) {
      const column = byName.get(normalizeHeader(candidate));
      if (column !== undefined) {
        mapping[f.name] = { column };
        break;
      }
    }
  }
  return mapping;
}

/** How each field gets its value in one file: a column index (or none) and a default. */
export interface ResolvedField {
  field: ImportField;
  column: string | null;
  index: number | null;
  default: string | undefined;
}

export type MappingProblem =
  | { code: 'IMPORT_FIELD_UNKNOWN'; field: string }
  | { code: 'IMPORT_COLUMN_NOT_FOUND'; field: string; column: string }
  | { code: 'IMPORT_FIELD_UNMAPPED'; field: string };

/**
 * Applies an explicit mapping over the automatic one (an explicit `column: null` unmaps a field) and checks it
 * against the header: unknown fields, columns not in the file, required fields with neither column nor default.
 */
export function resolveMapping(
  fields: readonly ImportField[],
  headers: readonly string[],
  explicit: TImportMapping | undefined,
): { resolved: ResolvedField[]; effective: TImportMapping; problems: MappingProblem[] } {
  const problems: MappingProblem[] = [];
  const known = new Set(fields.map((f) => f.name));
  for (const name of Object.keys(explicit ?? {})) if (!known.has(name)) problems.push({ code: 'IMPORT_FIELD_UNKNOWN', field: name });
  const effective: TImportMapping = { ...autoMap(fields, headers), ...(explicit ?? {}) };
  const resolved: ResolvedField[] = [];
  for (const field of fields) {
    const entry = effective[field.name];
    const column = entry?.column ?? null;
    let index: number | null = null;
    if (column !== null) {
      index = headers.indexOf(column);
      if (index < 0) {
        // Tolerate a difference in case or accents between the mapping and the header.
        const wanted = normalizeHeader(column);
        index = headers.findIndex((h) => normalizeHeader(h) === wanted);
      }
      if (index < 0) {
        problems.push({ code: 'IMPORT_COLUMN_NOT_FOUND', field: field.name, column });
        index = null;
      }
    }
    const dflt = entry?.default === '' ? undefined : entry?.default;
    if (field.required && index === null && dflt === undefined && !problems.some((p) => p.field === field.name)) {
      problems.push({ code: 'IMPORT_FIELD_UNMAPPED', field: field.name });
    }
    resolved.push({ field, column: index === null ? null : headers[index]!, index, default: dflt });
  }
  for (const name of Object.keys(effective)) if (!known.has(name)) delete effective[name];
  return { resolved, effective, problems };
}
