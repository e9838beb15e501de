import { AGENCY_CODES, CLASSIFICATIONS } from '@enlace/contracts';
import type { TAreaGeoJson, TCopDrawing } from '@enlace/contracts';
import { BASIS_KINDS } from '@enlace/rules';
import type { AppContext } from '../../platform/context.ts';
import { readChangeVersions } from '../../platform/db/change-versions.ts';
import { getAreaGeometry } from '../geography/get-area-geometry.ts';
import type { TInstrumentRecord } from '../legal/legal.schemas.ts';
import { readableRegistry } from '../legal/registry-cache.ts';
import { legalAreaDrawing } from './picture-drawings.ts';

const ALL_LABELS = AGENCY_CODES.flatMap((agency) => CLASSIFICATIONS.map((classification) => ({ agency, classification })));
const BASIS = new Set<string>(BASIS_KINDS);

type Polygon = TAreaGeoJson extends infer G ? (G extends { type: 'Polygon'; coordinates: infer C } ? C : never) : never;
const polygonsOf = (g: TAreaGeoJson): Polygon[] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Today in America/Lima (UTC-5 all year), as the registry's validity dates are written. */
const limaToday = (now: number): string => new Date(now - 5 * 3_600_000).toISOString().slice(0, 10);

/** The nearest instrument up the extension chain (itself first) that states an area or a scenario. */
function upChain<T>(i: TInstrumentRecord, byId: ReadonlyMap<string, TInstrumentRecord>, pick: (i: TInstrumentRecord) => T | undefined): T | undefined {
  let current: TInstrumentRecord | undefined = i;
  for (let hops = 0; current && hops < 100; hops++) {
    const value = pick(current);
    if (value !== undefined) return value;
    current = current.extends ? byId.get(current.extends) : undefined;
  }
  return undefined;
}

/**
 * The legal bases in force today (state-of-emergency decrees, their extensions and supreme resolutions; not
 * exercises), each with its area: its polygons plus the reference boundaries of its UBIGEOs (about 50 m
 * simplified), inherited from the decree it extends when it states none.
 */
export async function loadLegalAreas(ctx: AppContext, now: number): Promise<TCopDrawing[]> {
  const versions = await readChangeVersions(ctx.db);
  const registry = await readableRegistry(ctx.db, ALL_LABELS, versions.legal_registry);
  const byId = new Map(registry.map((i) => [i.id, i]));
  const today = limaToday(now);
  const boundaries = new Map<string, Polygon[]>();
  const out: TCopDrawing[] = [];
  for (const i of registry) {
    if (!BASIS.has(i.kind) || i.exercise || i.validFrom > today || i.validTo < today) continue;
    const area = upChain(i, byId, (x) => ((x.area?.ubigeo?.length ?? 0) > 0 || x.area?.geometry ? x.area : undefined));
    const polygons: Polygon[] = area?.geometry ? polygonsOf(area.geometry) : [];
    for (const ubigeo of area?.ubigeo ?? []) {
      if (!boundaries.has(ubigeo)) {
        const g = await getAreaGeometry({ db: ctx.db, ubigeo, tolerance: 0.0005 });
        boundaries.set(ubigeo, g?.geometry ? polygonsOf(g.geometry) : []);
      }
      polygons.push(...boundaries.get(ubigeo)!);
    }
    if (polygons.length === 0) continue;
    const scenario = upChain(i, byId, (x) => x.scenario);
    out.push(legalAreaDrawing({ ...i, scenario }, { type: 'MultiPolygon', coordinates: polygons }));
  }
  return out;
}
