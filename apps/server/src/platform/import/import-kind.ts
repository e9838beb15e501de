import type { Permission } from '@enlace/access';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { AuditTrail } from '../audit/audit-trail.ts';
import type { Queryable } from '../db/db.ts';
import type { ErrorCode } from '../errors/messages.ts';

/**
 * # Bulk import: what one kind of record must provide
 *
 * The engine (`import-engine.ts`) streams a CSV file (never loaded whole), maps its columns to the kind's
 * fields, validates EVERY row first (zod schema, then `check` against the database in batches) and reports
 * each bad row with its line, column and a stable code with es/en message. Only a file without errors can
 * be applied; applying re-reads the file and calls `check` and `apply` batch after batch inside ONE
 * transaction (`runAudited`): all rows are written or none. Re-importing the same file must create no
 * duplicates: `apply` upserts by the natural key.
 *
 * A kind is plain data plus three functions. To add one (e.g. incidents, issue 6):
 * 1. write `modules/<your-context>/<noun>.import.ts` exporting `const xImport: ImportKind<Row, Options>`;
 * 2. add it to `IMPORT_KINDS` in `modules/imports/import-kinds.ts` (one line);
 * 3. add the row error codes it uses to your area's error catalogue (`platform/errors/catalog/<area>.ts`),
 *    each with `status: 422` and es/en messages whose `{placeholders}` are the params you pass.
 *
 * Example (sketch):
 * ```ts
 * export const personnelImport: ImportKind<PersonRow> = {
 *   name: 'personnel',
 *   title: { es: 'Personal', en: 'Personnel' },
 *   permission: 'personnel:write',
 *   fields: [{ name: 'documentNumber', required: true, label: { es: 'N.º de documento', en: 'Document number' }, aliases: ['dni'] }, ...],
 *   schema: z.object({ documentNumber: z.string().regex(/^\d{8}$/), ... }),
 *   naturalKey: (r) => `${r.documentType}:${r.documentNumber}`,
 *   check: async (db, rows, ctx) => [...issues for unknown or unwritable units...],
 *   apply: async (tx, audit, rows, ctx) => { ...INSERT ... ON CONFLICT (natural key) DO UPDATE...; return { created, updated, unchanged } },
 * };
 * ```
 */
export interface ImportKind<Row = unknown, Options = unknown> {
  /** Stable name used in URLs, the CLI (`enlace import <name> FILE`) and `import_run.kind`: lower case, no spaces. */
  readonly name: string;
  /** Shown in the web's kind chooser. */
  readonly title: Localized;
  /** One sentence telling the user what a row is and what re-importing does. */
  readonly description: Localized;
  /**
   * The permission a caller must hold to import this kind at all (checked before any row is read). Row-level
   * checks (e.g. "each row's unit must be one the caller may write") belong in `check`.
   */
  readonly permission: Permission;
  /**
   * The tables `apply` writes. After a large import they are analysed (`ANALYZE`), so that the planner's
   * statistics know the new rows at once instead of at the next autovacuum: a query planned on the empty-table
   * statistics can take seconds where it should take milliseconds (a 1,000-member unit's records: 2.8 s before,
   * 54 ms after, measured in docs/benchmarks.md).
   */
  readonly tables: readonly string[];
  /** The target fields, in the order the mapping screen shows them. */
  readonly fields: readonly ImportField[];
  /**
   * Validates one mapped row. Its input has one key per field: the trimmed cell text, or `undefined` when
   * the cell is empty or the field is not mapped and has no default. Coerce numbers, dates and booleans here
   * (see `import-values.ts` for helpers). Issue paths must start with the field name, so that the engine
   * reports the right column.
   */
  readonly schema: z.ZodType<Row>;
  /**
   * Options of a run that apply to every row (e.g. the CRS of coordinates for incidents). Validated when a
   * run is created; `{}` when the kind has none.
   */
  readonly options?: z.ZodType<Options>;
  /**
   * The natural key of a valid row: two rows with the same key are the same record. A repeated key in one
   * file is reported as a row error; an existing record with that key is updated, not duplicated.
   */
  naturalKey(row: Row, ctx: ImportContext<Options>): string;
  /**
   * Database checks of a batch of rows that passed the schema (up to `IMPORT_BATCH_SIZE`, in file order):
   * references exist and are visible, the caller may write each row's target (use `authorize`; report an
   * unreadable target as not found so that its existence does not leak). Must not write. Called during
   * validation with the database, and again inside the apply transaction. Returns one issue per problem,
   * `index` being the row's position in `rows`.
   */
  check?(db: Queryable, rows: readonly ImportRow<Row>[], ctx: ImportContext<Options>): Promise<readonly ImportIssue[]>;
  /**
   * Writes a batch of checked rows inside the run's single transaction (upsert by natural key, so that a
   * re-import creates no duplicates), recording what it changed in `audit` (e.g. one entry per record, or
   * one per batch whose state is the batch's rows). Throwing rolls back the WHOLE run. `rows` is the very array
   * `check` received just before, on the same transaction, so a kind may reuse what `check` looked up (e.g. a
   * `WeakMap` keyed by the array).
   */
  apply(tx: Queryable, audit: AuditTrail, rows: readonly ImportRow<Row>[], ctx: ImportContext<Options>): Promise<ApplyCounts>;
}

/** Text in both languages of the product. */
export interface Localized {
  readonly es: string;
  readonly en: string;
}

/** One target field of a kind. */
export interface ImportField {
  /** The key in the row given to `schema` (camelCase, e.g. `documentNumber`). */
  readonly name: string;
  /** A required field must be mapped to a column or given a default before a run can be validated. */
  readonly required: boolean;
  readonly label: Localized;
  /** What the value looks like, shown beside the field (e.g. "DNI, 8 dígitos" / "DNI, 8 digits"). */
  readonly hint?: Localized;
  /**
   * Header names that map to this field automatically (compared without case, accents, spaces, `_` or `-`),
   * besides the field's own name.
   */
  readonly aliases?: readonly string[];
}

/** A mapped row as given to a kind's schema: field name → trimmed cell text (undefined when empty). */
export type ImportRowInput = Record<string, string | undefined>;

/** A row that passed the schema, with where it came from. */
export interface ImportRow<Row> {
  /** 1-based physical line of the file where the record starts (the header is line 1). */
  readonly line: number;
  readonly value: Row;
  /** `naturalKey(value)`. */
  readonly key: string;
}

/** A problem found in one row by a kind's `check`. */
export interface ImportIssue {
  /** Position of the row in the batch given to `check`. */
  readonly index: number;
  /** The field at fault (reported with the source column mapped to it), or null for the row as a whole. */
  readonly field: string | null;
  /** A code of the error catalogue; its es/en messages are filled with `params`. */
  readonly code: ErrorCode;
  readonly params?: Record<string, string | number>;
}

/** What `check` and `apply` know about the run. */
export interface ImportContext<Options = unknown> {
  readonly runId: string;
  /** Who imports: row-level authorization decisions use this subject. */
  readonly actor: Actor;
  readonly options: Options;
  readonly fileName: string;
  /** SHA-256 of the file, hex: record it in audit states so that the chain proves what was imported. */
  readonly sha256: string;
}

/** What one `apply` call did. */
export interface ApplyCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Rows handed to `check` and `apply` at a time. */
export const IMPORT_BATCH_SIZE = 500;

/** Type-erased kind, for registries that hold kinds of several row types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyImportKind = ImportKind<any, any>;
