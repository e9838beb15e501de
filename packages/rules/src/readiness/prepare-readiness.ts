import type { TEquipmentCondition, TPersonStatus } from '@enlace/contracts';
import { EQUIPMENT_CATEGORIES, LETHAL_WEAPONS, TRAINING_AREAS } from '../codes.ts';
import type { TEquipmentCategory, TTask, TTrainingArea } from '../codes.ts';
import { dateOf, limaDayOf } from '../dates.ts';
import type { TEquipmentRequirement, TReadinessStandard } from './readiness-standard.schema.ts';

/**
 * The flat records a readiness computation reads, as the database holds them: one array per table, linked by ids.
 * Everything is indexed once (O(n) over members, certificates and equipment) so that a whole country is one pass.
 */

/** A unit to rate. Without `authorizedStrength` the billets are the members on its roster. */
export interface TReadinessUnitSpec {
  readonly unitId: string;
  /** Billets (authorized strength); null or absent: the roster size. */
  readonly authorizedStrength?: number | null;
  /** The unit's mission-essential task list; absent: the standard's default tasks. */
  readonly tasks?: readonly TTask[] | null;
  /** The unit is reorganising or re-equipping by order: every level is 5. */
  readonly directedResourceAction?: boolean;
  /** Why (the order, what is being reorganised): shown with the C5. */
  readonly directedResourceRemark?: string | null;
}

/** A member serving in a unit (for a seconded member: the unit served today). */
export interface TReadinessMember {
  readonly id: string;
  readonly unitId: string;
  readonly status: TPersonStatus;
  readonly designatedLethal?: boolean;
}

/** A certificate: counts from `validFrom` through `validUntil` inclusive (America/Lima days), unless revoked. */
export interface TReadinessCertificate {
  readonly memberId: string;
  readonly course: TTrainingArea;
  /** ISO date YYYY-MM-DD, the last day it counts. */
  readonly validUntil: string;
  readonly validFrom?: string | null;
  readonly revoked?: boolean;
}

/** An equipment record: a quantity of identical items, or one item by serial. */
export interface TReadinessEquipment {
  readonly id: string;
  readonly unitId: string;
  readonly category: TEquipmentCategory;
  readonly quantity: number;
  readonly condition: TEquipmentCondition;
  readonly assignedTo?: string | null;
  /** The item carries a radio of the net (vehicles). */
  readonly withRadio?: boolean;
}

export interface TReadinessData {
  readonly units: readonly TReadinessUnitSpec[];
  readonly members: readonly TReadinessMember[];
  readonly certificates: readonly TReadinessCertificate[];
  readonly equipment: readonly TReadinessEquipment[];
}

// ---------------------------------------------------------------------------------------------------------------

/** A bit per course code, so that "holds every required course" is one mask comparison. */
export const COURSE_BIT: Readonly<Record<TTrainingArea, number>> = Object.fromEntries(
  TRAINING_AREAS.map((c, i) => [c, 1 << i]),
) as Record<TTrainingArea, number>;

const CATEGORY_INDEX: Readonly<Record<TEquipmentCategory, number>> = Object.fromEntries(
  EQUIPMENT_CATEGORIES.map((c, i) => [c, i]),
) as Record<TEquipmentCategory, number>;

/** Equipment is counted per key: category, and category restricted to items with a radio. */
export const EQUIPMENT_KEYS = EQUIPMENT_CATEGORIES.length * 2;
export const keyOf = (category: TEquipmentCategory, withRadio: boolean): number => CATEGORY_INDEX[category] * 2 + (withRadio ? 1 : 0);
export const categoryOfKey = (key: number): TEquipmentCategory => EQUIPMENT_CATEGORIES[key >> 1] as TEquipmentCategory;

const LETHAL = new Set<TEquipmentCategory>(LETHAL_WEAPONS);

export const maskOf = (courses: readonly TTrainingArea[]): number => courses.reduce((m, c) => m | COURSE_BIT[c], 0);

/** The courses of a mask, in catalogue order. */
export function coursesOf(mask: number): TTrainingArea[] {
  const out: TTrainingArea[] = [];
  for (let i = 0; i < TRAINING_AREAS.length; i++) if (mask & (1 << i)) out.push(TRAINING_AREAS[i] as TTrainingArea);
  return out;
}

export function popcount(mask: number): number {
  let m = mask - ((mask >>> 1) & 0x55555555);
  m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
  return (((m + (m >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A MET of the standard, compiled. */
export interface TCompiledMet {
  readonly task: TTask;
  /** Base courses plus the MET's own. */
  readonly mask: number;
  /** Base requirements merged with the MET's (largest quantity per key). */
  readonly requirements: readonly TEquipmentRequirement[];
}

export interface TCompiledStandard {
  readonly standard: TReadinessStandard;
  readonly baseMask: number;
  readonly counted: ReadonlySet<TPersonStatus>;
  readonly onHand: ReadonlySet<TEquipmentCondition>;
  readonly mets: ReadonlyMap<TTask, TCompiledMet>;
}

export function compileStandard(standard: TReadinessStandard): TCompiledStandard {
  const baseMask = maskOf(standard.personnel.courses);
  const mets = new Map<TTask, TCompiledMet>();
  for (const [task, met] of Object.entries(standard.mets.tasks) as [TTask, NonNullable<TReadinessStandard['mets']['tasks'][TTask]>][]) {
    mets.set(task, { task, mask: baseMask | maskOf(met.courses), requirements: [...standard.equipment, ...met.equipment] });
  }
  return {
    standard,
    baseMask,
    counted: new Set(standard.personnel.countedStatuses),
    onHand: new Set(standard.onHandConditions),
    mets,
  };
}

/** Items a requirement asks of a unit of `strength` billets. An empty unit needs nothing. */
export function requiredQuantity(r: TEquipmentRequirement, strength: number): number {
  if (strength <= 0) return 0;
  let q = Math.ceil(r.perMember * strength - 1e-9) + r.perUnit;
  if (r.perMembers !== null) q += Math.ceil(strength / r.perMembers);
  return Math.max(q, r.minimum);
}

/** Required quantity per equipment key, the largest wins when several requirements name the same key. */
export function requiredByKey(requirements: readonly TEquipmentRequirement[], strength: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of requirements) {
    const key = keyOf(r.category, r.withRadio);
    const q = requiredQuantity(r, strength);
    if (q > (out.get(key) ?? 0)) out.set(key, q);
  }
  return out;
}

/** The indexed data. Arrays are indexed by member index / unit index; members of a unit are contiguous in `order`. */
export interface TPrepared {
  readonly compiled: TCompiledStandard;
  readonly asOf: string;
  readonly units: readonly TReadinessUnitSpec[];
  readonly members: readonly TReadinessMember[];
  readonly equipment: readonly TReadinessEquipment[];
  /** Current course mask per member. */
  readonly masks: Uint32Array;
  /** 1 when the member's status fills a billet. */
  readonly counted: Uint8Array;
  /** 1 when the member carries a lethal weapon. */
  readonly lethal: Uint8Array;
  /** Members of unit u: order[start[u]] .. order[start[u+1]-1]. */
  readonly start: Int32Array;
  readonly order: Int32Array;
  /** Per unit and key: items on hand and serviceable. */
  readonly onHand: Float64Array;
  readonly serviceable: Float64Array;
  /** Per unit: equipment rows on hand but not serviceable (for the repair list). */
  readonly notServiceable: (number[] | undefined)[];
}

/**
 * Indexes the data for `asOf` (a date, or a date-time read in America/Lima). A certificate counts on the days from
 * `validFrom` through `validUntil`: it stops counting the day after its expiry date. Rows of unknown units or members
 * are ignored (the caller selects them by unit).
 */
export function prepareReadiness(data: TReadinessData, standard: TReadinessStandard, asOf: string): TPrepared {
  const compiled = compileStandard(standard);
  const today = dateOf(limaDayOf(asOf));
  const nUnits = data.units.length;
  const unitIndex = new Map<string, number>();
  data.units.forEach((u, i) => unitIndex.set(u.unitId, i));

  const nMembers = data.members.length;
  const memberIndex = new Map<string, number>();
  const memberUnit = new Int32Array(nMembers).fill(-1);
  const counted = new Uint8Array(nMembers);
  const start = new Int32Array(nUnits + 1);
  for (let i = 0; i < nMembers; i++) {
    const m = data.members[i] as TReadinessMember;
    const u = unitIndex.get(m.unitId);
    if (u === undefined) continue;
    memberIndex.set(m.id, i);
    memberUnit[i] = u;
    counted[i] = compiled.counted.has(m.status) ? 1 : 0;
    (start[u + 1] as number)++;
  }
  for (let u = 0; u < nUnits; u++) start[u + 1] = (start[u + 1] as number) + (start[u] as number);
  const fill = start.slice(0, nUnits);
  const order = new Int32Array(start[nUnits] as number);
  for (let i = 0; i < nMembers; i++) {
    const u = memberUnit[i] as number;
    if (u < 0) continue;
    const at = fill[u] as number;
    order[at] = i;
    fill[u] = at + 1;
  }

  // ISO dates compare as strings: one comparison per certificate, no parsing.
  const masks = new Uint32Array(nMembers);
  for (const c of data.certificates) {
    if (c.revoked || c.validUntil < today) continue;
    if (c.validFrom && c.validFrom > today) continue;
    const i = memberIndex.get(c.memberId);
    if (i !== undefined) masks[i] = (masks[i] as number) | COURSE_BIT[c.course];
  }

  const onHand = new Float64Array(nUnits * EQUIPMENT_KEYS);
  const serviceable = new Float64Array(nUnits * EQUIPMENT_KEYS);
  const notServiceable: (number[] | undefined)[] = new Array<number[] | undefined>(nUnits);
  const lethal = new Uint8Array(nMembers);
  data.equipment.forEach((e, row) => {
    const u = unitIndex.get(e.unitId);
    if (u === undefined || !compiled.onHand.has(e.condition)) return;
    const base = u * EQUIPMENT_KEYS + keyOf(e.category, false);
    const good = e.condition === 'serviceable';
    onHand[base] = (onHand[base] as number) + e.quantity;
    if (good) serviceable[base] = (serviceable[base] as number) + e.quantity;
    if (e.withRadio) {
      onHand[base + 1] = (onHand[base + 1] as number) + e.quantity;
      if (good) serviceable[base + 1] = (serviceable[base + 1] as number) + e.quantity;
    }
    if (!good) (notServiceable[u] ??= []).push(row);
    if (e.assignedTo && LETHAL.has(e.category)) {
      const i = memberIndex.get(e.assignedTo);
      if (i !== undefined && memberUnit[i] === u) lethal[i] = 1;
    }
  });

  return {
    compiled,
    asOf: today,
    units: data.units,
    members: data.members,
    equipment: data.equipment,
    masks,
    counted,
    lethal,
    start,
    order,
    onHand,
    serviceable,
    notServiceable,
  };
}

/** Which billets P is measured against: the unit's authorized strength, or (none set) its roster. */
export type TStrengthBase = 'authorized' | 'roster';
/** Whose mission-essential task list T and the MET ratings cover: the unit's own, or the standard's default. */
export type TTasksBase = 'unit' | 'default';

/**
 * The billets of a unit (the denominator of P and the multiplier of per-member equipment): the authorized strength
 * when one is set, as readiness reporting measures available qualified personnel against required strength; else
 * the members on its roster (a unit without a stated strength is judged on who it has, and the result says so).
 */
export function personnelStrength(unit: TReadinessUnitSpec, roster: number): { strength: number; base: TStrengthBase } {
  const authorized = unit.authorizedStrength;
  return authorized !== undefined && authorized !== null ? { strength: authorized, base: 'authorized' } : { strength: roster, base: 'roster' };
}

/**
 * The tasks a unit is rated on: its own list, deduplicated, keeping only tasks the standard describes (a later
 * version of the standard may have dropped one); the standard's default tasks when it states none or none of its
 * tasks is described any more.
 */
export function unitTasks(unit: TReadinessUnitSpec, standard: TReadinessStandard): { tasks: TTask[]; base: TTasksBase } {
  const own = [...new Set(unit.tasks ?? [])].filter((t) => standard.mets.tasks[t] !== undefined);
  return own.length > 0 ? { tasks: own, base: 'unit' } : { tasks: [...standard.mets.defaultTasks], base: 'default' };
}

/** The METs a unit reports on (see `unitTasks`), compiled. */
export function metsOf(p: TPrepared, unit: TReadinessUnitSpec): TCompiledMet[] {
  const out: TCompiledMet[] = [];
  for (const t of unitTasks(unit, p.compiled.standard).tasks) {
    const met = p.compiled.mets.get(t);
    if (met) out.push(met);
  }
  return out;
}

/**
 * The smallest count q with q / total >= share, computed with the same floating-point division the level uses, so
 * "how many are needed" and "which level it gives" never disagree.
 */
export function minCount(share: number, total: number): number {
  if (total <= 0) return 0;
  let q = Math.max(0, Math.ceil(share * total - 1e-9));
  while (q / total < share) q++;
  while (q > 0 && (q - 1) / total >= share) q--;
  return q;
}
