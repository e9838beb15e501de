import type { TEquipment } from '@enlace/contracts';

/** The details line of an item, as the text to translate and its values. */
export type EquipmentDetail =
  | { kind: 'radio'; modes: string; talkgroups: string }
  | { kind: 'drone'; model: string; camera: string; videoLink: string }
  | { kind: 'vehicle'; plate: string; kind2: string; radio: boolean };

/**
 * What to say about an item's details: a radio's modes and talkgroups, a drone's model, camera and video link, a
 * vehicle's plate and kind (with or without a radio); null for categories without details.
 */
export function equipmentDetail(e: Pick<TEquipment, 'radio' | 'drone' | 'vehicle'>): EquipmentDetail | null {
  if (e.radio) return { kind: 'radio', modes: e.radio.modes.join(', '), talkgroups: e.radio.talkgroups.join(', ') || '—' };
  if (e.drone) return { kind: 'drone', model: e.drone.model, camera: e.drone.camera, videoLink: e.drone.videoLink };
  if (e.vehicle) return { kind: 'vehicle', plate: e.vehicle.plate, kind2: e.vehicle.kind, radio: e.vehicle.hasRadio };
  return null;
}
