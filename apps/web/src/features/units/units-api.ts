import { z } from 'zod';
import { ZUnit, type TAgencyCode, type TForce, type TUnit, type TUnitCreate } from '@enlace/contracts';
import { apiRequest } from '../../app/api.ts';

const ZUnitPage = z.object({ items: z.array(ZUnit), total: z.number().int() });
/** One page of units and the total matching the filter. */
export type TUnitPage = z.infer<typeof ZUnitPage>;

/** Filter and paging for the units list. */
export interface UnitListFilter {
  force?: TForce | undefined;
  agency?: TAgencyCode | undefined;
  /** Words of the name or short name (case and accents ignored). */
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** `GET /units`: a page of units the user may see. */
export function listUnits(filter: UnitListFilter, signal?: AbortSignal): Promise<TUnitPage> {
  return apiRequest('/units', ZUnitPage, { query: { ...filter }, signal });
}

/** `GET /units/:id`. */
export function getUnit(id: string, signal?: AbortSignal): Promise<TUnit> {
  return apiRequest(`/units/${encodeURIComponent(id)}`, ZUnit, { signal });
}

/** `POST /units`: registers a unit; answers the stored unit. */
export function createUnit(draft: TUnitCreate): Promise<TUnit> {
  return apiRequest('/units', ZUnit, { method: 'POST', body: draft });
}
