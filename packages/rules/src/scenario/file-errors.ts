import type { TFindingDetails } from '../findings.ts';
import { fillTemplate } from '../findings.ts';
import type { TRuleCode } from '../rule-set/rule-codes.ts';
import type { TLocalizedText } from '../rule-set/rule-set.schema.ts';

/** Faults that make a scenario file invalid (exit code 2 in the CLI), besides the instrument rules. */
export const FILE_ERROR_CODES = [
  'FILE_TOO_LARGE',
  'FILE_TOO_DEEP',
  'INVALID_JSON',
  'INVALID_FIELD',
  'END_BEFORE_START',
  'UNKNOWN_UBIGEO',
  'DANGLING_REFERENCE',
  'DUPLICATE_ID',
] as const;
export type TFileErrorCode = (typeof FILE_ERROR_CODES)[number];

/** A fault in a scenario file: where (a JSON path such as `$.requests[0].end`), what, and in both languages. */
export interface TScenarioFileError {
  readonly path: string;
  readonly code: TFileErrorCode | TRuleCode;
  readonly message: TLocalizedText;
}

export const FILE_ERROR_MESSAGES: Readonly<Record<TFileErrorCode, TLocalizedText>> = {
  FILE_TOO_LARGE: {
    es: 'El archivo pesa {bytes} bytes; el máximo es {max}.',
    en: 'The file is {bytes} bytes; the maximum is {max}.',
  },
  FILE_TOO_DEEP: {
    es: 'El JSON anida más de {max} niveles (línea {line}, columna {column}).',
    en: 'The JSON nests more than {max} levels (line {line}, column {column}).',
  },
  INVALID_JSON: { es: 'No es JSON válido: {detail}', en: 'Not valid JSON: {detail}' },
  INVALID_FIELD: { es: '{path}: {detail}', en: '{path}: {detail}' },
  END_BEFORE_START: {
    es: '{path}: el fin ({end}) es anterior al inicio ({start}).',
    en: '{path}: the end ({end}) is before the start ({start}).',
  },
  UNKNOWN_UBIGEO: { es: '{path}: el UBIGEO {code} no existe.', en: '{path}: UBIGEO {code} does not exist.' },
  DANGLING_REFERENCE: {
    es: '{path}: {id} no está definido en el archivo.',
    en: '{path}: {id} is not defined in the file.',
  },
  DUPLICATE_ID: { es: '{path}: el id {id} está repetido.', en: '{path}: the id {id} is repeated.' },
};

/** A file error with its message filled; `perLanguage` holds values that differ by language (zod's messages). */
export function fileError(
  code: TFileErrorCode,
  path: string,
  details: TFindingDetails = {},
  perLanguage: { readonly es?: TFindingDetails; readonly en?: TFindingDetails } = {},
): TScenarioFileError {
  const text = FILE_ERROR_MESSAGES[code];
  return {
    path,
    code,
    message: {
      es: fillTemplate(text.es, { path, ...details, ...perLanguage.es }),
      en: fillTemplate(text.en, { path, ...details, ...perLanguage.en }),
    },
  };
}

/** `$.instruments[2].area.ubigeo[0]` from a path of keys and indexes. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
