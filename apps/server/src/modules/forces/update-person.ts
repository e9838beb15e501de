import type { TPerson, TPersonUpdate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, limaToday, personalVisible, presentPerson } from './forces-access.ts';
import type { PersonValues } from './forces.repository.ts';
import { findPerson, updatePersonRow } from './forces.repository.ts';
import { personAuditState, rosterUnit } from './roster-unit.ts';

/**
 * Changes a member. Moving to another unit stays within the member's agency (lending to another force is a
 * secondment). Personal fields can only be changed by a role that may see them.
 */
export async function updatePerson(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  id: string,
  changes: TPersonUpdate,
): Promise<TPerson> {
  const today = limaToday();
  const before = await findPerson(tx, id, today);
  if (!before) throw notFound();
  assertRecordAccess(actor, 'personnel:write', before, { readPermission: 'personnel:read' });
  const touchesPersonal = changes.birthDate !== undefined || changes.phone !== undefined || changes.email !== undefined;
  if (touchesPersonal && !personalVisible(actor, before)) throw new AppError('FORBIDDEN', {}, { reason: 'PERSONAL_DATA' });
  let agency = before.agency;
  if (changes.unitId && changes.unitId !== before.unitId) {
    const unit = await rosterUnit(tx, actor, changes.unitId);
    if (unit.agency !== before.agency) throw new AppError('PERSON_AGENCY_MISMATCH', { agency: before.agency });
    agency = unit.agency;
  }
  const values: PersonValues = {
    unitId: changes.unitId ?? before.unitId,
    givenNames: changes.givenNames ?? before.givenNames,
    familyNames: changes.familyNames ?? before.familyNames,
    rank: changes.rank ?? before.rank,
    specialty: changes.specialty === undefined ? before.specialty : changes.specialty,
    status: changes.status ?? before.status,
    designatedLethal: changes.designatedLethal ?? before.designatedLethal,
    documentType: before.documentType,
    documentNumber: before.personal.documentNumber,
    birthDate: changes.birthDate === undefined ? before.personal.birthDate : changes.birthDate,
    phone: changes.phone === undefined ? before.personal.phone : changes.phone,
    email: changes.email === undefined ? before.personal.email : changes.email,
    agency,
    classification: changes.classification ?? before.classification,
    exercise: before.exercise,
  };
  assertRecordAccess(actor, 'personnel:write', values, { existing: false });
  const person = await updatePersonRow(tx, id, values, today);
  if (!person) throw notFound();
  audit.record('update', 'person', id, personAuditState(person));
  return presentPerson(actor, person);
}
