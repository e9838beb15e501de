import type { TArea } from '@enlace/rules';
import { AppError } from '../../platform/errors/app-error.ts';

type Ring = readonly (readonly [number, number])[];

const ringProblem = (ring: Ring): string | null => {
  if (ring.length < 4) return 'a ring needs at least 4 positions';
  const [first, last] = [ring[0]!, ring[ring.length - 1]!];
  if (first[0] !== last[0] || first[1] !== last[1]) return 'a ring must end where it starts';
  if (ring.some(([lon, lat]) => Math.abs(lon) > 180 || Math.abs(lat) > 90)) return 'a position is outside longitude/latitude range';
  return null;
};

/**
 * Refuses a polygon PostGIS could not read (an open ring, too few positions, coordinates out of range) with a
 * validation error naming the field, instead of letting the database fail. Self-intersections are repaired in SQL.
 */
export function assertAreaGeometry(area: TArea | undefined, field: string): void {
  const geometry = area?.geometry;
  if (!geometry) return;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (polygons.length === 0 || polygons.some((p) => p.length === 0)) {
    throw new AppError('VALIDATION_FAILED', { summary: `${field}: a polygon needs at least one ring` });
  }
  for (const ring of polygons.flat()) {
    const problem = ringProblem(ring);
    if (problem) throw new AppError('VALIDATION_FAILED', { summary: `${field}: ${problem}` });
  }
}
