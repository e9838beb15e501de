import type { TAreaGeoJson } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { getAreaGeometry } from '../geography/get-area-geometry.ts';
import { listEvaluations } from '../legal/list-evaluations.ts';

/** Where a unit may lawfully act, from a stored tasking evaluation that allowed it (possibly with conditions). */
export interface LawfulArea {
  unitId: string;
  evaluationId: string;
  legalBasis: string[];
  geometry: TAreaGeoJson;
  /** Validity, ms since epoch (a date means the whole day in America/Lima). */
  from: number;
  to: number;
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

const LIMA_OFFSET = '-05:00';
const bound = (s: string, end: boolean): number =>
  /^\d{4}-\d{2}-\d{2}$/.test(s)
    ? Date.parse(`${s}T${end ? '23:59:59.999' : '00:00:00.000'}${LIMA_OFFSET}`)
    : Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(s) ? s : `${s}${LIMA_OFFSET}`);

type Polygon = TAreaGeoJson extends infer G ? (G extends { type: 'Polygon'; coordinates: infer C } ? C : never) : never;
const polygonsOf = (g: TAreaGeoJson): Polygon[] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

interface EvaluationInput {
  unit?: { id?: unknown };
  area?: { ubigeo?: unknown; geometry?: TAreaGeoJson };
  start?: unknown;
  end?: unknown;
}

/**
 * The lawful areas of units from the newest stored tasking evaluations (legal module's use-case), whose period has
 * not ended: decision allowed or conditional, the unit identified, the area made of its polygon and the boundaries
 * of its UBIGEOs (geography module's use-case, about 50 m simplified).
 */
export async function loadLawfulAreas(ctx: AppContext, now = Date.now()): Promise<LawfulArea[]> {
  const evaluations = await listEvaluations({ ctx, actor: WATCHER, limit: 1000 });
  const areas: LawfulArea[] = [];
  const boundaries = new Map<string, Polygon[]>();
  for (const e of evaluations) {
    if (e.decision === 'denied') continue;
    const input = (e.input ?? {}) as EvaluationInput;
    const unitId = typeof input.unit?.id === 'string' ? input.unit.id : null;
    if (!unitId || typeof input.start !== 'string' || typeof input.end !== 'string') continue;
    const [from, to] = [bound(input.start, false), bound(input.end, true)];
    if (!Number.isFinite(from) || !Number.isFinite(to) || to < now) continue;
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
    areas.push({ unitId, evaluationId: e.id, legalBasis: e.result.legalBasis, geometry: { type: 'MultiPolygon', coordinates: polygons }, from, to });
  }
  return areas;
}
