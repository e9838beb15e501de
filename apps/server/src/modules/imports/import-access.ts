import { authorize } from '@enlace/access';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { AnyImportKind } from '../../platform/import/import-kind.ts';
import { IMPORT_KINDS } from './import-kinds.ts';
import type { StoredRun } from './imports.repository.ts';

/** The kind of that name, or a 422 naming it. */
export function kindNamed(name: string): AnyImportKind {
  const kind = IMPORT_KINDS.find((k) => k.name === name);
  if (!kind) throw new AppError('IMPORT_KIND_UNKNOWN', { kind: name.slice(0, 50) });
  return kind;
}

/** True when the actor's role may import this kind at all (its rows are checked one by one later). */
export function mayImport(actor: Actor, kind: AnyImportKind): boolean {
  return authorize(actor, kind.permission).allow;
}

export function assertMayImport(actor: Actor, kind: AnyImportKind): void {
  const decision = authorize(actor, kind.permission);
  if (!decision.allow) throw new AppError('FORBIDDEN', {}, { reason: decision.reason, permission: kind.permission });
}

/**
 * Who may see a run: members of its agency whose role may import its kind (up to their clearance), and those
 * who may read the audit trail of that agency (commanders, legal officers, oversight bodies).
 */
export function mayReadRun(actor: Actor, run: StoredRun): boolean {
  const kind = IMPORT_KINDS.find((k) => k.name === run.kind);
  if (kind && authorize(actor, kind.permission, run).allow) return true;
  return authorize(actor, 'audit:read', run).allow;
}

/** A run the actor may not read is not found; one it may read but not change is forbidden. */
export function assertRunReadable(actor: Actor, run: StoredRun | null): asserts run is StoredRun {
  if (!run || !mayReadRun(actor, run)) throw new AppError('NOT_FOUND');
}

export function assertRunWritable(actor: Actor, run: StoredRun | null): asserts run is StoredRun {
  assertRunReadable(actor, run);
  const kind = kindNamed(run.kind);
  const decision = authorize(actor, kind.permission, run);
  if (!decision.allow) throw new AppError('FORBIDDEN', {}, { reason: decision.reason });
}
