import { COP_SUBJECTS } from '@enlace/contracts';
import type { TGeofence, TGeofenceCreate, TGeofenceUpdate } from '@enlace/contracts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { AuditedOptions } from '../../platform/audit/run-audited.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertAreaGeometry } from '../legal/assert-area-geometry.ts';
import type { GeofenceValues } from './cop.repository.ts';
import { areaIsUsable, findGeofence, insertGeofence, markGeofenceDeleted, updateGeofenceRow } from './cop.repository.ts';
import { assertGeofenceAccess } from './geofence-access.ts';
import { instrumentArea } from './instrument-area.ts';
import type { CopActor } from './track-access.ts';

async function checkArea(tx: Queryable, geometry: TGeofence['geometry']): Promise<void> {
  try {
    assertAreaGeometry({ geometry }, 'geometry');
  } catch (err) {
    const summary = err instanceof AppError ? String(err.params.summary ?? '') : 'invalid';
    throw new AppError('GEOFENCE_INVALID', { summary });
  }
  if (!(await areaIsUsable(tx, geometry))) throw new AppError('GEOFENCE_INVALID', { summary: 'geometry: the area is empty' });
}

/** Draws a geofence owned by the actor's agency (or another it may write). */
async function insertNew(
  tx: Queryable,
  audit: AuditTrail,
  actor: CopActor,
  draft: TGeofenceCreate & { geometry: TGeofence['geometry'] },
): Promise<TGeofence> {
  const values: GeofenceValues = {
    name: draft.name,
    description: draft.description ?? null,
    geometry: draft.geometry,
    instrumentId: draft.instrumentId ?? null,
    trigger: draft.trigger,
    forces: draft.forces,
    unitIds: draft.unitIds,
    active: draft.active,
    agency: draft.agency ?? actor.agency,
    classification: draft.classification,
    exercise: draft.exercise,
  };
  assertGeofenceAccess(actor, 'geofence:write', values, { existing: false });
  await checkArea(tx, values.geometry);
  const g = await insertGeofence(tx, values);
  audit.record('create', 'geofence', g.id, g);
  return g;
}

/** Changes a geofence; its old and new labels must both be writable by the actor. */
async function change(
  tx: Queryable,
  audit: AuditTrail,
  actor: CopActor,
  id: string,
  changes: TGeofenceUpdate,
): Promise<TGeofence> {
  const before = await findGeofence(tx, id);
  if (!before) throw notFound();
  assertGeofenceAccess(actor, 'geofence:write', before);
  const values: GeofenceValues = {
    name: changes.name ?? before.name,
    description: changes.description === undefined ? before.description : changes.description,
    geometry: changes.geometry ?? before.geometry,
    trigger: changes.trigger ?? before.trigger,
    forces: changes.forces ?? before.forces,
    unitIds: changes.unitIds ?? before.unitIds,
    instrumentId: before.instrumentId,
    active: changes.active ?? before.active,
    agency: changes.agency ?? before.agency,
    classification: changes.classification ?? before.classification,
    exercise: changes.exercise ?? before.exercise,
  };
  assertGeofenceAccess(actor, 'geofence:write', values, { existing: false });
  if (changes.geometry) await checkArea(tx, values.geometry);
  const g = await updateGeofenceRow(tx, id, values);
  if (!g) throw notFound();
  audit.record('update', 'geofence', id, g);
  return g;
}

/** Deletes a geofence (kept in the database, marked deleted, for the record). */
async function remove(tx: Queryable, audit: AuditTrail, actor: CopActor, id: string): Promise<void> {
  const before = await findGeofence(tx, id);
  if (!before) throw notFound();
  assertGeofenceAccess(actor, 'geofence:write', before);
  if (!(await markGeofenceDeleted(tx, id))) throw notFound();
  audit.record('delete', 'geofence', id, null);
}

/**
 * Creates a geofence (audited), then tells every instance to reload its watch list. With `instrumentId` the area
 * is the legal instrument's (read through the legal module with the actor's access).
 */
export async function createGeofence(ctx: AppContext, actor: CopActor, draft: TGeofenceCreate, audited: AuditedOptions): Promise<TGeofence> {
  let geometry = draft.geometry;
  if (draft.instrumentId) geometry ??= (await instrumentArea(ctx, actor, draft.instrumentId)).geometry;
  if (!geometry) throw new AppError('GEOFENCE_INVALID', { summary: 'geometry: required unless instrumentId names a legal instrument' });
  const area = geometry;
  const { value } = await runAudited(audited, (tx, audit) => insertNew(tx, audit, actor, { ...draft, geometry: area }));
  await ctx.bus.publish(COP_SUBJECTS.geofence, { id: value.id });
  return value;
}

/** Changes a geofence (audited), then tells every instance to reload its watch list. */
export async function updateGeofence(
  ctx: AppContext,
  actor: CopActor,
  id: string,
  changes: TGeofenceUpdate,
  audited: AuditedOptions,
): Promise<TGeofence> {
  const { value } = await runAudited(audited, (tx, audit) => change(tx, audit, actor, id, changes));
  await ctx.bus.publish(COP_SUBJECTS.geofence, { id });
  return value;
}

/** Deletes a geofence (audited), then tells every instance to reload its watch list. */
export async function deleteGeofence(ctx: AppContext, actor: CopActor, id: string, audited: AuditedOptions): Promise<void> {
  await runAudited(audited, (tx, audit) => remove(tx, audit, actor, id));
  await ctx.bus.publish(COP_SUBJECTS.geofence, { id });
}
