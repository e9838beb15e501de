import { classificationRank } from '@enlace/contracts';
import type { TClassification, TGeofence, TTrack } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { copRuntime } from './cop-runtime.ts';
import { loadLawfulAreas } from './lawful-areas.ts';
import { pointInArea } from './point-in-area.ts';
import { raiseAlert } from './raise-alert.ts';

/** Whether a geofence watches a track: tracks of the forces (a force or a unit), filtered by its force and unit lists. */
export function watches(g: TGeofence, t: TTrack): boolean {
  if (!g.active || (t.force === null && t.unitId === null)) return false;
  if (g.forces.length > 0 && (t.force === null || !g.forces.includes(t.force))) return false;
  if (g.unitIds.length > 0 && (t.unitId === null || !g.unitIds.includes(t.unitId))) return false;
  return true;
}

const higher = (a: TClassification, b: TClassification): TClassification =>
  classificationRank(a) >= classificationRank(b) ? a : b;

/**
 * Raises an alert when a watched track crosses a geofence: leaving an area that raises on exit (the area in which
 * the unit may lawfully act) or entering one that raises on entry. Only crossings count (previous position inside,
 * new one outside, or the reverse), so a unit standing outside raises one alert, not one per report.
 */
export async function watchGeofences(ctx: AppContext, changed: readonly { track: TTrack; previous: TTrack | undefined }[]): Promise<void> {
  const rt = copRuntime(ctx);
  await watchLawfulAreas(ctx, changed.filter((c) => c.track.unitId !== null));
  const candidates = changed.filter((c) => c.previous && (c.track.force !== null || c.track.unitId !== null));
  if (candidates.length === 0) return;
  const geofences = await rt.activeGeofences();
  for (const { track, previous } of candidates) {
    for (const g of geofences) {
      if (!watches(g, track)) continue;
      const was = pointInArea(previous!.lon, previous!.lat, g.geometry);
      const is = pointInArea(track.lon, track.lat, g.geometry);
      const exit = was && !is && g.trigger !== 'enter';
      const enter = !was && is && g.trigger !== 'exit';
      if (!exit && !enter) continue;
      const kind = exit ? 'area_exit' : 'area_enter';
      const who = `${track.callsign}${track.force ? ` (${track.force})` : ''}`;
      await raiseAlert(ctx, {
        kind,
        trackUid: track.uid,
        callsign: track.callsign,
        ...(track.unitId ? { unitId: track.unitId } : {}),
        ...(track.force ? { force: track.force } : {}),
        geofenceId: g.id,
        lat: track.lat,
        lon: track.lon,
        message: exit
          ? {
              es: `${who} salió del área «${g.name}», en la que está autorizado a operar${g.instrumentId ? ` (base legal: ${g.instrumentId})` : ''}.`,
              en: `${who} left the area "${g.name}" in which it is authorised to operate${g.instrumentId ? ` (legal basis: ${g.instrumentId})` : ''}.`,
            }
          : { es: `${who} ingresó al área restringida «${g.name}».`, en: `${who} entered the restricted area "${g.name}".` },
        agency: track.agency,
        audience: [g.agency],
        classification: higher(track.classification, g.classification),
        exercise: g.exercise,
        dedupeKey: `${kind}:${g.id}:${track.uid}:${track.time}`,
      });
    }
  }
}

/**
 * Raises an alert when a unit's track leaves every area in which a stored tasking evaluation allows it to act
 * (or first appears outside them), citing the legal basis. Units without a current evaluation are not judged here
 * (drawn geofences cover them).
 */
async function watchLawfulAreas(ctx: AppContext, changed: readonly { track: TTrack; previous: TTrack | undefined }[]): Promise<void> {
  if (changed.length === 0) return;
  const areas = await copRuntime(ctx).lawfulAreas(() => loadLawfulAreas(ctx));
  for (const { track, previous } of changed) {
    const time = Date.parse(track.time);
    const mine = areas.filter((a) => a.unitId === track.unitId && a.from <= time && time <= a.to);
    if (mine.length === 0) continue;
    const inside = (t: TTrack): boolean => mine.some((a) => pointInArea(t.lon, t.lat, a.geometry));
    if (inside(track) || (previous && !inside(previous))) continue;
    const basis = [...new Set(mine.flatMap((a) => a.legalBasis))].join(', ') || '-';
    const who = `${track.callsign}${track.force ? ` (${track.force})` : ''}`;
    await raiseAlert(ctx, {
      kind: 'area_exit',
      trackUid: track.uid,
      callsign: track.callsign,
      unitId: track.unitId!,
      ...(track.force ? { force: track.force } : {}),
      lat: track.lat,
      lon: track.lon,
      message: {
        es: `${who} está fuera del área en la que su tarea fue evaluada como legal (base legal: ${basis}; evaluación ${mine[0]!.evaluationId}).`,
        en: `${who} is outside the area in which its task was evaluated as lawful (legal basis: ${basis}; evaluation ${mine[0]!.evaluationId}).`,
      },
      agency: track.agency,
      classification: higher(track.classification, 'CONFIDENCIAL'),
      dedupeKey: `lawful_exit:${track.uid}:${track.time}`,
    });
  }
}
