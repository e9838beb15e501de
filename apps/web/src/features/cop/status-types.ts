/**
 * Unit status board: the free statuses units and devices report (`patrullando`, `en incidente`, `QRV`, `available`)
 * grouped under a few base types every operator reads the same way. The rules are data: a status matches the first
 * base type one of whose words it contains (accents and case ignored). An operator can map a status the rules do not
 * know to a base type; that choice is kept in this browser (`enlace.cop.statusMap`).
 */

/** Base types in board order (most urgent first). */
export const BASE_STATUSES = ['emergency', 'engaged', 'en_route', 'patrolling', 'available', 'out_of_service', 'unknown'] as const;
export type BaseStatus = (typeof BASE_STATUSES)[number];

/** Colours of the base types, shared by the board, the map's status ring and the legend. */
export const BASE_STATUS_COLORS: Record<BaseStatus, string> = {
  emergency: '#ff4d4f',
  engaged: '#ff9f1a',
  en_route: '#f5d742',
  patrolling: '#3fb8ff',
  available: '#43d17a',
  out_of_service: '#8a99a8',
  unknown: '#5f6f7e',
};

/** Words (without accents, lower case) that put a status under a base type. Checked in this order. */
export const STATUS_RULES: readonly { base: BaseStatus; words: readonly string[] }[] = [
  { base: 'emergency', words: ['emergencia', 'emergency', 'panico', 'panic', 'sos', '911', 'auxilio', 'herido'] },
  { base: 'engaged', words: ['incidente', 'incident', 'intervencion', 'intervening', 'ocupado', 'busy', 'engaged', 'en escena', 'on scene', 'detenido', 'control de disturbios'] },
  { base: 'en_route', words: ['en camino', 'en ruta', 'en_ruta', 'en_camino', 'desplazamiento', 'en route', 'en_route', 'responding', 'transito', 'moving'] },
  { base: 'patrolling', words: ['patrull', 'patrol', 'vigilancia', 'recorrido', 'ronda', 'simulado', 'mision', 'mission'] },
  { base: 'available', words: ['disponible', 'available', 'libre', 'qrv', 'en base', 'standby', 'reserva'] },
  { base: 'out_of_service', words: ['fuera de servicio', 'fuera_de_servicio', 'out of service', 'inoperativo', 'mantenimiento', 'maintenance', 'descanso', 'off duty', 'qrt'] },
];

/** Lower case, accents removed, `_`/`-` as spaces: "En_Incidente" and "en incidente" read the same. */
export function normaliseStatus(status: string): string {
  return status
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The base type of a free status; `overrides` (normalised status → base) win over the rules. */
export function baseStatusOf(status: string | null | undefined, overrides: Readonly<Record<string, BaseStatus>> = {}): BaseStatus {
  if (!status) return 'unknown';
  const normal = normaliseStatus(status);
  const chosen = overrides[normal];
  if (chosen) return chosen;
  for (const rule of STATUS_RULES) {
    if (rule.words.some((word) => normal.includes(normaliseStatus(word)))) return rule.base;
  }
  return 'unknown';
}

const STORAGE_KEY = 'enlace.cop.statusMap';

function isBaseStatus(value: unknown): value is BaseStatus {
  return typeof value === 'string' && (BASE_STATUSES as readonly string[]).includes(value);
}

/** The operator's own mappings, from localStorage (ignored if unreadable or malformed). */
export function loadStatusOverrides(): Record<string, BaseStatus> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Record<string, BaseStatus> = {};
    for (const [key, value] of Object.entries(parsed)) if (isBaseStatus(value)) out[normaliseStatus(key)] = value;
    return out;
  } catch {
    return {};
  }
}

export function saveStatusOverrides(overrides: Record<string, BaseStatus>): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(overrides));
  } catch {
    // Storage disabled: the mapping still applies until the page is closed.
  }
}
