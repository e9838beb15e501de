import type { TAgencyCode, TAreaGeoJson, TClassification } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { getAreaGeometry } from '../geography/get-area-geometry.ts';
import { dayBefore } from '../legal/effective-registry.ts';
import { listEvaluationsForPicture } from '../legal/list-evaluations-for-picture.ts';

/** Where a unit may lawfully act, from a stored tasking evaluation that allowed it (possibly with conditions). */
export interface LawfulArea {
  unitId: string;
  /** The unit's name as the evaluation states it (from the request or the unit's records), when it does. */
  unitName: string | null;
  /** The task evaluated (catalogue code, e.g. `PATRULLAJE_CONJUNTO`). */
  task: string;
  evaluationId: string;
  decision: 'allowed' | 'conditional';
  legalBasis: string[];
  geometry: TAreaGeoJson;
  /** Validity, ms since epoch (a date means the whole day in America/Lima). */
  from: number;
  to: number;
  /** The period as the request wrote it. */
  start: string;
  end: string;
  /** The evaluation's labels: whoever may not read the evaluation is not shown its area. */
  agency: TAgencyCode;
  classification: TClassification;
}

/**
 * The reader of stored evaluations for the watcher: a system identity with read access to every agency's
 * evaluations (as oversight has, Ley 26520 art. 16), so no unit escapes the check. Its reads are audited by the
 * legal module like anyone's.
 */
const WATCHER: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'cop-lawful-area-watch',
  displayName: 'Vigilancia de áreas autorizadas',
  role: 'oversight',
  agency: 'DP',
  clearance: 'SECRETO',
  language: 'es',
  sessionHash: '',
};

/**
 * The most evaluations read for the picture. Only those that can still place a unit are read (taskings not yet
 * ended and the newer evaluations of the same unit and task), so this bounds one reading, not the registry's history.
 */
const MAX_EVALUATIONS = 20_000;

const LIMA_OFFSET = '-05:00';
const bound = (s: string, end: boolean): number =>
  /^\d{4}-\d{2}-\d{2}$/.test(s)
    ? Date.parse(`${s}T${end ? '23:59:59.999' : '00:00:00.000'}${LIMA_OFFSET}`)
    : Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(s) ? s : `${s}${LIMA_OFFSET}`);

type Polygon = TAreaGeoJson extends infer G ? (G extends { type: 'Polygon'; coordinates: infer C } ? C : never) : never;
const polygonsOf = (g: TAreaGeoJson): Polygon[] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

interface EvaluationInput {
  unit?: { id?: unknown; name?: unknown };
  task?: unknown;
  area?: { ubigeo?: unknown; geometry?: TAreaGeoJson };
  start?: unknown;
  end?: unknown;
}

/**
 * The lawful areas of units from the stored tasking evaluations that can still place one (legal module's use-case),
 * however many others were stored since, whose period has not ended: decision allowed or conditional, the unit identified, the area made of its polygon and the boundaries
 * of its UBIGEOs (geography module's use-case, about 50 m simplified). An evaluation is superseded by any newer
 * evaluation of the same unit and task whose period overlaps its own, whatever that one decided: the newest decision
 * about that unit, task and time is the one in force (a re-evaluation that now denies withdraws the area).
 */
export async function loadLawfulAreas(ctx: AppContext, now = Date.now()): Promise<LawfulArea[]> {
  const { evaluations, revokedOn, truncated } = await listEvaluationsForPicture({ ctx, reader: WATCHER, limit: MAX_EVALUATIONS }); // newest first
  if (truncated) ctx.log.warn({ limit: MAX_EVALUATIONS }, 'lawful areas: more evaluations still in force than read; the oldest are left out');
  const areas: LawfulArea[] = [];
  const boundaries = new Map<string, Polygon[]>();
  /** Periods already decided by newer evaluations, per unit and task. */
  const decided = new Map<string, [number, number][]>();
  for (const e of evaluations) {
    const input = (e.input ?? {}) as EvaluationInput;
    const unitId = typeof input.unit?.id === 'string' ? input.unit.id : null;
    if (!unitId || typeof input.start !== 'string' || typeof input.end !== 'string') continue;
    const from = bound(input.start, false);
    const requestedTo = bound(input.end, true);
    if (!Number.isFinite(from) || !Number.isFinite(requestedTo)) continue;
    // A revoked basis ends the tasking from the revocation day (Lima): the unit is no longer lawfully there.
    const revocation = e.result.legalBasis.map((id) => revokedOn.get(id)).filter((d): d is string => d !== undefined).sort()[0];
    const to = revocation ? Math.min(requestedTo, bound(revocation, false) - 1) : requestedTo;
    const task = typeof input.task === 'string' ? input.task : '';
    const key = `${unitId}\u0000${task}`;
    const periods = decided.get(key) ?? [];
    const superseded = periods.some(([f, t]) => f <= requestedTo && from <= t);
    periods.push([from, requestedTo]);
    decided.set(key, periods);
    if (superseded || e.decision === 'denied' || to < now || to < from) continue;
    const polygons: Polygon[] = input.area?.geometry ? polygonsOf(input.area.geometry) : [];
    const ubigeos = Array.isArray(input.area?.ubigeo) ? input.area.ubigeo.filter((u): u is string => typeof u === 'string') : [];
    for (const ubigeo of ubigeos) {
      if (!boundaries.has(ubigeo)) {
        const g = await getAreaGeometry({ db: ctx.db, ubigeo, tolerance: 0.0005 });
        boundaries.set(ubigeo, g?.geometry ? polygonsOf(g.geometry) : []);
      }
      polygons.push(...boundaries.get(ubigeo)!);
    }
    if (polygons.length === 0) continue;
    areas.push({
      unitId,
      unitName: typeof input.unit?.name === 'string' && input.unit.name.trim() !== '' ? input.unit.name.trim() : null,
      task,
      evaluationId: e.id,
      decision: e.decision,
      legalBasis: e.result.legalBasis,
      geometry: { type: 'MultiPolygon', coordinates: polygons },
      from,
      to,
      start: input.start,
      // Cut short by a revocation: the last day is the day before it.
      end: to < requestedTo && revocation ? dayBefore(revocation) : input.end,
      agency: e.agency,
      classification: e.classification,
    });
  }
  return areas;
}
