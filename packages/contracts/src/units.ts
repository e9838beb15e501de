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

/** A task type code of the readiness standard (its METs); which codes exist is the standard's, checked by the server. */
export const ZUnitTaskCode = z.string().regex(/^[A-Z0-9_]{1,64}$/);

/**
 * What the unit's readiness is judged against: its authorized strength (billets for P; null: the roster), the task
 * types it is rated on (T and the Y/Q/N list; null: the standard's default tasks), and whether it is under a directed
 * resource action (reconstitution, re-organisation: C5, with the remark as the reason).
 */
const unitReadinessBasis = {
  authorizedStrength: z.number().int().nullable().default(null),
  missionTasks: z.array(z.string()).nullable().default(null),
  directedResourceAction: z.boolean().default(false),
  directedResourceRemark: z.string().nullable().default(null),
};

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
  ...unitReadinessBasis,
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
    /** Billets P is measured against; null: the roster. */
    authorizedStrength: z.number().int().min(1).max(100_000).nullable().optional(),
    /** Task types the unit is rated on (codes of the standard in force); null: the standard's default tasks. */
    missionTasks: z.array(ZUnitTaskCode).min(1).max(32).nullable().optional(),
    /** Under a directed resource action: C5, refused without `directedResourceRemark`. */
    directedResourceAction: z.boolean().optional(),
    directedResourceRemark: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export type TUnitCreate = z.infer<typeof ZUnitCreate>;

/**
 * A change of a unit: only the fields given change. Built without the create defaults (zod applies a default even
 * under `.partial()`, which would reset an omitted classification to CONFIDENCIAL and the exercise flag to false).
 */
export const ZUnitUpdate = ZUnitCreate.extend({ classification: ZClassification.optional(), exercise: z.boolean().optional() }).partial().strict();
export type TUnitUpdate = z.infer<typeof ZUnitUpdate>;

export const ZUnitListQuery = z
  .object({
    force: ZForce.optional(),
    agency: ZAgencyCode.optional(),
    exercise: z.enum(['true', 'false']).optional(),
    /** Words in the name or short name, any case and with or without accents (pickers search as the user types). */
    q: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
