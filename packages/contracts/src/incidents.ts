import { z } from 'zod';
import { ZRecordLabels } from './common.ts';
import { ZAgencyCode, ZClassification } from './enums.ts';

/** Enlace's crime types (the `crime_type` table holds names and legal references; local codes map to these). */
export const CRIME_TYPES = [
  'HOMICIDIO',
  'LESIONES',
  'VIOLENCIA_FAMILIAR',
  'VIOLENCIA_SEXUAL',
  'SECUESTRO',
  'EXTORSION',
  'ROBO',
  'HURTO',
  'VEHICULO',
  'ESTAFA',
  'DANOS',
  'DROGAS',
  'ARMAS',
  'OTRO',
] as const;
export const ZCrimeType = z.enum(CRIME_TYPES);
export type TCrimeType = z.infer<typeof ZCrimeType>;

/** A source system's name: 'PNP', 'SIDPOL', 'CHICAGO', 'VANCOUVER', 'SINTETICO' (synthetic demo data), ... */
export const ZSourceCode = z.string().regex(/^[A-Z0-9_]{2,32}$/);
export const ZUbigeo6 = z.string().regex(/^\d{6}$/);
/** An instant with its offset (ISO 8601), e.g. 2026-03-01T21:30:00-05:00. */
export const ZInstant = z.iso.datetime({ offset: true });
export const ZLonLat = z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).strict();

/** A new incident entered by hand or by an integration. */
export const ZIncidentCreate = z
  .object({
    /** Enlace's crime type, or leave it out and give the source's local code (mapped through the mapping table). */
    crimeType: ZCrimeType.optional(),
    localCode: z.string().trim().min(1).max(200).optional(),
    occurredAt: ZInstant,
    location: ZLonLat,
    source: ZSourceCode.default('PNP'),
    /** The mapping table for `localCode`: default SIDPOL for PNP records, otherwise the source itself. */
    codeSystem: ZSourceCode.optional(),
    /** The source's own identifier: a retry or re-import with the same (source, sourceRef) changes nothing. */
    sourceRef: z.string().trim().min(1).max(200).optional(),
    address: z.string().trim().max(500).optional(),
    description: z.string().trim().max(4000).optional(),
    agency: ZAgencyCode.optional(),
    classification: ZClassification.default('RESERVADO'),
    exercise: z.boolean().default(false),
  })
  .strict()
  .refine((v) => v.crimeType !== undefined || v.localCode !== undefined, {
    message: 'crimeType or localCode is required',
    path: ['crimeType'],
  });
export type TIncidentCreate = z.infer<typeof ZIncidentCreate>;

/** An incident as stored (no personal data: victims and suspects are separate). */
export const ZIncident = z
  .object({
    id: z.uuid(),
    source: z.string(),
    sourceRef: z.string(),
    crimeType: ZCrimeType,
    localCode: z.string().nullable(),
    /** The code system the local code was read with (SIDPOL, a source's own table); null without a local code or when not recorded. */
    codeSystem: z.string().nullable(),
    occurredAt: z.string(),
    location: ZLonLat,
    /** District found by point-in-polygon against the reference geography; null outside Peru. */
    ubigeo: z.string().nullable(),
    address: z.string().nullable(),
    description: z.string().nullable(),
    importRunId: z.string().nullable(),
  })
  .extend(ZRecordLabels.shape);
export type TIncident = z.infer<typeof ZIncident>;

/** A comma-separated query value as a list. */
const csvList = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0));

/** The filters every incident list, export and analysis shares. */
export const ZIncidentFilter = z
  .object({
    /** Districts (6 digits), provinces (4) or departments (2), comma separated. */
    ubigeo: csvList.pipe(z.array(z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/)).max(100)).optional(),
    /** Bounding box in degrees: minLon,minLat,maxLon,maxLat. */
    bbox: z
      .string()
      .max(200)
      .transform((s) => s.split(',').map(Number))
      .pipe(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)]))
      .optional(),
    from: ZInstant.optional(),
    to: ZInstant.optional(),
    types: csvList.pipe(z.array(ZCrimeType).max(20)).optional(),
    source: ZSourceCode.optional(),
    agency: ZAgencyCode.optional(),
  })
  .strict();
export type TIncidentFilter = z.infer<typeof ZIncidentFilter>;

export const ZIncidentListQuery = ZIncidentFilter.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
}).strict();

export const ZIncidentExportQuery = ZIncidentFilter.extend({ format: z.enum(['csv', 'geojson']).default('csv') }).strict();

export const ZIncidentPage = z.object({ items: z.array(ZIncident), total: z.number() });

/** A victim: personal data, readable only with incident:person:read, never shared through an agreement. */
export const ZVictimCreate = z
  .object({
    fullName: z.string().trim().min(1).max(200).optional(),
    documentId: z.string().trim().min(1).max(32).optional(),
    sex: z.enum(['F', 'M', 'X']).optional(),
    age: z.number().int().min(0).max(130).optional(),
    notes: z.string().trim().max(2000).optional(),
  })
  .strict();
export const ZVictim = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  fullName: z.string().nullable(),
  documentId: z.string().nullable(),
  sex: z.string().nullable(),
  age: z.number().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
});
export type TVictim = z.infer<typeof ZVictim>;

export const ZSuspectCreate = z
  .object({
    fullName: z.string().trim().min(1).max(200).optional(),
    alias: z.string().trim().min(1).max(200).optional(),
    documentId: z.string().trim().min(1).max(32).optional(),
    sex: z.enum(['F', 'M', 'X']).optional(),
    age: z.number().int().min(0).max(130).optional(),
    description: z.string().trim().max(2000).optional(),
    detained: z.boolean().default(false),
  })
  .strict();
export const ZSuspect = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  fullName: z.string().nullable(),
  alias: z.string().nullable(),
  documentId: z.string().nullable(),
  sex: z.string().nullable(),
  age: z.number().nullable(),
  description: z.string().nullable(),
  detained: z.boolean(),
  createdAt: z.string(),
});
export type TSuspect = z.infer<typeof ZSuspect>;

export const ZPersons = z.object({ victims: z.array(ZVictim), suspects: z.array(ZSuspect) });

/** One row of the crime-type mapping table. */
export const ZCrimeTypeMapping = z.object({
  sourceSystem: z.string(),
  localCode: z.string(),
  crimeType: ZCrimeType,
  note: z.string().nullable(),
});
export type TCrimeTypeMapping = z.infer<typeof ZCrimeTypeMapping>;
/** A source's local crime code as the mapping table stores it: upper case, no accents, single spaces. */
export function normalizeLocalCode(code: string): string {
  return code
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the text has no control character (U+0000 to U+001F, U+007F): PostgreSQL text cannot hold NUL. */
const noControlCharacters = (s: string): boolean => [...s].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f);

/**
 * A local crime code as typed (the server stores it normalised: upper case, no accents, single spaces): at least one
 * letter or digit, no control characters, at most 200 characters (the column's limit).
 */
export const ZLocalCode = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(noControlCharacters, 'no control characters')
  .regex(/[\p{L}\p{N}]/u, 'at least one letter or digit');

/** Adds a row of the mapping table, or changes the crime type or note of an existing one (same source system and code). */
export const ZCrimeTypeMappingPut = z
  .object({
    sourceSystem: ZSourceCode,
    localCode: ZLocalCode,
    crimeType: ZCrimeType,
    note: z.string().trim().max(500).refine(noControlCharacters, 'no control characters').optional(),
  })
  .strict();
export type TCrimeTypeMappingPut = z.infer<typeof ZCrimeTypeMappingPut>;

/** Names the mapping row to remove (querystring of `DELETE /incidents/crime-types/mappings`). */
export const ZCrimeTypeMappingKey = z.object({ sourceSystem: ZSourceCode, localCode: ZLocalCode }).strict();
export type TCrimeTypeMappingKey = z.infer<typeof ZCrimeTypeMappingKey>;

export const ZCrimeTypeInfo = z.object({ code: ZCrimeType, nameEs: z.string(), nameEn: z.string(), legalReference: z.string() });
export const ZCrimeTypeCatalog = z.object({ types: z.array(ZCrimeTypeInfo), mappings: z.array(ZCrimeTypeMapping) });

/**
 * Options of an incident import run (the columns are mapped by the import engine): the source system (whose
 * mapping table applies to local codes), the CRS of the coordinates ('EPSG:4326' longitude/latitude, or projected
 * metres such as 'EPSG:32718' for Lima, UTM 18S), the time zone of local times without an offset, and labels.
 */
export const ZIncidentImportOptions = z
  .object({
    source: ZSourceCode.default('PNP'),
    /** The mapping table to use for local codes; default: the source. */
    codeSystem: ZSourceCode.optional(),
    crs: z.string().regex(/^EPSG:\d{4,5}$/).default('EPSG:4326'),
    /** IANA zone of local times without an offset. Default America/Lima. */
    timeZone: z.string().min(1).max(64).default('America/Lima'),
    agency: ZAgencyCode.optional(),
    classification: ZClassification.default('RESERVADO'),
    exercise: z.boolean().default(false),
  })
  .strict();
export type TIncidentImportOptions = z.infer<typeof ZIncidentImportOptions>;

/** Options of a district-by-month aggregate import (the shape of Peru's SIDPOL open data). */
export const ZAggregateImportOptions = z
  .object({
    source: ZSourceCode.default('SIDPOL'),
    codeSystem: ZSourceCode.default('SIDPOL'),
    agency: ZAgencyCode.optional(),
    classification: ZClassification.default('PUBLICO'),
  })
  .strict();
export type TAggregateImportOptions = z.infer<typeof ZAggregateImportOptions>;
