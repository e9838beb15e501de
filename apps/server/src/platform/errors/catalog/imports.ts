import type { CatalogEntry } from './entry.ts';

/**
 * Errors of bulk import: of a run (kind, file, mapping, state) and of single rows of a file. Row codes
 * (status 422) are stored in each run's error report with their es/en messages.
 */
export const IMPORTS_ERRORS = {
  IMPORT_KIND_UNKNOWN: {
    status: 422,
    es: 'No existe el tipo de importación «{kind}».',
    en: 'There is no import kind "{kind}".',
  },
  IMPORT_FILE_MISSING: {
    status: 409,
    es: 'Primero suba el archivo de esta importación.',
    en: 'Upload the file of this import first.',
  },
  IMPORT_FILE_TOO_LARGE: {
    status: 413,
    es: 'El archivo supera el límite de {limit} bytes.',
    en: 'The file exceeds the limit of {limit} bytes.',
  },
  IMPORT_FILE_EMPTY: {
    status: 422,
    es: 'El archivo está vacío: debe tener una fila de encabezados y al menos una fila de datos.',
    en: 'The file is empty: it needs a header row and at least one data row.',
  },
  IMPORT_CONTENT_TYPE: {
    status: 415,
    es: 'Envíe el archivo tal cual, con tipo de contenido text/csv.',
    en: 'Send the file as is, with content type text/csv.',
  },
  IMPORT_UPLOAD_INTERRUPTED: {
    status: 400,
    es: 'La subida del archivo se interrumpió; vuelva a intentarlo.',
    en: 'The file upload was interrupted; try again.',
  },
  IMPORT_RUN_BUSY: {
    status: 409,
    es: 'La importación está en proceso ({status}); espere a que termine.',
    en: 'The import is being processed ({status}); wait until it ends.',
  },
  IMPORT_NOT_VALID: {
    status: 409,
    es: 'Solo se puede aplicar una importación validada sin errores (estado actual: {status}).',
    en: 'Only an import validated without errors can be applied (current status: {status}).',
  },
  IMPORT_ALREADY_APPLIED: {
    status: 409,
    es: 'Esta importación ya fue aplicada; para volver a cargar el archivo cree una nueva.',
    en: 'This import was already applied; create a new one to load the file again.',
  },
  IMPORT_REJECTED: {
    status: 422,
    es: 'El archivo tiene {errors} errores; no se aplicó ninguna fila. Revise el informe de errores.',
    en: 'The file has {errors} errors; no row was applied. See the error report.',
  },
  IMPORT_OPTIONS_INVALID: {
    status: 422,
    es: 'Las opciones de la importación no son válidas: {summary}',
    en: 'The import options are not valid: {summary}',
  },
  IMPORT_ENCODING_INVALID: {
    status: 422,
    es: 'La línea {line} no es texto {encoding} válido. Guarde el archivo como «CSV UTF-8» o elija la codificación Windows-1252.',
    en: 'Line {line} is not valid {encoding} text. Save the file as "CSV UTF-8" or choose the Windows-1252 encoding.',
  },
  IMPORT_CSV_QUOTE_NOT_CLOSED: {
    status: 422,
    es: 'Una comilla abierta en la línea {line} no se cierra: el resto del archivo no se puede leer.',
    en: 'A quote opened on line {line} is never closed: the rest of the file cannot be read.',
  },
  IMPORT_CSV_INVALID_QUOTE: {
    status: 422,
    es: 'Comillas mal formadas en la línea {line}: un campo entre comillas debe terminar en comilla seguida de separador.',
    en: 'Malformed quotes on line {line}: a quoted field must end with a quote followed by a delimiter.',
  },
  IMPORT_CSV_RECORD_TOO_LARGE: {
    status: 422,
    es: 'El registro que empieza en la línea {line} supera {limit} bytes (¿una comilla sin cerrar?).',
    en: 'The record starting on line {line} exceeds {limit} bytes (an unclosed quote?).',
  },
  IMPORT_CSV_TOO_MANY_COLUMNS: {
    status: 422,
    es: 'La línea {line} tiene más de {limit} columnas.',
    en: 'Line {line} has more than {limit} columns.',
  },
  IMPORT_HEADER_EMPTY: {
    status: 422,
    es: 'La columna {position} del encabezado no tiene nombre.',
    en: 'Header column {position} has no name.',
  },
  IMPORT_HEADER_DUPLICATE: {
    status: 422,
    es: 'El encabezado repite la columna «{column}».',
    en: 'The header repeats the column "{column}".',
  },
  IMPORT_FIELD_UNKNOWN: {
    status: 422,
    es: 'La correspondencia menciona el campo «{field}», que este tipo de importación no tiene.',
    en: 'The mapping names the field "{field}", which this import kind does not have.',
  },
  IMPORT_COLUMN_NOT_FOUND: {
    status: 422,
    es: 'La columna «{column}» asignada al campo {field} no está en el archivo.',
    en: 'The column "{column}" mapped to the field {field} is not in the file.',
  },
  IMPORT_FIELD_UNMAPPED: {
    status: 422,
    es: 'El campo obligatorio {field} no tiene columna ni valor por defecto.',
    en: 'The required field {field} has neither a column nor a default.',
  },
  IMPORT_COLUMN_COUNT: {
    status: 422,
    es: 'La fila tiene {got} columnas; el encabezado tiene {expected}.',
    en: 'The row has {got} columns; the header has {expected}.',
  },
  IMPORT_VALUE_REQUIRED: {
    status: 422,
    es: 'Falta el valor de {field}.',
    en: 'The value of {field} is missing.',
  },
  IMPORT_VALUE_INVALID: {
    status: 422,
    es: 'El valor de {field} no es válido: {reason}.',
    en: 'The value of {field} is not valid: {reason}.',
  },
  IMPORT_VALUE_NOT_ALLOWED: {
    status: 422,
    es: 'El valor de {field} no es uno de los admitidos: {allowed}.',
    en: 'The value of {field} is not one of the accepted ones: {allowed}.',
  },
  IMPORT_VALUE_TOO_LONG: {
    status: 422,
    es: 'El valor de {field} supera {max} caracteres.',
    en: 'The value of {field} exceeds {max} characters.',
  },
  IMPORT_VALUE_OUT_OF_RANGE: {
    status: 422,
    es: 'El valor de {field} está fuera del rango permitido ({range}).',
    en: 'The value of {field} is out of the allowed range ({range}).',
  },
  IMPORT_VALUE_FORMAT: {
    status: 422,
    es: 'El valor de {field} no tiene el formato esperado ({format}).',
    en: 'The value of {field} does not have the expected format ({format}).',
  },
  IMPORT_VALUE_LIST: {
    status: 422,
    es: '{field} es una lista de valores separados por «;», cada uno de {max} caracteres como máximo.',
    en: '{field} is a list of values separated by ";", each of at most {max} characters.',
  },
  IMPORT_VALUE_TOO_MANY: {
    status: 422,
    es: '{field} admite como máximo {max} valores.',
    en: '{field} accepts at most {max} values.',
  },
  IMPORT_VALUE_DATE: {
    status: 422,
    es: 'El valor de {field} no es una fecha válida (AAAA-MM-DD o DD/MM/AAAA).',
    en: 'The value of {field} is not a valid date (YYYY-MM-DD or DD/MM/YYYY).',
  },
  IMPORT_DOCUMENT_FORMAT: {
    status: 422,
    es: 'El número de documento en {field} no es válido: 5 a 20 letras, dígitos o guiones; un DNI tiene 8 dígitos.',
    en: 'The document number in {field} is not valid: 5 to 20 letters, digits or dashes; a DNI has 8 digits.',
  },
  IMPORT_PHONE_FORMAT: {
    status: 422,
    es: 'El teléfono en {field} no es válido: 6 a 20 dígitos, espacios, guiones o paréntesis, con + opcional.',
    en: 'The phone number in {field} is not valid: 6 to 20 digits, spaces, dashes or brackets, with an optional +.',
  },
  IMPORT_SERIAL_FORMAT: {
    status: 422,
    es: 'El número de serie en {field} no es válido: 1 a 60 letras, dígitos, puntos, barras o guiones.',
    en: 'The serial number in {field} is not valid: 1 to 60 letters, digits, dots, slashes or dashes.',
  },
  IMPORT_UBIGEO_FORMAT: {
    status: 422,
    es: 'El UBIGEO en {field} debe ser un código de distrito de 6 dígitos.',
    en: 'The UBIGEO in {field} must be a 6-digit district code.',
  },
  IMPORT_COURSE_FORMAT: {
    status: 422,
    es: 'El código de curso en {field} no es válido: mayúsculas, dígitos o guion bajo (p. ej. CONTROL_MULTITUDES).',
    en: 'The course code in {field} is not valid: capitals, digits or underscore (e.g. CONTROL_MULTITUDES).',
  },
  IMPORT_FORMULA_REJECTED: {
    status: 422,
    es: 'El valor de {field} empieza como una fórmula de hoja de cálculo (=, +, -, @); se rechaza para que no se ejecute al exportarlo.',
    en: 'The value of {field} starts like a spreadsheet formula (=, +, -, @); it is refused so that it cannot run when exported.',
  },
  IMPORT_CONTROL_CHARACTER: {
    status: 422,
    es: 'El valor de {field} contiene caracteres de control no permitidos.',
    en: 'The value of {field} contains control characters that are not allowed.',
  },
  IMPORT_DUPLICATE_KEY: {
    status: 422,
    es: 'Esta fila repite el registro «{key}» de la línea {firstLine}.',
    en: 'This row repeats the record "{key}" of line {firstLine}.',
  },
  IMPORT_TOO_MANY_ERRORS: {
    status: 422,
    es: 'Hay más errores; el informe muestra los primeros {limit}.',
    en: 'There are more errors; the report shows the first {limit}.',
  },
  IMPORT_UNIT_NOT_FOUND: {
    status: 422,
    es: 'La unidad «{unit}» no existe o no es visible para usted.',
    en: 'The unit "{unit}" does not exist or is not visible to you.',
  },
  IMPORT_UNIT_FORBIDDEN: {
    status: 422,
    es: 'No puede registrar datos en la unidad «{unit}»: pertenece a otra institución o supera su nivel de acceso.',
    en: 'You may not record data in the unit "{unit}": it belongs to another agency or is above your clearance.',
  },
  IMPORT_UNIT_AMBIGUOUS: {
    status: 422,
    es: 'Hay varias unidades «{unit}» de su institución; use el identificador (UUID) de la unidad.',
    en: 'Several units of your agency are called "{unit}"; use the unit\'s id (UUID).',
  },
  IMPORT_PERSON_NOT_FOUND: {
    status: 422,
    es: 'No existe un efectivo visible con el documento {document}.',
    en: 'There is no visible member with document {document}.',
  },
  IMPORT_RECORD_FORBIDDEN: {
    status: 422,
    es: 'El registro «{key}» ya existe y usted no puede modificarlo.',
    en: 'The record "{key}" already exists and you may not change it.',
  },
  IMPORT_COURSE_NOT_FOUND: {
    status: 422,
    es: 'No existe el curso «{course}».',
    en: 'There is no course "{course}".',
  },
  IMPORT_SESSION_NOT_FOUND: {
    status: 422,
    es: 'No existe una sesión visible «{session}».',
    en: 'There is no visible session "{session}".',
  },
} as const satisfies Record<string, CatalogEntry>;
