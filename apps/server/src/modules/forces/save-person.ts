import type { TPerson, TPersonCreate, TPersonUpdate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, canRead, limaToday, personalVisible, presentPerson } from './forces-access.ts';
import type { PersonRecord, PersonValues, UnitLabel } from './forces.repository.ts';
import { findPerson, findPersonByDocument, findUnitLabel, insertPerson, updatePersonRow } from './forces.repository.ts';

/** The unit a member belongs to: it must exist and be readable, else the reference is unknown. */
async function rosterUnit(tx: Queryable, actor: Actor, unitId: string): Promise<UnitLabel> {
  const unit = await findUnitLabel(tx, unitId);
  if (!unit || !canRead(actor, 'unit:read', unit)) throw new AppError('REFERENCE_NOT_FOUND', { field: 'unitId' });
  return unit;
}

/** The audited state of a member: never the personal data itself (only its hash goes to the chain). */
const auditState = (p: PersonRecord): unknown => p;

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
  audit.record('create', 'person', person.id, auditState(person));
  return presentPerson(actor, person);
}

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
  audit.record('update', 'person', id, auditState(person));
  return presentPerson(actor, person);
}

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
