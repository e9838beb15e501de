import { z } from 'zod';

/**
 * Reference geography of Peru: UBIGEO codes of 2026 (INEI), boundaries of INEI 2007 and, in Lima and
 * Callao, of IGN. Names are in Spanish title case without accents (as INEI writes them), except Ñ.
 */

/** A department UBIGEO: 2 digits ("15" Lima). */
export const ZDepartmentUbigeo = z.string().regex(/^[0-9]{2}$/, 'a 2-digit department UBIGEO');
/** A province UBIGEO: 4 digits ("1501" Lima). */
export const ZProvinceUbigeo = z.string().regex(/^[0-9]{4}$/, 'a 4-digit province UBIGEO');
/** A district UBIGEO: 6 digits ("150122" Miraflores). */
export const ZDistrictUbigeo = z.string().regex(/^[0-9]{6}$/, 'a 6-digit district UBIGEO');
/** A UBIGEO at any level. */
export const ZUbigeo = z.string().regex(/^([0-9]{2}){1,3}$/, 'a UBIGEO of 2, 4 or 6 digits');

export const AREA_LEVELS = ['department', 'province', 'district'] as const;
export const ZAreaLevel = z.enum(AREA_LEVELS);
export type TAreaLevel = z.infer<typeof ZAreaLevel>;

/** Where a boundary comes from: INEI 2007 (whole country) or IGN (the 50 districts of Lima and Callao). */
export const GEOMETRY_SOURCES = ['inei_2007', 'ign_lima_callao'] as const;
export const ZGeometrySource = z.enum(GEOMETRY_SOURCES);
export type TGeometrySource = z.infer<typeof ZGeometrySource>;

export const ZDepartment = z.object({ ubigeo: ZDepartmentUbigeo, name: z.string() });
export type TDepartment = z.infer<typeof ZDepartment>;

export const ZProvince = z.object({
  ubigeo: ZProvinceUbigeo,
  name: z.string(),
  departmentUbigeo: ZDepartmentUbigeo,
  department: z.string(),
});
export type TProvince = z.infer<typeof ZProvince>;

export const ZDistrict = z.object({
  ubigeo: ZDistrictUbigeo,
  name: z.string(),
  /** The name in the INEI 2007 file (upper case), null for districts created since. */
  nameInei: z.string().nullable(),
  provinceUbigeo: ZProvinceUbigeo,
  province: z.string(),
  departmentUbigeo: ZDepartmentUbigeo,
  department: z.string(),
  /** Null when no source has the district's boundary (created after 2007, or missing in the INEI file). */
  geometrySource: ZGeometrySource.nullable(),
});
export type TDistrict = z.infer<typeof ZDistrict>;

/** The district holding a point. */
export const ZDistrictLocation = z.object({
  ubigeo: ZDistrictUbigeo,
  name: z.string(),
  provinceUbigeo: ZProvinceUbigeo,
  province: z.string(),
  departmentUbigeo: ZDepartmentUbigeo,
  department: z.string(),
  /** Which boundary matched: IGN in Lima and Callao, INEI 2007 elsewhere. */
  geometrySource: ZGeometrySource,
});
export type TDistrictLocation = z.infer<typeof ZDistrictLocation>;

export const ZLocateDistrictQuery = z
  .object({
    lon: z.coerce.number().min(-180).max(180),
    lat: z.coerce.number().min(-90).max(90),
  })
  .strict();
export type TLocateDistrictQuery = z.infer<typeof ZLocateDistrictQuery>;

export const ZProvinceListQuery = z.object({ department: ZDepartmentUbigeo }).strict();
export type TProvinceListQuery = z.infer<typeof ZProvinceListQuery>;

export const ZDistrictListQuery = z
  .object({
    province: ZProvinceUbigeo.optional(),
    department: ZDepartmentUbigeo.optional(),
    /** Part of the name, ignoring case and accents ("pérú" finds "Mi Perú", "brena" finds "Breña"). */
    q: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(2000).default(2000),
  })
  .strict();
export type TDistrictListQuery = z.infer<typeof ZDistrictListQuery>;

export const ZUbigeoParams = z.object({ ubigeo: ZUbigeo }).strict();

export const ZAreaGeometryQuery = z
  .object({
    /** Douglas-Peucker tolerance in degrees (0.001 is about 110 m); 0 returns the stored boundary. */
    tolerance: z.coerce.number().min(0).max(1).default(0),
  })
  .strict();
export type TAreaGeometryQuery = z.infer<typeof ZAreaGeometryQuery>;

const ZPosition = z.tuple([z.number(), z.number()]);
/** A GeoJSON Polygon or MultiPolygon, longitude/latitude in EPSG:4326. */
export const ZAreaGeoJson = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(ZPosition)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(ZPosition))) }),
]);
export type TAreaGeoJson = z.infer<typeof ZAreaGeoJson>;

/** The boundary of a department, province or district. */
export const ZAreaGeometry = z.object({
  ubigeo: ZUbigeo,
  level: ZAreaLevel,
  name: z.string(),
  /** Null for a district no source has a boundary for. */
  geometrySource: ZGeometrySource.nullable(),
  geometry: ZAreaGeoJson.nullable(),
});
export type TAreaGeometry = z.infer<typeof ZAreaGeometry>;
