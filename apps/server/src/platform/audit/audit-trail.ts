import { stateHash } from '@enlace/audit-chain';
import type { Queryable } from '../db/db.ts';
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
 * the write (`appendAuditEntries`), so the chain lock is held only until commit.
 */
export class AuditTrail {
  private readonly pending: Pending[] = [];

  constructor(readonly actor: AuditActor) {}

  /** Records a change; `state` is the record's new state (hashed, not stored), or null for a deletion. */
  record(action: string, entityType: string, entityId: string | null, state: unknown = null): void {
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

/** Appends the entries of several trails in one call, in order; returns the newest seq or null. */
export async function appendAuditEntries(tx: Queryable, trails: readonly AuditTrail[]): Promise<number | null> {
  const all = trails.flatMap((t) => t.entries);
  if (all.length === 0) return null;
  const r = await tx.query<{ out_seq: number }>(
    `SELECT out_seq FROM enlace_audit_append($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
    [
      all.map((e) => e.actor.id),
      all.map((e) => e.actor.name),
      all.map((e) => e.actor.agency),
      all.map((e) => e.action),
      all.map((e) => e.entityType),
      all.map((e) => e.entityId),
      all.map((e) => e.stateHash),
    ],
  );
  return r.rows.at(-1)?.out_seq ?? null;
}
