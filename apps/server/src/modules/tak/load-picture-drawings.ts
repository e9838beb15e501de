import type { TCopDrawing, TTrack } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { copRuntime } from '../cop/cop-runtime.ts';
import { loadLegalAreas } from '../cop/load-legal-areas.ts';
import { loadTaskAreas } from '../cop/load-task-areas.ts';
import { incidentDrawing, unitDrawing, unitPlace } from '../cop/picture-drawings.ts';
import { listPictureIncidents } from '../incidents/list-picture-incidents.ts';
import { listPictureUnits } from '../units/list-picture-units.ts';
import { geofenceDrawing } from './cot-relay.ts';

/** What the picture sends to phones, and how much of it. */
export interface PictureOptions {
  /** Incidents that occurred within this many hours. */
  incidentHours: number;
  maxIncidents: number;
  maxUnits: number;
}

export const DEFAULT_PICTURE_OPTIONS: PictureOptions = { incidentHours: 24, maxIncidents: 500, maxUnits: 5000 };


/**
 * Everything the command post shows on the phones besides tracks, alerts and chat: units of both forces (where no
 * live track already shows them), incidents of the last hours (redacted), legal areas in force, lawful task areas
 * in force (stored evaluations that allowed a unit's task) and drawn task areas (active geofences), each labelled
 * for the per-client check.
 */
export async function loadPictureDrawings(ctx: AppContext, now = Date.now(), o: PictureOptions = DEFAULT_PICTURE_OPTIONS): Promise<TCopDrawing[]> {
  const rt = copRuntime(ctx);
  await rt.loaded();
  const [units, incidents, legal, tasks, fences] = await Promise.all([
    listPictureUnits(ctx, { limit: o.maxUnits }),
    listPictureIncidents(ctx, { since: new Date(now - o.incidentHours * 3_600_000).toISOString(), limit: o.maxIncidents }),
    loadLegalAreas(ctx, now),
    loadTaskAreas(ctx, now),
    rt.activeGeofences(),
  ]);
  const tracksOfUnit = new Map<string, TTrack[]>();
  for (const t of rt.tracks.values()) {
    if (t.unitId === null) continue;
    const list = tracksOfUnit.get(t.unitId);
    if (list) list.push(t);
    else tracksOfUnit.set(t.unitId, [t]);
  }
  const drawings: TCopDrawing[] = [];
  for (const u of units) {
    const place = unitPlace(u, tracksOfUnit.get(u.id) ?? [], now);
    if (place) drawings.push(unitDrawing(u, place));
  }
  for (const i of incidents) drawings.push(incidentDrawing(i));
  drawings.push(...legal, ...tasks);
  for (const g of fences) drawings.push(geofenceDrawing(g));
  return drawings;
}
