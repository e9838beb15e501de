import type { TPerson, TPersonCreate, TPersonUpdate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { assertRecordAccess, limaToday, personalVisible, presentPerson } from './forces-access.ts';
import { findPersonByDocument } from './forces.repository.ts';
import { createPerson } from './create-person.ts';
import { updatePerson } from './update-person.ts';

/**
 * Creates or updates the member with the draft's identity document (the natural key), so that re-importing the same
 * file changes nothing and creates no duplicate. Returns whether a record was created or changed.
 */
export async function upsertPerson(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  draft: TPersonCreate,
): Promise<{ person: TPerson; outcome: 'created' | 'updated' | 'unchanged' }> {
  const existing = await findPersonByDocument(tx, draft.documentType, draft.documentNumber.toUpperCase(), limaToday());
  if (!existing) return { person: await createPerson(tx, audit, actor, draft), outcome: 'created' };
  const changes: TPersonUpdate = {
    unitId: draft.unitId,
    givenNames: draft.givenNames,
    familyNames: draft.familyNames,
    rank: draft.rank,
    specialty: draft.specialty ?? null,
    status: draft.status,
    designatedLethal: draft.designatedLethal,
    classification: draft.classification,
    ...(personalVisible(actor, existing)
      ? { birthDate: draft.birthDate ?? null, phone: draft.phone ?? null, email: draft.email ?? null }
      : {}),
  };
  const same =
    existing.unitId === changes.unitId &&
    existing.givenNames === changes.givenNames &&
    existing.familyNames === changes.familyNames &&
    existing.rank === changes.rank &&
    existing.specialty === changes.specialty &&
    existing.status === changes.status &&
    existing.designatedLethal === changes.designatedLethal &&
    existing.classification === changes.classification &&
    (changes.birthDate === undefined ||
      (existing.personal.birthDate === changes.birthDate &&
        existing.personal.phone === changes.phone &&
        existing.personal.email === changes.email));
  if (same) {
    assertRecordAccess(actor, 'personnel:write', existing, { readPermission: 'personnel:read' });
    return { person: presentPerson(actor, existing), outcome: 'unchanged' };
  }
  return { person: await updatePerson(tx, audit, actor, existing.id, changes), outcome: 'updated' };
}
