import type { CatalogEntry } from './entry.ts';

/** Errors of incidents, sharing agreements and crime analysis. */
export const INCIDENTS_ERRORS = {
} as const satisfies Record<string, CatalogEntry>;
