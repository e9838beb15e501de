import type { TClassification } from '@enlace/contracts';

/**
 * The run options an import kind takes beyond its column mapping, as the form edits them. Only the incident kinds
 * have any: which source the rows come from, which mapping table reads their local crime codes, the coordinate
 * system, the time zone of local times, and the labels the records get. The server validates them again.
 */
export interface ImportOptionsDraft {
  source: string;
  /** '' = the server's default for the source (the PNP's own records use SIDPOL's codes). */
  codeSystem: string;
  /** An EPSG code from `CRS_CHOICES`, or `OTHER_CRS` with `otherCrs`. */
  crs: string;
  otherCrs: string;
  timeZone: string;
  classification: TClassification;
  exercise: boolean;
}

export const OTHER_CRS = 'other';

/** Coordinate systems an analyst in Peru meets most: longitude/latitude, and the three UTM zones over the country. */
export const CRS_CHOICES = ['EPSG:4326', 'EPSG:32717', 'EPSG:32718', 'EPSG:32719'] as const;

/** Kinds whose rows are points in time and space (the full option set). */
const POINT_KINDS = new Set(['incidents']);
/** Kinds of counts per district and month (source, code system and classification only). */
const COUNT_KINDS = new Set(['incident-aggregates']);

export const hasImportOptions = (kind: string): boolean => POINT_KINDS.has(kind) || COUNT_KINDS.has(kind);
export const takesPointOptions = (kind: string): boolean => POINT_KINDS.has(kind);

/** The draft a kind starts from: the server's own defaults, so an untouched form changes nothing. */
export function defaultImportOptions(kind: string): ImportOptionsDraft {
  const counts = COUNT_KINDS.has(kind);
  return {
    source: counts ? 'SIDPOL' : 'PNP',
    codeSystem: counts ? 'SIDPOL' : '',
    crs: 'EPSG:4326',
    otherCrs: '',
    timeZone: 'America/Lima',
    classification: counts ? 'PUBLICO' : 'RESERVADO',
    exercise: false,
  };
}

/** A field of the draft that cannot be sent, with the message key that says why. */
export interface OptionsProblem {
  field: 'source' | 'otherCrs' | 'timeZone';
  key: 'imports.options.sourceFormat' | 'imports.options.crsFormat' | 'imports.options.timeZoneRequired';
}

const SOURCE = /^[A-Z0-9_]{2,32}$/;
const EPSG = /^EPSG:\d{4,5}$/;

/** What keeps the draft from being sent (the same rules as the server's). */
export function importOptionsProblems(kind: string, d: ImportOptionsDraft): OptionsProblem[] {
  if (!hasImportOptions(kind)) return [];
  const problems: OptionsProblem[] = [];
  if (!SOURCE.test(d.source.trim())) problems.push({ field: 'source', key: 'imports.options.sourceFormat' });
  if (takesPointOptions(kind)) {
    if (d.crs === OTHER_CRS && !EPSG.test(normalizedCrs(d.otherCrs))) problems.push({ field: 'otherCrs', key: 'imports.options.crsFormat' });
    if (!d.timeZone.trim()) problems.push({ field: 'timeZone', key: 'imports.options.timeZoneRequired' });
  }
  return problems;
}

/** "32718", "epsg:32718" and "EPSG:32718" all name the same system. */
function normalizedCrs(text: string): string {
  const t = text.trim().toUpperCase();
  return /^\d+$/.test(t) ? `EPSG:${t}` : t;
}

/** The options the run is created with, or undefined for kinds that take none. */
export function importOptionsFor(kind: string, d: ImportOptionsDraft): Record<string, unknown> | undefined {
  if (!hasImportOptions(kind)) return undefined;
  const source = d.source.trim();
  const common = { source, classification: d.classification, ...(d.codeSystem ? { codeSystem: d.codeSystem } : {}) };
  if (!takesPointOptions(kind)) return common;
  return {
    ...common,
    crs: d.crs === OTHER_CRS ? normalizedCrs(d.otherCrs) : d.crs,
    timeZone: d.timeZone.trim(),
    exercise: d.exercise,
  };
}

/** The mapping tables offered: those the catalogue holds, in alphabetical order. */
export function codeSystems(mappings: readonly { sourceSystem: string }[]): string[] {
  return [...new Set(mappings.map((m) => m.sourceSystem))].sort();
}

/** The options a run was created with, in the form's order, as label keys with their values (for the run page). */
export function describedImportOptions(options: Record<string, unknown>): { key: `imports.options.${'source' | 'codeSystem' | 'crs' | 'timeZone' | 'classification' | 'exercise'}`; value: string }[] {
  const order = ['source', 'codeSystem', 'crs', 'timeZone', 'classification', 'exercise'] as const;
  return order.flatMap((name) => {
    const v = options[name];
    if (v === true) return [{ key: `imports.options.${name}` as const, value: '✓' }];
    return typeof v === 'string' && v ? [{ key: `imports.options.${name}` as const, value: v }] : [];
  });
}
