import type { TCrimeTypeMapping, TCrimeTypeMappingPut } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { assertMayMapCrimeCodes, normalizeLocalCode } from './incident-access.ts';
import { findMappingForUpdate, upsertMapping } from './incidents.repository.ts';

/** The audit entity id of a mapping row: its source system and local code. */
export const mappingEntityId = (m: { sourceSystem: string; localCode: string }): string => `${m.sourceSystem}/${m.localCode}`;

/**
 * Adds a row to the crime-type mapping table, or changes the crime type or note of the row with the same source
 * system and (normalised) local code. Sending the same row again changes nothing and records nothing. Records already
 * classified keep their type: a change applies to what is entered or imported from then on (a re-import reclassifies).
 */
export async function putCrimeTypeMapping(tx: Queryable, audit: AuditTrail, actor: Actor, draft: TCrimeTypeMappingPut): Promise<TCrimeTypeMapping> {
  assertMayMapCrimeCodes(actor);
  const wanted: TCrimeTypeMapping = {
    sourceSystem: draft.sourceSystem,
    localCode: normalizeLocalCode(draft.localCode),
    crimeType: draft.crimeType,
    note: draft.note === undefined || draft.note === '' ? null : draft.note,
  };
  const existing = await findMappingForUpdate(tx, wanted.sourceSystem, wanted.localCode);
  if (existing && existing.crimeType === wanted.crimeType && existing.note === wanted.note) return existing;
  const saved = await upsertMapping(tx, wanted);
  audit.record(existing ? 'update' : 'create', 'crime_type_mapping', mappingEntityId(saved), saved);
  return saved;
}
