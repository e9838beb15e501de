import type { TAreaGeometry, TAreaLevel } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { findAreaGeometry } from './geography.repository.ts';

export interface GetAreaGeometryOptions {
  db: Queryable;
  /** A UBIGEO of 2 (department), 4 (province) or 6 (district) digits. */
  ubigeo: string;
  /** Simplification tolerance in degrees (0.001 is about 110 m); 0 or omitted: the stored boundary. */
  tolerance?: number | undefined;
}

const LEVEL_BY_LENGTH: Record<number, TAreaLevel> = { 2: 'department', 4: 'province', 6: 'district' };

/**
 * The boundary of a department, province or district as GeoJSON (EPSG:4326), for drawing; in Lima and
 * Callao the IGN one. Null when the UBIGEO does not exist; `geometry` null for a district without boundary.
 */
export async function getAreaGeometry({ db, ubigeo, tolerance }: GetAreaGeometryOptions): Promise<TAreaGeometry | null> {
  const level = /^[0-9]+$/.test(ubigeo) ? LEVEL_BY_LENGTH[ubigeo.length] : undefined;
  if (!level) return null;
  return findAreaGeometry(db, level, ubigeo, Math.max(0, tolerance ?? 0));
}
