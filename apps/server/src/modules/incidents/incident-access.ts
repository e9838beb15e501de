import { authorize } from '@enlace/access';
import type { Permission, ResourceLabel } from '@enlace/access';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';

/**
 * Refuses an operation on an incident the actor may not see or change. An existing incident the actor may not
 * read is reported as not found, so its existence does not leak; a new one is refused with the reason.
 */
export function assertIncidentAccess(
  actor: Actor,
  permission: Permission,
  label: ResourceLabel,
  { existing = true }: { existing?: boolean } = {},
): void {
  const decision = authorize(actor, permission, label);
  if (decision.allow) return;
  if (existing && (permission === 'incident:read' || !authorize(actor, 'incident:read', label).allow)) throw new AppError('NOT_FOUND');
  if (decision.reason === 'CLEARANCE_TOO_LOW') throw new AppError('CLASSIFICATION_ABOVE_CLEARANCE', { clearance: actor.clearance });
  if (decision.reason === 'OTHER_AGENCY') throw new AppError('INCIDENT_OTHER_AGENCY', { agency: actor.agency });
  throw new AppError('FORBIDDEN', {}, { reason: decision.reason });
}

/** Classifications at or above this are audited when read (Ley 27806 exceptions). */
export const AUDITED_READ = new Set(['CONFIDENCIAL', 'RESERVADO', 'SECRETO']);

/**
 * The mapping table that reads a source's local crime codes: the one the caller names; otherwise the PNP's own
 * records use SIDPOL's codes (the PNP's crime statistics system), and any other source its own table.
 */
export function codeSystemOf(source: string, codeSystem?: string): string {
  return codeSystem ?? (source === 'PNP' ? 'SIDPOL' : source);
}

/** A source's local crime code as the mapping table stores it (shared with the web's mapping screen). */
export { normalizeLocalCode } from '@enlace/contracts';

/**
 * Who may change how local crime codes are classified: the mapping table is shared by every agency's records, and the
 * classification of crime statistics is the PNP's (SIDPOL): its commanders and analysts, and platform administrators.
 */
export function assertMayMapCrimeCodes(actor: Actor): void {
  const decision = authorize(actor, 'incident:mapping:write');
  if (!decision.allow) throw forbidden({ reason: decision.reason, permission: 'incident:mapping:write' });
  if (actor.role !== 'admin' && actor.agency !== 'PNP') throw new AppError('INCIDENT_MAPPING_PNP_ONLY', { agency: actor.agency });
}
