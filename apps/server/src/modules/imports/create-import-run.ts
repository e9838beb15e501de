import type { TImportCreate, TImportRun } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { AnyImportKind } from '../../platform/import/import-kind.ts';
import { assertMayImport, kindNamed } from './import-access.ts';
import { insertRun } from './imports.repository.ts';
import { presentRun } from './present-run.ts';

/** The run's options checked against the kind's schema (a kind without options takes none). */
export function parseKindOptions(kind: AnyImportKind, options: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!kind.options) {
    if (options && Object.keys(options).length > 0) throw new AppError('IMPORT_OPTIONS_INVALID', { summary: Object.keys(options).join(', ') });
    return {};
  }
  const parsed = kind.options.safeParse(options ?? {});
  if (!parsed.success) {
    throw new AppError('IMPORT_OPTIONS_INVALID', { summary: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  }
  return parsed.data as Record<string, unknown>;
}

/** Refuses a mapping that names fields the kind does not have. */
export function assertMappingFields(kind: AnyImportKind, mapping: Record<string, unknown> | undefined): void {
  for (const field of Object.keys(mapping ?? {})) {
    if (!kind.fields.some((f) => f.name === field)) throw new AppError('IMPORT_FIELD_UNKNOWN', { field: field.slice(0, 100) });
  }
}

/** Step 1 of an import: records the run (kind, file name, mapping, options); the file is uploaded next. */
export async function createImportRun(tx: Queryable, audit: AuditTrail, actor: Actor, input: TImportCreate): Promise<TImportRun> {
  const kind = kindNamed(input.kind);
  assertMayImport(actor, kind);
  assertMappingFields(kind, input.mapping);
  const options = parseKindOptions(kind, input.options);
  const run = await insertRun(tx, {
    kind: kind.name,
    fileName: input.fileName,
    encoding: input.encoding,
    delimiter: input.delimiter,
    mapping: input.mapping ?? {},
    options,
    createdBy: actor.userId,
    createdByName: actor.username,
    agency: actor.agency,
  });
  audit.record('create', 'import_run', run.id, { kind: run.kind, fileName: run.fileName, mapping: run.mapping, options });
  return presentRun(run, null);
}
