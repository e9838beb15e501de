import type { TPerson, TPersonCreate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, limaToday, personalVisible, presentPerson } from './forces-access.ts';
import type { PersonValues } from './forces.repository.ts';
import { findPersonByDocument, insertPerson } from './forces.repository.ts';
import { personAuditState, rosterUnit } from './roster-unit.ts';

/**
 * Adds a member to a unit's roster. The member belongs to the unit's agency; the actor must be allowed to write
 * personnel of that agency (a PNP trainer cannot add to an Ejército roster). Reusable inside an import's transaction.
 */
export async function createPerson(tx: Queryable, audit: AuditTrail, actor: Actor, draft: TPersonCreate): Promise<TPerson> {
  const unit = await rosterUnit(tx, actor, draft.unitId);
  const values: PersonValues = {
    unitId: unit.id,
    givenNames: draft.givenNames,
    familyNames: draft.familyNames,
    rank: draft.rank,
    specialty: draft.specialty ?? null,
    status: draft.status,
    designatedLethal: draft.designatedLethal,
    documentType: draft.documentType,
    documentNumber: draft.documentNumber.toUpperCase(),
    birthDate: draft.birthDate ?? null,
    phone: draft.phone ?? null,
    email: draft.email ?? null,
    agency: unit.agency,
    classification: draft.classification,
    exercise: draft.exercise || unit.exercise,
  };
  assertRecordAccess(actor, 'personnel:write', values, { existing: false });
  const today = limaToday();
  if (await findPersonByDocument(tx, values.documentType, values.documentNumber, today)) {
    throw new AppError('PERSON_DOCUMENT_TAKEN', {
      documentType: values.documentType,
      documentNumber: personalVisible(actor, values) ? values.documentNumber : '***',
    });
  }
  const person = await insertPerson(tx, values, today);
  audit.record('create', 'person', person.id, personAuditState(person));
  return presentPerson(actor, person);
}
