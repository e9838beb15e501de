import type { TCrimeTypeMappingKey } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { assertMayMapCrimeCodes, normalizeLocalCode } from './incident-access.ts';
import { countMappingUses, deleteMapping, findMappingForUpdate } from './incidents.repository.ts';
import { mappingEntityId } from './put-crime-type-mapping.ts';

/**
 * Removes a row of the crime-type mapping table that no record uses; one in use is refused with the count (removing
 * it would make a re-import of those records fail). Removing a row that is not there (a retry) changes nothing.
 */
export async function removeCrimeTypeMapping(tx: Queryable, audit: AuditTrail, actor: Actor, key: TCrimeTypeMappingKey): Promise<void> {
  assertMayMapCrimeCodes(actor);
  const existing = await findMappingForUpdate(tx, key.sourceSystem, normalizeLocalCode(key.localCode));
  if (!existing) return;
  const count = await countMappingUses(tx, existing);
  if (count > 0) throw new AppError('INCIDENT_MAPPING_IN_USE', { system: existing.sourceSystem, code: existing.localCode, count });
  await deleteMapping(tx, existing.sourceSystem, existing.localCode);
  audit.record('delete', 'crime_type_mapping', mappingEntityId(existing), null);
}
