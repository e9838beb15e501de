import { authorize } from '@enlace/access';
import type { Permission } from '@enlace/access';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import type { ErrorCode } from '../../../platform/errors/messages.ts';
import { unitsByRefs } from '../forces-import.repository.ts';
import type { UnitRef } from '../forces-import.repository.ts';

/** An identity document number as the person table accepts it (a DNI is further checked to have 8 digits). */
export const DOCUMENT_NUMBER = /^[A-Za-z0-9-]{5,20}$/;

export type UnitResolution = { ok: true; unit: UnitRef } | { ok: false; code: ErrorCode };

/**
 * Resolves the units rows name (by UUID or short name) for a writer: a unit the actor cannot read is "not
 * found" (its existence does not leak); one it reads but may not write with `permission` (another agency, above
 * its clearance) is refused. When a short name is used by several readable units, the actor's own agency's
 * unit wins; several of its own is ambiguous.
 */
export async function resolveUnits(
  db: Queryable,
  actor: Actor,
  permission: Permission,
  refs: readonly string[],
): Promise<Map<string, UnitResolution>> {
  const distinct = [...new Set(refs)];
  const found = await unitsByRefs(db, distinct);
  const out = new Map<string, UnitResolution>();
  for (const ref of distinct) {
    const readable = found.filter(
      (u) => (u.id === ref.toLowerCase() || u.shortName === ref) && authorize(actor, 'unit:read', u).allow,
    );
    const own = readable.filter((u) => u.agency === actor.agency);
    const pick = own.length > 0 ? own : readable;
    const [unit, ...others] = pick;
    if (unit === undefined) out.set(ref, { ok: false, code: 'IMPORT_UNIT_NOT_FOUND' });
    else if (others.length > 0) out.set(ref, { ok: false, code: 'IMPORT_UNIT_AMBIGUOUS' });
    else if (!authorize(actor, permission, unit).allow) out.set(ref, { ok: false, code: 'IMPORT_UNIT_FORBIDDEN' });
    else out.set(ref, { ok: true, unit });
  }
  return out;
}
