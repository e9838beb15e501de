import type { TAreaGeoJson } from '@enlace/contracts';

type Ring = readonly (readonly [number, number])[];

/** Ray casting: whether (lon, lat) is inside a closed ring (points on the edge count as inside or not, arbitrarily). */
function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether a point is inside a GeoJSON Polygon or MultiPolygon (outer ring minus holes), in plain planar
 * longitude/latitude: exact enough for city-scale areas and fast enough to run on every position report.
 * Pure; the database keeps the same area in PostGIS for spatial queries.
 */
export function pointInArea(lon: number, lat: number, area: TAreaGeoJson): boolean {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return polygons.some((rings) => {
    const [outer, ...holes] = rings;
    if (!outer || !inRing(lon, lat, outer)) return false;
    return !holes.some((h) => inRing(lon, lat, h));
  });
}
