import type { TAreaGeoJson } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getAreaGeometry } from '../geography/get-area-geometry.ts';
import { getInstrument } from '../legal/get-instrument.ts';
import type { CopActor } from './track-access.ts';

type Polygon = TAreaGeoJson extends infer G ? (G extends { type: 'Polygon'; coordinates: infer C } ? C : never) : never;

const polygonsOf = (g: TAreaGeoJson): Polygon[] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/**
 * The area of a legal instrument (its polygons and the boundaries of its UBIGEOs, about 50 m simplified) as one
 * MultiPolygon, read through the legal and geography use-cases with the actor's own access (an instrument it may
 * not read is not found). The area in which units tasked under it may lawfully act.
 */
export async function instrumentArea(ctx: AppContext, actor: CopActor, instrumentId: string): Promise<{ geometry: TAreaGeoJson; title: string }> {
  const asActor: Actor = { ...actor, displayName: actor.displayName ?? actor.username, language: 'es', sessionHash: '' };
  const instrument = await getInstrument({ ctx, actor: asActor, id: instrumentId });
  const polygons: Polygon[] = [];
  if (instrument.area?.geometry) polygons.push(...polygonsOf(instrument.area.geometry));
  for (const ubigeo of instrument.area?.ubigeo ?? []) {
    const area = await getAreaGeometry({ db: ctx.db, ubigeo, tolerance: 0.0005 });
    if (area?.geometry) polygons.push(...polygonsOf(area.geometry));
  }
  if (polygons.length === 0) throw new AppError('GEOFENCE_INVALID', { summary: `instrument ${instrumentId} has no area with a known boundary` });
  return { geometry: { type: 'MultiPolygon', coordinates: polygons }, title: instrument.title ?? instrument.id };
}
