import type { CatalogEntry } from './entry.ts';

/** Errors of the common operational picture: tracks, CoT, certificates, alerts, messages. */
export const COP_ERRORS = {
  // Tracks, alerts, geofences, chat (helper TRACKS).
  ALERT_NOT_OPEN: {
    status: 409,
    es: 'La alerta ya no está abierta (estado: {state}, atendida por: {by}).',
    en: 'The alert is no longer open (state: {state}, acknowledged by: {by}).',
  },
  GEOFENCE_INVALID: {
    status: 400,
    es: 'El área de la geocerca no es válida: {summary}',
    en: 'The geofence area is not valid: {summary}',
  },
  CHAT_NOT_MEMBER: {
    status: 403,
    es: 'Su institución no participa en esta sala de mensajes.',
    en: 'Your agency does not take part in this chat room.',
  },
  CHAT_ABOVE_ROOM: {
    status: 400,
    es: 'La clasificación del mensaje ({classification}) supera la de la sala ({room}).',
    en: 'The message classification ({classification}) is above the room’s ({room}).',
  },
  CHAT_RECIPIENT_UNKNOWN: {
    status: 404,
    es: 'El destinatario no existe o no está activo.',
    en: 'The recipient does not exist or is not active.',
  },
  TRACK_HISTORY_WINDOW: {
    status: 400,
    es: 'La ventana de recorridos debe empezar antes de terminar y abarcar como máximo {hours} horas.',
    en: 'The replay window must start before it ends and span at most {hours} hours.',
  },
  LIVE_BAD_MESSAGE: {
    status: 400,
    es: 'Mensaje no válido en la conexión en vivo: {summary}',
    en: 'Invalid message on the live connection: {summary}',
  },
  TAK_USER_INACTIVE: {
    status: 409,
    es: 'No se emite un certificado TAK para un usuario desactivado.',
    en: 'No TAK certificate is issued for a deactivated user.',
  },
  TAK_CERTIFICATE_REVOKED: {
    status: 409,
    es: 'El certificado ya fue revocado el {revokedAt}.',
    en: 'The certificate was already revoked on {revokedAt}.',
  },
  TAK_TLS_DISABLED: {
    status: 409,
    es: 'El puerto TLS de CoT está desactivado (ENLACE_COT_TLS_PORT=off): no se pueden emitir certificados TAK.',
    en: 'The CoT TLS port is off (ENLACE_COT_TLS_PORT=off): TAK certificates cannot be issued.',
  },
} as const satisfies Record<string, CatalogEntry>;
