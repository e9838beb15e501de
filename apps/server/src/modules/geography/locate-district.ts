import type { TDistrictLocation } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { findDistrictAt } from './geography.repository.ts';

export interface LocateDistrictOptions {
  db: Queryable;
  /** Longitude, EPSG:4326. */
  lon: number;
  /** Latitude, EPSG:4326. */
  lat: number;
}

/**
 * The district holding a point, with its province and department; the IGN boundaries win in Lima and
 * Callao (more detailed, and they include Mi Perú, created after the INEI 2007 map). Null outside Peru,
 * at sea included.
 */
export async function locateDistrict({ db, lon, lat }: LocateDistrictOptions): Promise<TDistrictLocation | null> {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  return findDistrictAt(db, lon, lat);
}
