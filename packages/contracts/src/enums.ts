import { z } from 'zod';

/** Agencies that use Enlace. Codes are stable identifiers; names live in the translation files. */
export const AGENCY_CODES = ['PNP', 'EP', 'MGP', 'FAP', 'CCFFAA', 'MININTER', 'MINDEF', 'DP', 'MP'] as const;
export const ZAgencyCode = z.enum(AGENCY_CODES);
export type TAgencyCode = z.infer<typeof ZAgencyCode>;

/** Roles. `oversight` is read-only by law (Defensoría del Pueblo, Ministerio Público). */
export const ROLES = [
  'admin',
  'commander',
  'planner',
  'operator',
  'field',
  'trainer',
  'legal_officer',
  'analyst',
  'oversight',
] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/**
 * Classification of a record, after the categories of Ley 27806 (Ley de Transparencia y Acceso a la Información
 * Pública) arts. 15-17 as applied by the defence and interior sectors. Ordered from least to most restricted.
 */
export const CLASSIFICATIONS = ['PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO'] as const;
export const ZClassification = z.enum(CLASSIFICATIONS);
export type TClassification = z.infer<typeof ZClassification>;

/** Rank of a classification: PUBLICO 0 ... SECRETO 3. */
export function classificationRank(c: TClassification): number {
  return CLASSIFICATIONS.indexOf(c);
}

/** Languages the product speaks. Spanish is the default. */
export const LANGUAGES = ['es', 'en'] as const;
export const ZLanguage = z.enum(LANGUAGES);
export type TLanguage = z.infer<typeof ZLanguage>;

/** Forces a unit can belong to. */
export const FORCES = ['PNP', 'EP', 'MGP', 'FAP', 'CCFFAA'] as const;
export const ZForce = z.enum(FORCES);
export type TForce = z.infer<typeof ZForce>;
