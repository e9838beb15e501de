import { stateHash } from '@enlace/audit-chain';
import type { Queryable } from '../db/db.ts';
import type { AuditActor } from '../auth/actor.ts';

interface Pending {
  action: string;
  entityType: string;
  entityId: string | null;
  stateHash: string | null;
}

/**
 * Collects the audit entries of one transaction and appends them, last, in the same transaction
 * (`enlace_audit_append` takes the chain lock, so holding it only until commit keeps writers flowing).
 */
export class AuditTrail {
  private readonly pending: Pending[] = [];

  constructor(readonly actor: AuditActor) {}

  /** Records a change; `state` is the record's new state (hashed, not stored), or null for a deletion. */
  record(action: string, entityType: string, entityId: string | null, state: unknown = null): void {
    this.pending.push({ action, entityType, entityId, stateHash: state === null ? null : stateHash(state) });
  }

  get size(): number {
    return this.pending.length;
  }

  /** Appends every pending entry; returns the seq of the newest, or null when nothing was recorded. */
  async flush(tx: Queryable): Promise<number | null> {
    let last: number | null = null;
    // Group consecutive entries with the same action and entity type into one call.
    for (let i = 0; i < this.pending.length; ) {
      const first = this.pending[i]!;
      let j = i;
      while (
        j < this.pending.length &&
        this.pending[j]!.action === first.action &&
        this.pending[j]!.entityType === first.entityType
      )
        j++;
      const group = this.pending.slice(i, j);
      const r = await tx.query<{ out_seq: number }>(
        'SELECT out_seq FROM enlace_audit_append($1, $2, $3, $4, $5, $6::text[], $7::text[])',
        [
          this.actor.id,
          this.actor.name,
          this.actor.agency,
          first.action,
          first.entityType,
          group.map((p) => p.entityId),
          group.map((p) => p.stateHash),
        ],
      );
      last = r.rows.at(-1)?.out_seq ?? last;
      i = j;
    }
    this.pending.length = 0;
    return last;
  }
}
