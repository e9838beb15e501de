import { COP_ERRORS } from './catalog/cop.ts';
import { FORCES_ERRORS } from './catalog/forces.ts';
import { IMPORTS_ERRORS } from './catalog/imports.ts';
import { INCIDENTS_ERRORS } from './catalog/incidents.ts';
import { LEGAL_ERRORS } from './catalog/legal.ts';
import { PLATFORM_ERRORS } from './catalog/platform.ts';

/**
 * Every error code the API can return, with its HTTP status and its message in Spanish and English.
 * `{name}` placeholders are filled from the error's params. The one place where errors become words;
 * each area keeps its codes in `catalog/<area>.ts`.
 */
export const ERROR_CATALOG = {
  ...PLATFORM_ERRORS,
  ...LEGAL_ERRORS,
  ...FORCES_ERRORS,
  ...COP_ERRORS,
  ...INCIDENTS_ERRORS,
  ...IMPORTS_ERRORS,
};

export type ErrorCode = keyof typeof ERROR_CATALOG;
