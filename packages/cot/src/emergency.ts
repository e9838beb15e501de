import { buildEvent } from './build-event.ts';
import type { CotEvent, CotPoint } from './types.ts';

/** Emergency event types ATAK sends from its alert button, and the cancel. */
export const EMERGENCY_TYPES = {
  '911 Alert': 'b-a-o-tbl',
  'Ring The Bell': 'b-a-o-pan',
  'In Contact': 'b-a-o-opn',
  Custom: 'b-a-o-c',
} as const;
export const EMERGENCY_CANCEL = 'b-a-o-can';

const ALERT_TYPES: ReadonlySet<string> = new Set(Object.values(EMERGENCY_TYPES));

/** Whether the event raises an emergency (911, ring the bell, troops in contact, custom). */
export function isEmergency(event: CotEvent): boolean {
  return ALERT_TYPES.has(event.type) && event.detail.emergency?.cancel !== true;
}

/** Whether the event cancels an emergency (`b-a-o-can`, or `<emergency cancel="true">`). */
export function isEmergencyCancel(event: CotEvent): boolean {
  return event.type === EMERGENCY_CANCEL || event.detail.emergency?.cancel === true;
}

/** An emergency or its cancellation, read from the event. */
export interface Emergency {
  kind: 'alert' | 'cancel';
  /** The event uid (ATAK: `<device uid>-9-1-1`); a cancel reuses it. */
  uid: string;
  /** The device that raised it: the `p-p` link, else the uid without `-9-1-1`. */
  senderUid: string;
  /** Callsign from `<emergency>` text, else `<contact>`. */
  callsign: string;
  /** `<emergency type>` ("911 Alert"...), else the event type. */
  alertType: string;
  point?: CotPoint;
  time: number;
}

/** Reads an emergency or cancel; undefined for other events. */
export function readEmergency(event: CotEvent): Emergency | undefined {
  const cancel = isEmergencyCancel(event);
  if (!cancel && !isEmergency(event)) return undefined;
  const { detail } = event;
  const parent = detail.links?.find((l) => l.relation === 'p-p' && l.uid)?.uid;
  const emergency: Emergency = {
    kind: cancel ? 'cancel' : 'alert',
    uid: event.uid,
    senderUid: parent ?? event.uid.replace(/-9-1-1$/, ''),
    callsign: detail.emergency?.text.trim() || detail.contact?.callsign || event.uid,
    alertType: detail.emergency?.type ?? event.type,
    time: event.time,
  };
  if (event.point) emergency.point = event.point;
  return emergency;
}

/** Builds the emergency a device would send (e.g. for the simulator, or to relay an Enlace alert to TAK). */
export function buildEmergency(options: {
  sender: { uid: string; callsign: string; type?: string };
  point: CotPoint;
  kind?: keyof typeof EMERGENCY_TYPES | 'Cancel';
  now?: number;
}): CotEvent {
  const kind = options.kind ?? '911 Alert';
  const cancel = kind === 'Cancel';
  const { sender } = options;
  return buildEvent({
    uid: `${sender.uid}-9-1-1`,
    type: cancel ? EMERGENCY_CANCEL : EMERGENCY_TYPES[kind],
    how: 'h-e',
    now: options.now,
    staleAfterMs: 10 * 60_000,
    point: options.point,
    detail: {
      links: [{ uid: sender.uid, type: sender.type ?? 'a-f-G-U-C', relation: 'p-p' }],
      contact: { callsign: `${sender.callsign}-Alert` },
      emergency: cancel ? { cancel: true, text: sender.callsign } : { type: kind, text: sender.callsign },
    },
  });
}
