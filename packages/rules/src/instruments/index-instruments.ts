import type { TControlAuthority, TInstrumentKind } from '../codes.ts';
import { BASIS_KINDS, SUPPORTING_KINDS } from '../codes.ts';
import { dayOf } from '../dates.ts';
import type { TArea, TInstrument, TOversight } from './instrument.schema.ts';

/**
 * An instrument with what it inherits filled in: an extension (prórroga) takes scenario, area, rights, control
 * authority, S4 ground, coordinating authority and oversight contacts from the decree it extends unless it states
 * them. The Congress notice is never inherited: each decree is reported on its own.
 */
export interface TEffectiveInstrument extends TInstrument {
  /** Ids from the original decree to this one; `[id]` for an instrument that extends nothing. */
  readonly chain: readonly string[];
  /** True when following `extends` led back to this instrument. */
  readonly inCycle: boolean;
  readonly fromDay: number;
  readonly toDay: number;
  readonly restrictedRights: string[];
  readonly controlAuthority?: TControlAuthority;
}

/** Instruments resolved once and looked up many times (cached per input array). */
export interface TInstrumentIndex {
  readonly byId: ReadonlyMap<string, TEffectiveInstrument>;
  /** Emergency decrees, extensions and supreme resolutions. */
  readonly bases: readonly TEffectiveInstrument[];
  /** Bases by each UBIGEO code of their area (a request code looks up its 2-, 4- and 6-digit prefixes). */
  readonly basesByUbigeo: ReadonlyMap<string, readonly TEffectiveInstrument[]>;
  /** Bases whose area includes a polygon. */
  readonly basesWithGeometry: readonly TEffectiveInstrument[];
  /** Each basis with a polygon and its position in `basesWithGeometry`. */
  readonly geometryRank: ReadonlyMap<TEffectiveInstrument, number>;
  /** Each basis with what `supportingFor` gives it, resolved once. */
  readonly supportingByBasis: ReadonlyMap<TEffectiveInstrument, readonly TEffectiveInstrument[]>;
  /** RUF, directives and CCO plans, by the id each one names in `appliesTo`. */
  readonly supportingByTarget: ReadonlyMap<string, readonly TEffectiveInstrument[]>;
  /** Extensions by the id of the instrument they extend. */
  readonly extensionsOf: ReadonlyMap<string, readonly TEffectiveInstrument[]>;
}

export const isBasisKind = (kind: TInstrumentKind): boolean => (BASIS_KINDS as readonly TInstrumentKind[]).includes(kind);
export const isSupportingKind = (kind: TInstrumentKind): boolean =>
  (SUPPORTING_KINDS as readonly TInstrumentKind[]).includes(kind);

const cache = new WeakMap<readonly TInstrument[], TInstrumentIndex>();

/** Resolves extension chains and inheritance. The first instrument wins when two share an id. */
export function indexInstruments(instruments: readonly TInstrument[]): TInstrumentIndex {
  const cached = cache.get(instruments);
  if (cached) return cached;
  const raw = new Map<string, TInstrument>();
  for (const i of instruments) if (!raw.has(i.id)) raw.set(i.id, i);
  const byId = new Map<string, TEffectiveInstrument>();
  const resolve = (id: string, visiting: Set<string>): TEffectiveInstrument | undefined => {
    const done = byId.get(id);
    if (done) return done;
    const own = raw.get(id);
    if (!own) return undefined;
    const parentId = own.extends ?? undefined;
    const cycle = parentId !== undefined && visiting.has(parentId);
    const parent = parentId === undefined || cycle ? undefined : resolve(parentId, new Set(visiting).add(id));
    const effective = inherit(own, parent, cycle);
    byId.set(id, effective);
    return effective;
  };
  for (const id of raw.keys()) resolve(id, new Set([id]));

  const bases: TEffectiveInstrument[] = [];
  const basesByUbigeo = new Map<string, TEffectiveInstrument[]>();
  const basesWithGeometry: TEffectiveInstrument[] = [];
  const supportingByTarget = new Map<string, TEffectiveInstrument[]>();
  const extensionsOf = new Map<string, TEffectiveInstrument[]>();
  for (const i of byId.values()) {
    if (isBasisKind(i.kind)) {
      bases.push(i);
      for (const code of new Set(i.area?.ubigeo ?? [])) push(basesByUbigeo, code, i);
      if (i.area?.geometry) basesWithGeometry.push(i);
    }
    if (isSupportingKind(i.kind)) for (const target of new Set(i.appliesTo ?? [])) push(supportingByTarget, target, i);
    if (i.extends) push(extensionsOf, i.extends, i);
  }
  const geometryRank = new Map(basesWithGeometry.map((b, i) => [b, i]));
  const supportingByBasis = new Map<TEffectiveInstrument, readonly TEffectiveInstrument[]>();
  for (const b of bases) supportingByBasis.set(b, supportingAlong(supportingByTarget, b));
  const index: TInstrumentIndex = {
    byId,
    bases,
    basesByUbigeo,
    basesWithGeometry,
    geometryRank,
    supportingByBasis,
    supportingByTarget,
    extensionsOf,
  };
  cache.set(instruments, index);
  return index;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function inherit(own: TInstrument, parent: TEffectiveInstrument | undefined, inCycle: boolean): TEffectiveInstrument {
  const pick = <K extends keyof TInstrument>(key: K): TInstrument[K] => own[key] ?? parent?.[key];
  const area: TArea | undefined = pick('area');
  const oversight: TOversight | undefined =
    parent?.oversight || own.oversight
      ? { ...withoutCongress(parent?.oversight), ...own.oversight }
      : undefined;
  const controlAuthority =
    pick('controlAuthority') ?? (own.kind === 'RESOLUCION_SUPREMA' ? ('PNP' as const) : undefined);
  // Object.assign, not a spread: V8 gives spread-cloned objects a slow map, and the evaluator reads these in loops.
  return Object.assign({}, own, {
    scenario: pick('scenario'),
    ground: pick('ground'),
    pnpCapacity: pick('pnpCapacity'),
    area,
    // Only a decree restricts rights, so only a decree's extension inherits them: a resolution that wrongly names a
    // decree as its parent is refused for that, and is not also charged with the decree's restrictions.
    restrictedRights: own.restrictedRights ?? (own.kind === 'RESOLUCION_SUPREMA' ? [] : parent?.restrictedRights) ?? [],
    controlAuthority,
    pnpCoordinatingAuthority: pick('pnpCoordinatingAuthority'),
    oversight,
    chain: parent ? [...parent.chain, own.id] : [own.id],
    inCycle,
    fromDay: dayOf(own.validFrom),
    toDay: dayOf(own.validTo),
  });
}

function withoutCongress(oversight: TOversight | undefined): TOversight {
  if (!oversight) return {};
  const { congressNotifiedOn: _ignored, ...rest } = oversight;
  return rest;
}

/** RUF, directives and plans that apply to a basis: those naming it or any decree earlier in its chain. */
export function supportingFor(index: TInstrumentIndex, basis: TEffectiveInstrument): TEffectiveInstrument[] {
  return [...(index.supportingByBasis.get(basis) ?? supportingAlong(index.supportingByTarget, basis))];
}

function supportingAlong(
  supportingByTarget: ReadonlyMap<string, readonly TEffectiveInstrument[]>,
  basis: TEffectiveInstrument,
): TEffectiveInstrument[] {
  const out = new Set<TEffectiveInstrument>();
  for (const id of basis.chain) for (const s of supportingByTarget.get(id) ?? []) out.add(s);
  return [...out];
}
