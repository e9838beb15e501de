import { BASIS_KINDS } from '@enlace/rules';
import type { TInstrumentRecord } from './legal-api.ts';

/** Where an instrument stands on a given day (America/Lima dates, compared as ISO strings). */
export type TValidity = 'in_force' | 'expired' | 'upcoming' | 'revoked';

type TDated = Pick<TInstrumentRecord, 'validFrom' | 'validTo'> & Partial<Pick<TInstrumentRecord, 'revocation'>>;

/** Revoked from the revocation day on (before it, the instrument stands as its dates say). */
export const validityOn = (i: TDated, today: string): TValidity =>
  i.revocation && i.revocation.revokedOn <= today ? 'revoked' : i.validTo < today ? 'expired' : i.validFrom > today ? 'upcoming' : 'in_force';

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
export const addDays = (iso: string, n: number): string => isoOfDay(dayNumber(iso) + n);

/** The last day an instrument has force: its own last day, or the day before its revocation when earlier. */
export const effectiveTo = (i: TDated): string => {
  const revoked = i.revocation ? addDays(i.revocation.revokedOn, -1) : null;
  return revoked !== null && revoked < i.validTo ? revoked : i.validTo;
};

/**
 * The registry with revocations carried down the extension chains, as the server's evaluator applies them: an extension
 * of an instrument revoked from day D falls on D too (its `revocation` names the revoked link in `inheritedFrom`).
 */
export function withChainRevocations(instruments: readonly TInstrumentRecord[]): TInstrumentRecord[] {
  if (!instruments.some((i) => i.revocation)) return [...instruments];
  const byId = new Map(instruments.map((i) => [i.id, i]));
  const inherited = (i: TInstrumentRecord): TInstrumentRecord['revocation'] => {
    let best = i.revocation;
    let current = i.extends ? byId.get(i.extends) : undefined;
    for (let hops = 0; current && hops < 100; hops++) {
      const r = current.revocation;
      if (r && (!best || r.revokedOn < best.revokedOn)) best = { ...r, inheritedFrom: current.id };
      current = current.extends ? byId.get(current.extends) : undefined;
    }
    return best;
  };
  return instruments.map((i) => {
    const revocation = inherited(i);
    return revocation === i.revocation ? i : { ...i, revocation };
  });
}

export { limaToday } from '../../app/lima-time.ts';

/** In force today and ending within `alertDays` days (inclusive). */
export const isExpiring = (i: TDated, today: string, alertDays: number): boolean =>
  validityOn(i, today) === 'in_force' && daysBetween(today, effectiveTo(i)) <= alertDays;

const BASIS = new Set<string>(BASIS_KINDS);
export const isBasis = (i: Pick<TInstrumentRecord, 'kind'>): boolean => BASIS.has(i.kind);

/** The first instrument of an extension chain (the decree it all extends), following `extends` among those given. */
export function chainRootOf(i: TInstrumentRecord, byId: ReadonlyMap<string, TInstrumentRecord>): TInstrumentRecord {
  let current = i;
  for (let hops = 0; current.extends && hops < 100; hops++) {
    const parent = byId.get(current.extends);
    if (!parent) break;
    current = parent;
  }
  return current;
}

/** The area a basis applies: its own, or the nearest decree up its chain that states one. */
export function effectiveArea(i: TInstrumentRecord, byId: ReadonlyMap<string, TInstrumentRecord>): TInstrumentRecord['area'] | undefined {
  let current: TInstrumentRecord | undefined = i;
  for (let hops = 0; current && hops < 100; hops++) {
    if ((current.area?.ubigeo?.length ?? 0) > 0 || current.area?.geometry) return current.area;
    current = current.extends ? byId.get(current.extends) : undefined;
  }
  return undefined;
}

/** One bar of the timeline: one decree, extension or resolution. */
export interface TTimelineBar {
  id: string;
  label: string;
  kind: TInstrumentRecord['kind'];
  from: string;
  to: string;
  validity: TValidity;
  expiring: boolean;
  exercise: boolean;
  /** The revocation day, when it or a link it extends was revoked (the bar then ends the day before). */
  revokedOn?: string;
}

/** Lanes of the supporting instruments under a chain: the RUF, the MINDEF/CCFFAA directive, the CCO plan. */
export const SUPPORT_LANES = ['RUF', 'DIRECTIVA', 'PLAN_CCO'] as const;
const laneOf = (kind: TInstrumentRecord['kind']): number => (kind === 'RUF' ? 0 : kind === 'PLAN_CCO' ? 2 : 1);

/** One row: a decree and its chain of extensions (or a resolution alone), with the days missing between links. */
export interface TTimelineRow {
  rootId: string;
  label: string;
  scenario: TInstrumentRecord['scenario'];
  bars: TTimelineBar[];
  /** The RUF, directives and CCO plans that apply to a link of the chain, by lane (see SUPPORT_LANES). */
  support: { lane: number; bar: TTimelineBar }[];
  gaps: { from: string; to: string }[];
  from: string;
  to: string;
}

export interface TTimeline {
  rows: TTimelineRow[];
  from: string;
  to: string;
}

/**
 * The validity timeline of the legal bases: one row per chain (a decree and the extensions that follow it, or an RS),
 * newest chains first, with the gaps between consecutive links, the links in force that expire within `alertDays`,
 * and the RUF, directives and CCO plans applying to the chain. The span always includes today.
 */
export function buildTimeline(instruments: readonly TInstrumentRecord[], today: string, alertDays: number): TTimeline {
  const bases = instruments.filter(isBasis);
  const supporting = instruments.filter((i) => !isBasis(i));
  // A link revoked before its first day keeps its own dates, drawn as revoked; any other ends before its revocation.
  const endOf = (i: TInstrumentRecord): string => (effectiveTo(i) < i.validFrom ? i.validTo : effectiveTo(i));
  const barOf = (i: TInstrumentRecord): TTimelineBar => ({
    id: i.id,
    label: i.number ?? i.id,
    kind: i.kind,
    from: i.validFrom,
    to: endOf(i),
    validity: validityOn(i, today),
    expiring: isExpiring(i, today, alertDays),
    exercise: i.exercise,
    ...(i.revocation ? { revokedOn: i.revocation.revokedOn } : {}),
  });
  const inForceDays = (i: TInstrumentRecord): boolean => effectiveTo(i) >= i.validFrom;
  const byId = new Map(bases.map((i) => [i.id, i]));
  const chains = new Map<string, TInstrumentRecord[]>();
  for (const i of bases) {
    const root = chainRootOf(i, byId);
    chains.set(root.id, [...(chains.get(root.id) ?? []), i]);
  }
  const rows: TTimelineRow[] = [...chains.entries()].map(([rootId, members]) => {
    const sorted = [...members].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
    const root = byId.get(rootId)!;
    const gaps: { from: string; to: string }[] = [];
    // Gaps between the days in force: a link that fell by a revocation before its first day does not close one.
    const live = sorted.filter(inForceDays);
    let reach = live[0] ? effectiveTo(live[0]) : sorted[0]!.validTo;
    for (const link of live.slice(1)) {
      if (daysBetween(reach, link.validFrom) > 1) gaps.push({ from: addDays(reach, 1), to: addDays(link.validFrom, -1) });
      if (effectiveTo(link) > reach) reach = effectiveTo(link);
    }
    for (const link of sorted) if (endOf(link) > reach) reach = endOf(link);
    return {
      rootId,
      label: root.number ?? root.id,
      scenario: root.scenario,
      bars: sorted.map(barOf),
      support: supporting
        .filter((i) => (i.appliesTo ?? []).some((id) => members.some((m) => m.id === id)))
        .map((i) => ({ lane: laneOf(i.kind), bar: barOf(i) })),
      gaps,
      from: sorted[0]!.validFrom,
      to: reach,
    };
  });
  rows.sort((a, b) => (a.from > b.from ? -1 : a.from < b.from ? 1 : a.rootId.localeCompare(b.rootId)));
  const from = rows.reduce((min, r) => (r.from < min ? r.from : min), today);
  const to = rows.reduce((max, r) => (r.to > max ? r.to : max), today);
  return { rows, from, to };
}
