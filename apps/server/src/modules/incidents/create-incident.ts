import type { TIncident, TIncidentCreate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { assertIncidentAccess, codeSystemOf, normalizeLocalCode } from './incident-access.ts';
import { findIncident, findIncidentBySourceRef, mapLocalCodes, upsertIncidents } from './incidents.repository.ts';
import { toUtm } from './projection.ts';
import { randomUUID } from 'node:crypto';

/**
 * Records an incident: the crime type given or mapped from the source's local code, the point projected to its UTM
 * zone and placed in its district (point-in-polygon). A retry with the same (source, sourceRef) returns the stored
 * incident instead of a duplicate.
 */
export async function createIncident(tx: Queryable, audit: AuditTrail, actor: Actor, draft: TIncidentCreate): Promise<TIncident> {
  const label = { agency: draft.agency ?? actor.agency, classification: draft.classification };
  assertIncidentAccess(actor, 'incident:write', label, { existing: false });
  if (draft.occurredAt && Date.parse(draft.occurredAt) > Date.now() + 5 * 60_000) {
    throw new AppError('INCIDENT_FUTURE_TIME', { value: draft.occurredAt });
  }
  const localCode = draft.localCode ? normalizeLocalCode(draft.localCode) : null;
  let crimeType: string | undefined = draft.crimeType;
  const system = localCode ? codeSystemOf(draft.source, draft.codeSystem) : null;
  if (!crimeType && localCode && system) {
    crimeType = (await mapLocalCodes(tx, system, [localCode])).get(localCode);
    if (!crimeType) throw new AppError('INCIDENT_UNKNOWN_LOCAL_CODE', { code: localCode, system });
  }
  const sourceRef = draft.sourceRef ?? randomUUID();
  if (draft.sourceRef) {
    const existing = await findIncidentBySourceRef(tx, draft.source, sourceRef);
    if (existing) {
      if (existing.agency !== label.agency) throw new AppError('INCIDENT_DUPLICATE_SOURCE_REF', { source: draft.source, sourceRef });
      assertIncidentAccess(actor, 'incident:read', existing);
    }
  }
  const utm = toUtm(draft.location.lon, draft.location.lat);
  const r = await upsertIncidents(tx, [
    {
      source: draft.source,
      sourceRef,
      crimeType: crimeType!,
      localCode,
      codeSystem: system,
      occurredAt: draft.occurredAt,
      lon: draft.location.lon,
      lat: draft.location.lat,
      utmEpsg: utm.epsg,
      x: utm.x,
      y: utm.y,
      address: draft.address ?? null,
      description: draft.description ?? null,
      importRunId: null,
      agency: label.agency,
      classification: draft.classification,
      exercise: draft.exercise,
      createdBy: actor.username,
    },
  ]);
  const incident = r.ids[0] ? await findIncident(tx, r.ids[0]) : await findIncidentBySourceRef(tx, draft.source, sourceRef);
  if (!incident) throw new AppError('NOT_FOUND');
  if (r.created + r.updated > 0) audit.record(r.created ? 'create' : 'update', 'incident', incident.id, incident);
  return incident;
}
