import type { TImportMapping } from '@enlace/contracts';
import type { z } from 'zod';
import type { Queryable } from '../db/db.ts';
import { ERROR_CATALOG } from '../errors/messages.ts';
import type { ErrorCode } from '../errors/messages.ts';
import { resolveMapping } from './column-mapping.ts';
import type { ResolvedField } from './column-mapping.ts';
import { CsvFileError, readCsv } from './csv-reader.ts';
import type { CsvDelimiter, CsvEncoding } from './csv-reader.ts';
import { IMPORT_BATCH_SIZE } from './import-kind.ts';
import { KeySet } from './key-set.ts';
import type { ApplyCounts, ImportContext, ImportKind, ImportRow, ImportRowInput } from './import-kind.ts';

/** The stored file of a run and how to read it. */
export interface ImportFile {
  path: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
}

/** One problem of the file, located by line (1-based; the header is line 1) and source column. */
export interface ImportRowError {
  line: number;
  /** The source column (header text), or null for the row or the file as a whole. */
  column: string | null;
  /** The kind's field, or null. */
  field: string | null;
  code: ErrorCode;
  params: Record<string, string | number>;
}

export interface ScanProgress {
  rowsRead: number;
  bytesRead: number;
  errors: number;
}

export interface ScanOptions<Row, Options> {
  /** Where `check` reads: the database while validating, the run's transaction while applying. */
  db: Queryable;
  kind: ImportKind<Row, Options>;
  file: ImportFile;
  /** Explicit mapping; fields it leaves out are mapped from the header automatically. */
  mapping: TImportMapping | undefined;
  ctx: ImportContext<Options>;
  onProgress?: (p: ScanProgress) => void;
  /**
   * Applying: called with each checked batch, in file order, as long as no error has been found. Once one is
   * found, the scan goes on only to report every error, and the caller must roll back.
   */
  onBatch?: (rows: readonly ImportRow<Row>[]) => Promise<ApplyCounts>;
  /** Errors kept in the result (all are counted). */
  maxErrors?: number;
}

export interface ScanResult {
  headers: string[];
  /** The mapping actually used (explicit over automatic), to store with the run. */
  mapping: TImportMapping;
  /** Data rows read (not counting the header). */
  rows: number;
  errorCount: number;
  /** The first `maxErrors` errors, in file order. */
  errors: ImportRowError[];
  counts: ApplyCounts;
}

export const DEFAULT_MAX_ERRORS = 5000;

/** A cell a spreadsheet would run as a formula when the data is exported again (CSV injection). */
const FORMULA = /^(?:[=@]|[+-](?![\d\s.,]*$))/;
/** Control characters other than tab and newline (PostgreSQL refuses NUL; the others hide text). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Reads a run's file once, from the first byte to the last, in constant memory (one batch of rows, plus a 64-bit
 * digest of each natural key seen, to find repeated records: `KeySet`): header and mapping, then each row through the kind's schema,
 * duplicate keys, and the kind's `check` batch by batch; when applying, `onBatch` writes each batch. Every
 * problem is reported with its line and column; a file that cannot be read further (encoding, quoting) ends
 * the scan with one error at the line where reading stopped.
 */
export async function scanImportFile<Row, Options>(o: ScanOptions<Row, Options>): Promise<ScanResult> {
  const maxErrors = o.maxErrors ?? DEFAULT_MAX_ERRORS;
  const errors: ImportRowError[] = [];
  let errorCount = 0;
  const report = (e: ImportRowError): void => {
    errorCount++;
    if (errors.length < maxErrors) errors.push(e);
  };
  const counts: ApplyCounts = { created: 0, updated: 0, unchanged: 0 };
  let headers: string[] = [];
  let effective: TImportMapping = o.mapping ?? {};
  let resolved: ResolvedField[] | null = null;
  const columnOf = new Map<string, string | null>();
  const seen = new KeySet();
  let batch: ImportRow<Row>[] = [];
  let rows = 0;
  let bytesRead = 0;
  const progress = (): void => o.onProgress?.({ rowsRead: rows, bytesRead, errors: errorCount });

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const issues = o.kind.check ? await o.kind.check(o.db, current, o.ctx) : [];
    for (const issue of issues) {
      const row = current[issue.index];
      if (!row) continue;
      report({
        line: row.line,
        column: issue.field === null ? null : (columnOf.get(issue.field) ?? null),
        field: issue.field,
        code: issue.code,
        params: { ...(issue.params ?? {}), ...(issue.field ? { field: columnOf.get(issue.field) ?? issue.field } : {}) },
      });
    }
    if (o.onBatch && errorCount === 0) {
      const c = await o.onBatch(current);
      counts.created += c.created;
      counts.updated += c.updated;
      counts.unchanged += c.unchanged;
    }
    progress();
  };

  try {
    for await (const record of readCsv({ ...o.file, onBytes: (n) => (bytesRead = n) })) {
      if (resolved === null) {
        headers = record.cells.map((h) => h.trim());
        const fileProblems = headerProblems(headers);
        const mapped = resolveMapping(o.kind.fields, headers, o.mapping);
        effective = mapped.effective;
        for (const p of mapped.problems) fileProblems.push({ line: 1, column: 'column' in p ? p.column : null, field: p.field, code: p.code, params: { ...p } });
        if (fileProblems.length > 0) {
          fileProblems.forEach(report);
          return { headers, mapping: effective, rows, errorCount, errors, counts };
        }
        resolved = mapped.resolved;
        for (const r of resolved) columnOf.set(r.field.name, r.column);
        continue;
      }
      rows++;
      const row = mapRow(record.cells, headers.length, resolved, record.line, report);
      if (row) {
        const parsed = o.kind.schema.safeParse(row);
        if (!parsed.success) {
          for (const e of zodErrors(parsed.error, record.line, row, columnOf)) report(e);
        } else {
          const key = o.kind.naturalKey(parsed.data, o.ctx);
          const first = seen.add(key, record.line);
          if (first !== null) {
            report({ line: record.line, column: null, field: null, code: 'IMPORT_DUPLICATE_KEY', params: { key, firstLine: first } });
          } else {
            batch.push({ line: record.line, value: parsed.data, key });
            if (batch.length >= IMPORT_BATCH_SIZE) await flush();
          }
        }
      }
      if (rows % 1000 === 0) progress();
    }
    await flush();
  } catch (err) {
    if (!(err instanceof CsvFileError)) throw err;
    report({ line: err.line, column: null, field: null, code: err.code, params: { ...err.params, line: err.line } });
  }
  if (resolved === null && errorCount === 0) report({ line: 1, column: null, field: null, code: 'IMPORT_FILE_EMPTY', params: {} });
  else if (rows === 0 && errorCount === 0) report({ line: 2, column: null, field: null, code: 'IMPORT_FILE_EMPTY', params: {} });
  progress();
  // Database checks report a batch after the schema errors of later rows: give the report in file order.
  errors.sort((a, b) => a.line - b.line);
  return { headers, mapping: effective, rows, errorCount, errors, counts };
}

function headerProblems(headers: readonly string[]): ImportRowError[] {
  const problems: ImportRowError[] = [];
  const seen = new Set<string>();
  headers.forEach((h, i) => {
    if (h === '') {
      // A trailing empty header (a separator at the end of the line) is harmless.
      if (headers.slice(i).some((x) => x !== '')) {
        problems.push({ line: 1, column: null, field: null, code: 'IMPORT_HEADER_EMPTY', params: { position: i + 1 } });
      }
      return;
    }
    if (seen.has(h)) problems.push({ line: 1, column: h, field: null, code: 'IMPORT_HEADER_DUPLICATE', params: { column: h } });
    seen.add(h);
  });
  return problems;
}

/** The kind's input for one record, or null when the row cannot be read (wrong number of cells, hostile text). */
function mapRow(
  cells: readonly string[],
  width: number,
  resolved: readonly ResolvedField[],
  line: number,
  report: (e: ImportRowError) => void,
): ImportRowInput | null {
  const extra = cells.slice(width);
  if (cells.length < width || extra.some((c) => c.trim() !== '')) {
    report({ line, column: null, field: null, code: 'IMPORT_COLUMN_COUNT', params: { expected: width, got: cells.length } });
    return null;
  }
  const input: ImportRowInput = {};
  let ok = true;
  for (const r of resolved) {
    const raw = r.index === null ? '' : (cells[r.index] ?? '').trim();
    const value = raw === '' ? r.default : raw;
    if (value !== undefined && CONTROL.test(value)) {
      report({ line, column: r.column, field: r.field.name, code: 'IMPORT_CONTROL_CHARACTER', params: { field: r.column ?? r.field.name } });
      ok = false;
    } else if (value !== undefined && FORMULA.test(value)) {
      report({ line, column: r.column, field: r.field.name, code: 'IMPORT_FORMULA_REJECTED', params: { field: r.column ?? r.field.name } });
      ok = false;
    }
    input[r.field.name] = value;
  }
  return ok ? input : null;
}

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in ERROR_CATALOG;

/** zod issues as row errors with stable codes (one per field), so that the report reads the same in es and en. */
function zodErrors(
  error: z.ZodError,
  line: number,
  input: ImportRowInput,
  columnOf: ReadonlyMap<string, string | null>,
): ImportRowError[] {
  const out: ImportRowError[] = [];
  const done = new Set<string>();
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : null;
    const slot = field ?? '';
    if (done.has(slot)) continue;
    done.add(slot);
    const base = { line, column: field === null ? null : (columnOf.get(field) ?? null), field };
    // Messages name the column as the user knows it (the field name when it has no column, e.g. a default).
    const fieldName = base.column ?? field ?? '-';
    const missing = field !== null && input[field] === undefined;
    let code: ErrorCode = 'IMPORT_VALUE_INVALID';
    let params: Record<string, string | number> = { field: fieldName, reason: issue.message };
    switch (issue.code) {
      case 'invalid_type':
        if (missing) code = 'IMPORT_VALUE_REQUIRED';
        break;
      case 'invalid_value':
        code = 'IMPORT_VALUE_NOT_ALLOWED';
        params = { field: fieldName, allowed: issue.values.map(String).join(', ') };
        break;
      case 'too_big':
        if (issue.origin === 'string') {
          code = 'IMPORT_VALUE_TOO_LONG';
          params = { field: fieldName, max: Number(issue.maximum) };
        } else {
          code = 'IMPORT_VALUE_OUT_OF_RANGE';
          params = { field: fieldName, range: `≤ ${String(issue.maximum)}` };
        }
        break;
      case 'too_small':
        if (issue.origin === 'string') code = 'IMPORT_VALUE_REQUIRED';
        else {
          code = 'IMPORT_VALUE_OUT_OF_RANGE';
          params = { field: fieldName, range: `≥ ${String(issue.minimum)}` };
        }
        break;
      case 'invalid_format':
        code = 'IMPORT_VALUE_FORMAT';
        params = { field: fieldName, format: issue.format === 'regex' ? issue.message : issue.format };
        break;
      case 'custom': {
        const custom = issue.params as Record<string, string | number> | undefined;
        if (custom && isErrorCode(custom.code)) {
          code = custom.code;
          params = { ...custom, field: fieldName };
        }
        break;
      }
      default:
        break;
    }
    out.push({ ...base, code, params });
  }
  return out;
}

/** The message of a row error in both languages. */
export function rowErrorMessages(e: Pick<ImportRowError, 'code' | 'params' | 'line'>): { es: string; en: string } {
  const entry = ERROR_CATALOG[e.code];
  const params: Record<string, string | number> = { line: e.line, ...e.params };
  const fill = (text: string): string => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
  return { es: fill(entry.es), en: fill(entry.en) };
}
