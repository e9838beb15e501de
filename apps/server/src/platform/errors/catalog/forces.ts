import type { CatalogEntry } from './entry.ts';

/** Errors of forces, training and readiness: personnel, equipment, courses, certificates, imports. */
export const FORCES_ERRORS = {
} as const satisfies Record<string, CatalogEntry>;
