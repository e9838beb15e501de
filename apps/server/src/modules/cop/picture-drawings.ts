import { JOINT_COMMAND_POSTS } from '@enlace/access';
import { PICTURE_COLORS } from '@enlace/contracts';
import type { TAreaGeoJson, TCopDrawing, TTrack, TUnit } from '@enlace/contracts';
import type { TPictureIncident } from '../incidents/list-picture-incidents.ts';
import type { LawfulArea } from './lawful-areas.ts';

/**
 * The command post's items as drawings for TAK clients (pure): units at their last position or home, recent
 * incidents as points, legal areas and lawful task areas in force as polygons. Each carries its record's labels and the permission a
 * receiver needs; the CoT gateway checks both for every client before sending.
 */

/** How long phones keep a drawing without a refresh; the publisher renews them well before. */
export const PICTURE_STALE_SECONDS = 900;


/** CoT atom of a unit of each force (friendly ground unit; the navy's on the sea surface). */
const UNIT_TYPES: Record<TUnit['force'], string> = {
  PNP: 'a-f-G-U-C',
  EP: 'a-f-G-U-C',
  MGP: 'a-f-S-X',
  FAP: 'a-f-G-U-C',
  CCFFAA: 'a-f-G-U-C',
};

/** Where a unit is shown and in what state: its last reported position, else its home base. */
export interface UnitPlace {
  lon: number;
  lat: number;
  status: string;
}

/**
 * Where to show a unit: nowhere when one of its tracks is live (the track already shows it on the phones), at its
 * latest stale track with that track's status, else at its home base (status `en_base`).
 */
export function unitPlace(unit: Pick<TUnit, 'home'>, tracks: readonly TTrack[], now: number): UnitPlace | null {
  let latest: TTrack | undefined;
  for (const t of tracks) {
    if (Date.parse(t.stale) >= now) return null;
    if (!latest || t.time > latest.time) latest = t;
  }
  if (latest) return { lon: latest.lon, lat: latest.lat, status: latest.status ?? 'sin_reporte' };
  return unit.home ? { lon: unit.home.lon, lat: unit.home.lat, status: 'en_base' } : null;
}

/** A unit as a CoT unit point (`a-f-G-U-C`), callsign its short name, force and status in the remarks. */
export function unitDrawing(unit: TUnit, place: UnitPlace): TCopDrawing {
  return {
    uid: `ENLACE-UNIT-${unit.id}`,
    name: unit.shortName.slice(0, 200),
    geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
    cotType: UNIT_TYPES[unit.force],
    remarks: `${unit.name} · ${unit.force} · ${unit.echelon} · estado: ${place.status}`.slice(0, 2000),
    staleSeconds: PICTURE_STALE_SECONDS,
    permission: 'unit:read',
    agency: unit.agency,
    classification: unit.classification,
  };
}

/** A recent incident as a spot marker: crime type and time; nothing that could name a person. */
export function incidentDrawing(i: TPictureIncident): TCopDrawing {
  const at = `${i.occurredAt.slice(0, 16).replace('T', ' ')}`;
  const exercise = i.exercise ? '[EJERCICIO] ' : '';
  return {
    uid: `ENLACE-INCIDENT-${i.id}`,
    name: `${exercise}${i.crimeType} ${at.slice(11)}`,
    geometry: { type: 'Point', coordinates: [i.location.lon, i.location.lat] },
    cotType: 'b-m-p-s-m',
    remarks: `${exercise}Incidente ${i.crimeType} · ${at}${i.ubigeo ? ` · distrito ${i.ubigeo}` : ''}`,
    staleSeconds: PICTURE_STALE_SECONDS,
    permission: 'incident:read',
    agency: i.agency,
    classification: i.classification,
  };
}

/** What a legal area drawing needs of its instrument. */
export interface LegalAreaSource {
  id: string;
  kind: string;
  number?: string | undefined;
  title?: string | undefined;
  scenario?: string | undefined;
  validFrom: string;
  validTo: string;
  agency: TCopDrawing['agency'];
  classification: TCopDrawing['classification'];
}

/** The area of a legal instrument in force as polygon drawings, coloured by scenario, validity in the remarks. */
export function legalAreaDrawing(i: LegalAreaSource, area: TAreaGeoJson): TCopDrawing {
  const color = (i.scenario && (PICTURE_COLORS.scenario as Record<string, string>)[i.scenario]) || PICTURE_COLORS.noScenario;
  const label = i.number ?? i.id;
  return {
    uid: `ENLACE-LEGAL-${i.id}`,
    name: `${label}`.slice(0, 200),
    geometry: area,
    stroke: color,
    fill: `${color}33`,
    remarks: `${i.kind} ${label} · vigente ${i.validFrom} – ${i.validTo}${i.title ? ` · ${i.title}` : ''}`.slice(0, 2000),
    staleSeconds: PICTURE_STALE_SECONDS,
    permission: 'legal:read',
    agency: i.agency,
    classification: i.classification,
  };
}

/** Colour of a lawful task area (`PICTURE_COLORS`). */
export const TASK_AREA_COLOR = PICTURE_COLORS.taskArea;

/**
 * Where a unit is lawfully tasked (a stored evaluation that allowed it, possibly with conditions) as a polygon drawing
 * named for the unit, the task and the legal basis, labelled with the evaluation's agency and classification and
 * shared with the joint command posts (the PNP coordinates every military task; `JOINT_COMMAND_POSTS`). A receiver
 * gets it only with geofence:read at that classification through one of those agencies. Phones drop it by themselves
 * when the period ends, even if no removal reaches them.
 */
export function taskAreaDrawing(a: LawfulArea, now: number): TCopDrawing {
  const unit = a.unitName ?? `unidad ${a.unitId.slice(0, 8)}`;
  const basis = a.legalBasis.join(', ') || 'sin base legal registrada';
  const decision = a.decision === 'conditional' ? 'autorizada con condiciones' : 'autorizada';
  const untilEnd = Math.floor((a.to - now) / 1000);
  return {
    uid: `ENLACE-TASK-${a.evaluationId}`,
    name: `Área de tarea: ${unit} – ${a.task} (${basis})`.slice(0, 200),
    geometry: a.geometry,
    stroke: TASK_AREA_COLOR,
    fill: `${TASK_AREA_COLOR}22`,
    remarks: `Tarea ${a.task} de ${unit}, ${decision} · base legal: ${basis} · vigente ${a.start} – ${a.end} · evaluación ${a.evaluationId}`.slice(0, 2000),
    staleSeconds: Math.max(10, Math.min(PICTURE_STALE_SECONDS, untilEnd)),
    permission: 'geofence:read',
    agency: a.agency,
    classification: a.classification,
    audience: JOINT_COMMAND_POSTS.filter((agency) => agency !== a.agency),
  };
}
