import type { CatalogEntry } from './entry.ts';

/** Errors of the platform: requests, sessions, access, storage. */
export const PLATFORM_ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    es: 'La solicitud no es válida: {summary}',
    en: 'The request is not valid: {summary}',
  },
  INVALID_JSON: {
    status: 400,
    es: 'El cuerpo de la solicitud no es JSON válido.',
    en: 'The request body is not valid JSON.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    es: 'Tipo de contenido no admitido: use application/json.',
    en: 'Unsupported content type: use application/json.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    es: 'El cuerpo de la solicitud supera el límite de {limit} bytes.',
    en: 'The request body exceeds the limit of {limit} bytes.',
  },
  UNAUTHENTICATED: {
    status: 401,
    es: 'Inicie sesión para continuar.',
    en: 'Sign in to continue.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    es: 'Usuario o contraseña incorrectos.',
    en: 'Incorrect username or password.',
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    es: 'Demasiados intentos fallidos. Espere {retryAfter} segundos antes de volver a intentar.',
    en: 'Too many failed attempts. Wait {retryAfter} seconds before trying again.',
  },
  FORBIDDEN: {
    status: 403,
    es: 'Su rol, institución o nivel de acceso no permite esta operación.',
    en: 'Your role, agency or clearance does not allow this operation.',
  },
  NOT_FOUND: {
    status: 404,
    es: 'No se encontró el recurso solicitado.',
    en: 'The requested resource was not found.',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    es: 'No existe la ruta {method} {url}.',
    en: 'There is no route {method} {url}.',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    es: 'Método no permitido.',
    en: 'Method not allowed.',
  },
  CONFLICT: {
    status: 409,
    es: 'El recurso entra en conflicto con uno existente: {what}.',
    en: 'The resource conflicts with an existing one: {what}.',
  },
  USERNAME_TAKEN: {
    status: 409,
    es: 'El nombre de usuario «{username}» ya existe.',
    en: 'The username "{username}" already exists.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    es: 'La clave de idempotencia ya se usó para otra operación.',
    en: 'The idempotency key was already used for another operation.',
  },
  CLASSIFICATION_ABOVE_CLEARANCE: {
    status: 403,
    es: 'No puede crear o modificar registros con una clasificación superior a su nivel de acceso ({clearance}).',
    en: 'You cannot create or change records classified above your clearance ({clearance}).',
  },
  REFERENCE_NOT_FOUND: {
    status: 422,
    es: 'La referencia {field} no existe o no es visible para usted.',
    en: 'The reference {field} does not exist or is not visible to you.',
  },
  ADMIN_PROTECTED: {
    status: 409,
    es: 'La cuenta «admin» no puede desactivarse ni perder el rol de administrador.',
    en: 'The "admin" account cannot be deactivated or lose the administrator role.',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    es: 'El servicio no está disponible: {reason}.',
    en: 'The service is unavailable: {reason}.',
  },
  INTERNAL: {
    status: 500,
    es: 'Error interno. El incidente quedó registrado con el identificador {requestId}.',
    en: 'Internal error. It was logged with id {requestId}.',
  },
} as const satisfies Record<string, CatalogEntry>;
