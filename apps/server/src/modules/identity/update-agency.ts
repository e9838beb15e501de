import type { TAgency, TAgencyUpdate } from '@enlace/contracts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { updateAgency as updateAgencyRow } from './identity.repository.ts';

/** Renames or (de)activates an agency; its code never changes since records point to it. */
export async function updateAgency(tx: Queryable, audit: AuditTrail, code: string, changes: TAgencyUpdate): Promise<TAgency> {
  const agency = await updateAgencyRow(tx, code, changes);
  if (!agency) throw notFound();
  audit.record('update', 'agency', code, agency);
  return agency;
}
