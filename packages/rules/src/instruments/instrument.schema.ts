import { ZAreaGeoJson, ZUbigeo } from '@enlace/contracts';
import { z } from 'zod';
import {
  RESTRICTABLE_RIGHTS,
  ZControlAuthority,
  ZInstrumentKind,
  ZLegalScenario,
  ZPnpCapacity,
  ZS4Ground,
} from '../codes.ts';
import { ZIsoDate } from '../dates.ts';

/**
 * An area: UBIGEO codes at any level (2-digit department, 4-digit province, 6-digit district) and/or a GeoJSON
 * Polygon or MultiPolygon in WGS84. When both are given the area is their union.
 */
export const ZArea = z.looseObject({
  ubigeo: z.array(ZUbigeo).optional(),
  geometry: ZAreaGeoJson.optional(),
});
export type TArea = z.infer<typeof ZArea>;

/** True when an area names at least one UBIGEO or carries a geometry. */
export const hasArea = (area: TArea | undefined): area is TArea =>
  area !== undefined && ((area.ubigeo?.length ?? 0) > 0 || area.geometry !== undefined);

/**
 * Oversight notices recorded on an instrument. The scenario format names them only as "oversight notices"; these
 * field names are Enlace's. The Congress notice belongs to each decree; the contacts and the reporting schedule are
 * inherited by an extension.
 */
export const ZOversight = z.looseObject({
  /** Day the decree was reported to Congress (Constitution art. 137). */
  congressNotifiedOn: ZIsoDate.optional(),
  /** Contact point at the Defensoría del Pueblo. */
  defensoriaContact: z.string().min(1).max(300).optional(),
  /** Contact point at the Ministerio Público. */
  ministerioPublicoContact: z.string().min(1).max(300).optional(),
  /** When and to whom the actions are reported (e.g. "weekly to MININTER; final report within 5 business days"). */
  reportingSchedule: z.string().min(1).max(1000).optional(),
});
export type TOversight = z.infer<typeof ZOversight>;

/**
 * A legal instrument as the registry and the scenario file hold it. One object for every kind: which fields each
 * kind requires is checked by `checkInstrument`, which gives coded reasons (es/en) instead of a bare schema error.
 * Restricted rights are free strings here for the same reason: a right outside the four is RIGHT_NOT_RESTRICTABLE.
 */
export const ZInstrument = z.looseObject({
  id: z.string().min(1).max(128),
  kind: ZInstrumentKind,
  /** Official number, e.g. "124-2025-PCM". */
  number: z.string().min(1).max(128).optional(),
  title: z.string().max(500).optional(),
  scenario: ZLegalScenario.optional(),
  /** S4 only: the ground of the supreme resolution. */
  ground: ZS4Ground.optional(),
  /** S4: the overwhelm condition of the PNP (required for OTRO_CONSTITUCIONALMENTE_JUSTIFICADO). */
  pnpCapacity: ZPnpCapacity.optional(),
  area: ZArea.optional(),
  /** First day in force (America/Lima). */
  validFrom: ZIsoDate,
  /** Last day in force, inclusive (America/Lima). */
  validTo: ZIsoDate,
  restrictedRights: z
    .array(z.string().min(1).max(64))
    .meta({ description: `Only ${RESTRICTABLE_RIGHTS.join(', ')} may be restricted (Constitution art. 137).` })
    .optional(),
  controlAuthority: ZControlAuthority.optional(),
  /** The PNP coordinating authority named by the instrument (e.g. the CCO chaired by the PNP Commander-General). */
  pnpCoordinatingAuthority: z.string().min(1).max(300).optional(),
  /** The decree this one extends (prórroga); null or absent for an original instrument. */
  extends: z.string().min(1).max(128).nullable().optional(),
  /** RUF, directives and CCO plans: the basis instruments they apply to (and to those instruments' extensions). */
  appliesTo: z.array(z.string().min(1).max(128)).optional(),
  oversight: ZOversight.optional(),
  sourceUrl: z.url().optional(),
});
export type TInstrument = z.infer<typeof ZInstrument>;
