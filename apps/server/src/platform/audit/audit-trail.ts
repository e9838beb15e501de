import { stateHash } from '@enlace/audit-chain';
import { sqlTextArray } from '../db/sql-literal.ts';
import type { AuditActor } from '../auth/actor.ts';

interface Pending {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string | null;
  stateHash: string | null;
}

/**
 * Collects the audit entries of one write. They are appended to the chain last, in the same transaction as
 * the write (`auditAppendStatement`), so the chain lock is held only until commit.
 */
export class AuditTrail {
  private readonly pending: Pending[] = [];

  constructor(readonly actor: AuditActor) {}

  /** Records a change; `state` is the record's new state (hashed, not stored), or null for a deletion. */
  record(action: string, entityType: string, entityId: string | null, state: unknown = null): void {
    // Checked here, inside the write, so that a bad value fails this write alone and not the batch it commits with.
    for (const v of [this.actor.id, this.actor.name, this.actor.agency, action, entityType, entityId]) {
      if (v?.includes('\u0000')) throw new Error('an audit entry cannot hold a NUL character');
    }
    this.pending.push({
      actor: this.actor,
      action,
      entityType,
      entityId,
      stateHash: state === null ? null : stateHash(state),
    });
  }

  get entries(): readonly Pending[] {
    return this.pending;
  }
}

/**
 * The statement that appends the entries of several trails to the chain, in order, or null when there are none.
 * It is a transaction's last statement (`TransactionOptions.finish`): on PostgreSQL it travels with the COMMIT,
 * so the chain lock it takes is held only inside the server until the commit.
 */
export function auditAppendStatement(trails: readonly AuditTrail[]): string | null {
  const all = trails.flatMap((t) => t.entries);
  if (all.length === 0) return null;
  const columns = [
    all.map((e) => e.actor.id),
    all.map((e) => e.actor.name),
    all.map((e) => e.actor.agency),
    all.map((e) => e.action),
    all.map((e) => e.entityType),
    all.map((e) => e.entityId),
    all.map((e) => e.stateHash),
  ];
  return `SELECT count(*) FROM enlace_audit_append(${columns.map(sqlTextArray).join(', ')})`;
}
