import { ZUbigeo } from '@enlace/contracts';
import { z } from 'zod';
import type { TArea } from '../instruments/instrument.schema.ts';

/**
 * Coverage of a polygon cannot be computed in the pure rules (it needs the district boundaries and a geometry
 * engine); the server computes it with PostGIS `ST_Covers` and passes the answer as hints, one per basis instrument
 * whose area may cover the request (the list is then taken as complete). Areas given only as UBIGEO codes on both
 * sides need no hint: a code covers every code it prefixes ("15" covers "1501" and "150101").
 */
export const ZCoverageHint = z.object({
  instrumentId: z.string().min(1),
  /** Whether the request's polygon lies entirely inside the instrument's area (ST_Covers(basis, request)). */
  coversGeometry: z.boolean().optional(),
  /** The request's UBIGEO codes whose whole territory lies inside the instrument's polygon. */
  coveredUbigeo: z.array(ZUbigeo).optional(),
});
export type TCoverageHint = z.infer<typeof ZCoverageHint>;

/** One part of a requested area: a UBIGEO code, or the request's polygon (named "geometry" in findings). */
export interface TAreaPart {
  readonly label: string;
  readonly ubigeo: string | null;
}

export type TPartCoverage = 'covered' | 'not_covered' | 'unknown';

/** The parts of a requested area, each judged separately so that the uncovered ones can be named. */
export function areaParts(area: TArea): TAreaPart[] {
  const parts: TAreaPart[] = [...new Set(area.ubigeo ?? [])].map((code) => ({ label: code, ubigeo: code }));
  if (area.geometry) parts.push({ label: 'geometry', ubigeo: null });
  return parts;
}

/** Whether an instrument's UBIGEO list covers a code: the code itself or a department/province above it. */
export const ubigeoCovers = (basisCodes: readonly string[], code: string): boolean =>
  basisCodes.some((b) => code.startsWith(b));

/**
 * Whether one part of the request lies inside an instrument's area. A polygon on either side is settled by the
 * instrument's hint; without one it is `unknown` (the evaluator then reports BASIS_AREA_UNVERIFIED rather than
 * guess), unless `hintsComplete`: the server sent hints for every instrument that may cover the request, so an
 * instrument without a hint does not.
 */
export function partCoverage(
  part: TAreaPart,
  basisArea: TArea | undefined,
  hint: TCoverageHint | undefined,
  hintsComplete = false,
): TPartCoverage {
  if (!basisArea) return 'not_covered';
  const basisCodes = basisArea.ubigeo ?? [];
  const settled = hint !== undefined || hintsComplete;
  if (part.ubigeo !== null) {
    if (ubigeoCovers(basisCodes, part.ubigeo)) return 'covered';
    if (hint?.coveredUbigeo?.includes(part.ubigeo)) return 'covered';
    if (!basisArea.geometry) return 'not_covered';
    return settled ? 'not_covered' : 'unknown';
  }
  if (hint?.coversGeometry !== undefined) return hint.coversGeometry ? 'covered' : 'not_covered';
  if (basisCodes.length === 0 && !basisArea.geometry) return 'not_covered';
  return settled ? 'not_covered' : 'unknown';
}
