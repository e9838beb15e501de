import { z } from 'zod';
import { ZRecordLabels } from './common.ts';
import { ZAgencyCode, ZClassification, ZForce } from './enums.ts';
import { ZAorGeometry, ZAreaOfResponsibility } from './forces.ts';

export const ECHELONS = [
  'comando',
  'region',
  'division',
  'brigada',
  'batallon',
  'compania',
  'peloton',
  'comisaria',
  'unidad_especializada',
  'ala',
  'grupo',
  'escuadron',
  'frente_policial',
  'comando_operacional',
  'escuadra',
] as const;
export const ZEchelon = z.enum(ECHELONS);

const ZLon = z.number().min(-180).max(180);
const ZLat = z.number().min(-90).max(90);

/** A unit of either force, as every record: owning agency, classification, exercise flag. */
export const ZUnit = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string(),
  force: ZForce,
  echelon: ZEchelon,
  parentId: z.uuid().nullable(),
  homeUbigeo: z.string().nullable(),
  home: z.object({ lon: ZLon, lat: ZLat }).nullable(),
  /** Area of responsibility: UBIGEO codes and/or a polygon (see forces.ts). */
  area: z.object({ ubigeo: z.array(z.string()), geometry: ZAorGeometry.nullable() }).optional(),
  ...ZRecordLabels.shape,
});
export type TUnit = z.infer<typeof ZUnit>;

export const ZUnitCreate = z
  .object({
    name: z.string().trim().min(1).max(200),
    shortName: z.string().trim().min(1).max(40),
    force: ZForce,
    echelon: ZEchelon,
    parentId: z.uuid().nullable().optional(),
    homeUbigeo: z.string().regex(/^\d{6}$/, 'a 6-digit district UBIGEO').nullable().optional(),
    home: z.object({ lon: ZLon, lat: ZLat }).strict().nullable().optional(),
    area: ZAreaOfResponsibility.optional(),
    agency: ZAgencyCode.optional(),
    classification: ZClassification.default('CONFIDENCIAL'),
    exercise: z.boolean().default(false),
  })
  .strict();
export type TUnitCreate = z.infer<typeof ZUnitCreate>;

export const ZUnitUpdate = ZUnitCreate.partial().strict();
export type TUnitUpdate = z.infer<typeof ZUnitUpdate>;

export const ZUnitListQuery = z
  .object({
    force: ZForce.optional(),
    agency: ZAgencyCode.optional(),
    exercise: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
