import type { CatalogEntry } from './entry.ts';

/** Errors of the legal basis: instruments, rule sets, scenario files, protocols. */
export const LEGAL_ERRORS = {
  SCENARIO_INVALID: {
    status: 400,
    es: 'El archivo de escenario no es válido en {path}: {reason}',
    en: 'The scenario file is not valid at {path}: {reason}',
  },
  INSTRUMENT_REJECTED: {
    status: 422,
    es: 'El instrumento no puede registrarse: {reasons}',
    en: 'The instrument cannot be registered: {reasons}',
  },
  INSTRUMENT_ID_TAKEN: {
    status: 409,
    es: 'Ya existe un instrumento con el identificador «{id}».',
    en: 'An instrument with id "{id}" already exists.',
  },
  RULE_SET_INVALID: {
    status: 422,
    es: 'El conjunto de reglas no es válido en {path}: {reason}',
    en: 'The rule set is not valid at {path}: {reason}',
  },
  RULE_SET_VERSION_TAKEN: {
    status: 409,
    es: 'La versión de reglas «{version}» ya existe: use una versión nueva.',
    en: 'Rule-set version "{version}" already exists: use a new version.',
  },
} as const satisfies Record<string, CatalogEntry>;
