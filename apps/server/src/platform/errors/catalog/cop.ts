import type { CatalogEntry } from './entry.ts';

/** Errors of the common operational picture: tracks, CoT, certificates, alerts, messages. */
export const COP_ERRORS = {
} as const satisfies Record<string, CatalogEntry>;
