import type { ResourceLabel } from '@enlace/access';
import type { TImportMapping, TImportRun, TImportStatus } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys, labelPredicate } from '../../platform/db/label-filter.ts';
import type { ErrorCode } from '../../platform/errors/messages.ts';
import type { ImportRowError } from '../../platform/import/import-engine.ts';

interface RunRow {
  id: string;
  kind: string;
  file_name: string;
  sha256: string | null;
  size_bytes: number | null;
  encoding: TImportRun['encoding'];
  delimiter: TImportRun['delimiter'];
  mapping: TImportMapping;
  options: Record<string, unknown>;
  headers: string[];
  status: TImportStatus;
  rows_total: number;
  rows_created: number;
  rows_updated: number;
  rows_unchanged: number;
  error_count: number;
  created_by: string | null;
  created_by_name: string;
  agency: TImportRun['agency'];
  classification: string;
  created_at: Date;
  updated_at: Date;
  validated_at: Date | null;
  applied_at: Date | null;
}

/** A stored run, without live progress; `agency`/`classification` label it for authorize(). */
export type StoredRun = Omit<TImportRun, 'progress'> & ResourceLabel & { createdById: string | null };

const toRun = (r: RunRow): StoredRun => ({
  id: r.id,
  kind: r.kind,
  fileName: r.file_name,
  sha256: r.sha256,
  sizeBytes: r.size_bytes,
  encoding: r.encoding,
  delimiter: r.delimiter,
  mapping: r.mapping,
  options: r.options,
  headers: r.headers,
  status: r.status,
  counts: {
    rows: r.rows_total,
    created: r.rows_created,
    updated: r.rows_updated,
    unchanged: r.rows_unchanged,
    errors: r.error_count,
  },
  agency: r.agency as ResourceLabel['agency'],
  classification: r.classification as ResourceLabel['classification'],
  createdBy: r.created_by_name,
  createdById: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  validatedAt: r.validated_at?.toISOString() ?? null,
  appliedAt: r.applied_at?.toISOString() ?? null,
});

export interface NewRun {
  kind: string;
  fileName: string;
  encoding: TImportRun['encoding'];
  delimiter: TImportRun['delimiter'];
  mapping: TImportMapping;
  options: Record<string, unknown>;
  createdBy: string;
  createdByName: string;
  agency: string;
}

export async function insertRun(db: Queryable, r: NewRun): Promise<StoredRun> {
  const res = await db.query<RunRow>(
    `INSERT INTO import_run (kind, file_name, encoding, delimiter, mapping, options, created_by, created_by_name, agency)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9) RETURNING *`,
    [r.kind, r.fileName, r.encoding, r.delimiter, JSON.stringify(r.mapping), JSON.stringify(r.options), r.createdBy, r.createdByName, r.agency],
  );
  return toRun(res.rows[0]!);
}

export async function findRun(db: Queryable, id: string): Promise<StoredRun | null> {
  const r = await db.query<RunRow>('SELECT * FROM import_run WHERE id = $1', [id]);
  return r.rows[0] ? toRun(r.rows[0]) : null;
}

/**
 * Moves a run to a busy status if it is in one of `from`; returns false when another request got there first
 * (so that a run is never validated or applied twice at once).
 */
export async function claimRun(db: Queryable, id: string, from: readonly TImportStatus[], to: TImportStatus): Promise<boolean> {
  const r = await db.query('UPDATE import_run SET status = $2, updated_at = now() WHERE id = $1 AND status = ANY($3::text[]) RETURNING id', [
    id,
    to,
    from,
  ]);
  return r.rowCount > 0;
}

export async function setRunStatus(db: Queryable, id: string, status: TImportStatus): Promise<void> {
  await db.query('UPDATE import_run SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
}

export async function saveReceivedFile(db: Queryable, id: string, f: { sha256: string; size: number }): Promise<void> {
  await db.query('UPDATE import_run SET sha256 = $2, size_bytes = $3, updated_at = now() WHERE id = $1', [id, f.sha256, f.size]);
}

export interface ReadSettings {
  mapping?: TImportMapping | undefined;
  options?: Record<string, unknown> | undefined;
  encoding?: TImportRun['encoding'] | undefined;
  delimiter?: TImportRun['delimiter'] | undefined;
}

export async function updateReadSettings(db: Queryable, id: string, s: ReadSettings): Promise<void> {
  await db.query(
    `UPDATE import_run SET mapping = coalesce($2::jsonb, mapping), options = coalesce($3::jsonb, options),
            encoding = coalesce($4, encoding), delimiter = coalesce($5, delimiter), updated_at = now() WHERE id = $1`,
    [
      id,
      s.mapping === undefined ? null : JSON.stringify(s.mapping),
      s.options === undefined ? null : JSON.stringify(s.options),
      s.encoding ?? null,
      s.delimiter ?? null,
    ],
  );
}

/** Stores a validation's outcome: status, header, effective mapping, counts and the error report (replaced). */
export async function saveValidation(
  db: Queryable,
  id: string,
  v: { status: TImportStatus; headers: string[]; mapping: TImportMapping; rows: number; errorCount: number; errors: readonly ImportRowError[] },
): Promise<StoredRun> {
  await replaceErrors(db, id, v.errors);
  const r = await db.query<RunRow>(
    `UPDATE import_run SET status = $2, headers = $3::jsonb, mapping = $4::jsonb, rows_total = $5, error_count = $6,
            validated_at = now(), updated_at = now() WHERE id = $1 RETURNING *`,
    [id, v.status, JSON.stringify(v.headers), JSON.stringify(v.mapping), v.rows, v.errorCount],
  );
  return toRun(r.rows[0]!);
}

/** Marks a run applied with its counts (inside the apply transaction). */
export async function saveApplied(
  db: Queryable,
  id: string,
  c: { rows: number; created: number; updated: number; unchanged: number },
): Promise<StoredRun> {
  await replaceErrors(db, id, []);
  const r = await db.query<RunRow>(
    `UPDATE import_run SET status = 'applied', rows_total = $2, rows_created = $3, rows_updated = $4, rows_unchanged = $5,
            error_count = 0, applied_at = now(), updated_at = now() WHERE id = $1 RETURNING *`,
    [id, c.rows, c.created, c.updated, c.unchanged],
  );
  return toRun(r.rows[0]!);
}

const ERROR_CHUNK = 500;

async function replaceErrors(db: Queryable, id: string, errors: readonly ImportRowError[]): Promise<void> {
  await db.query('DELETE FROM import_run_error WHERE run_id = $1', [id]);
  for (let start = 0; start < errors.length; start += ERROR_CHUNK) {
    const chunk = errors.slice(start, start + ERROR_CHUNK);
    await db.query(
      `INSERT INTO import_run_error (run_id, seq, line, column_name, field, code, params)
       SELECT $1, t.seq, t.line, t.col, t.field, t.code, t.params::jsonb
         FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(seq, line, col, field, code, params)`,
      [
        id,
        chunk.map((_, i) => start + i + 1),
        chunk.map((e) => e.line),
        chunk.map((e) => e.column),
        chunk.map((e) => e.field),
        chunk.map((e) => e.code),
        chunk.map((e) => JSON.stringify(e.params)),
      ],
    );
  }
}

export async function listRunErrors(
  db: Queryable,
  id: string,
  page: { limit: number; offset: number },
): Promise<{ items: ImportRowError[]; total: number }> {
  const total = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_run_error WHERE run_id = $1', [id]);
  const r = await db.query<{ line: number; column_name: string | null; field: string | null; code: string; params: Record<string, string | number> }>(
    'SELECT line, column_name, field, code, params FROM import_run_error WHERE run_id = $1 ORDER BY seq LIMIT $2 OFFSET $3',
    [id, page.limit, page.offset],
  );
  return {
    items: r.rows.map((e) => ({ line: e.line, column: e.column_name, field: e.field, code: e.code as ErrorCode, params: e.params })),
    total: total.rows[0]?.n ?? 0,
  };
}

export async function listRuns(
  db: Queryable,
  f: { labels: readonly ResourceLabel[]; kind?: string | undefined; limit: number; offset: number },
): Promise<{ items: StoredRun[]; total: number }> {
  const params: unknown[] = [labelKeys(f.labels)];
  const where = [labelPredicate(1)];
  if (f.kind) where.push(`kind = $${params.push(f.kind)}`);
  const clause = where.join(' AND ');
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_run WHERE ${clause}`, params);
  const rows = await db.query<RunRow>(
    `SELECT * FROM import_run WHERE ${clause} ORDER BY created_at DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { items: rows.rows.map(toRun), total: total.rows[0]?.n ?? 0 };
}
