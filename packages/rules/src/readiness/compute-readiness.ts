import type { TTask } from '../codes.ts';
import {
  EQUIPMENT_KEYS,
  categoryOfKey,
  coursesOf,
  metsOf,
  minCount,
  personnelStrength,
  popcount,
  prepareReadiness,
  requiredByKey,
  unitTasks,
} from './prepare-readiness.ts';
import type {
  TCompiledMet,
  TPrepared,
  TReadinessData,
  TReadinessEquipment,
  TReadinessMember,
  TStrengthBase,
  TTasksBase,
} from './prepare-readiness.ts';
import type { TGapSummary, TMetScore, TPillarScore, TGapItem, TReadinessComputation } from './readiness-result.schema.ts';
import type { TLevelBoundaries, TMetRating, TReadinessLevel, TReadinessPillar, TReadinessStandard } from './readiness-standard.schema.ts';

/**
 * Readiness of units against a standard, after classic unit status reporting:
 * - P: share of the strength (billets) filled by counted members holding every per-member course, current; the
 *   strength is the unit's authorized strength when set, else its roster (`strengthBase` says which);
 * - S: equipment on hand over required, capped per category (ten spare batons do not make up for a missing radio);
 * - R: serviceable over on hand, both capped at the requirement (a surplus in repair does not lower R);
 * - T: share of the unit's METs trained and current (enough of the strength holds the MET's courses); the METs are
 *   the unit's own task list when it states one, else the standard's default (`tasksBase` says which);
 * - C: the worst pillar; every level is 5 under a directed resource action (its remark is the reason shown).
 * Each pillar's level is 1 at or above the standard's first boundary, 2 at or above the second, 3 at or above the
 * third, else 4. MET ratings: Y when the MET's training share and serviceable-equipment share both reach
 * `rating.yes` (and lethal weapons comply with the standard), Q when both reach `rating.qualified`, else N.
 *
 * Pure and O(n) over members, certificates and equipment: the data is indexed once, then each unit is one pass over
 * its members (times its METs, at most seven) and a constant number of equipment keys.
 */

export interface TComputeReadinessOptions {
  /** The Lima day of the computation (a date, or a date-time read in America/Lima). */
  readonly asOf: string;
  /** Compute the gap lists (default true). The national recompute may skip them. */
  readonly gaps?: boolean;
  /** Gaps towards this level instead of the next one. */
  readonly targetLevel?: TReadinessLevel;
}

export function levelOf(share: number, boundaries: TLevelBoundaries): TReadinessLevel {
  const [l1, l2, l3] = boundaries.min;
  if (share >= l1) return 1;
  if (share >= l2) return 2;
  if (share >= l3) return 3;
  return 4;
}

const pillar = (numerator: number, denominator: number, whenEmpty: number, b: TLevelBoundaries): TPillarScore => {
  const share = denominator > 0 ? Math.min(1, numerator / denominator) : whenEmpty;
  return { level: levelOf(share, b), share, numerator, denominator };
};

/** Computes every unit of `data.units`. */
export function computeReadiness(
  data: TReadinessData,
  standard: TReadinessStandard,
  options: TComputeReadinessOptions,
): TReadinessComputation[] {
  const p = prepareReadiness(data, standard, options.asOf);
  return p.units.map((_, u) => rateUnit(p, u, options));
}

/** One unit, given its own members, certificates and equipment. */
export function computeUnitReadiness(
  unit: TReadinessData['units'][number],
  rows: Omit<TReadinessData, 'units'>,
  standard: TReadinessStandard,
  options: TComputeReadinessOptions,
): TReadinessComputation {
  return computeReadiness({ units: [unit], ...rows }, standard, options)[0] as TReadinessComputation;
}

/** Sums of capped on-hand / serviceable quantities over a requirement map. */
export function equipmentSums(p: TPrepared, u: number, required: Map<number, number>): { req: number; held: number; good: number } {
  let req = 0;
  let held = 0;
  let good = 0;
  for (const [key, q] of required) {
    req += q;
    held += Math.min(p.onHand[u * EQUIPMENT_KEYS + key] as number, q);
    good += Math.min(p.serviceable[u * EQUIPMENT_KEYS + key] as number, q);
  }
  return { req, held, good };
}

/** Internal per-unit figures shared by the report and the gap list. */
interface TUnitFigures {
  strength: number;
  strengthBase: TStrengthBase;
  tasksBase: TTasksBase;
  countedMembers: number;
  qualifiedP: number;
  mets: TCompiledMet[];
  metQualified: number[];
  required: Map<number, number>;
}

export function unitFigures(p: TPrepared, u: number): TUnitFigures {
  const spec = p.units[u] as TPrepared['units'][number];
  const mets = metsOf(p, spec);
  const { strength, base: strengthBase } = personnelStrength(spec, (p.start[u + 1] as number) - (p.start[u] as number));
  const tasksBase = unitTasks(spec, p.compiled.standard).base;
  const metQualified = mets.map(() => 0);
  let countedMembers = 0;
  let qualifiedP = 0;
  const base = p.compiled.baseMask;
  for (let j = p.start[u] as number; j < (p.start[u + 1] as number); j++) {
    const i = p.order[j] as number;
    if (!p.counted[i]) continue;
    countedMembers++;
    const mask = p.masks[i] as number;
    if ((mask & base) === base) qualifiedP++;
    for (let t = 0; t < mets.length; t++) {
      const m = (mets[t] as TCompiledMet).mask;
      if ((mask & m) === m) metQualified[t] = (metQualified[t] as number) + 1;
    }
  }
  const required = requiredByKey([...p.compiled.standard.equipment, ...mets.flatMap((m) => m.requirements)], strength);
  return { strength, strengthBase, tasksBase, countedMembers, qualifiedP, mets, metQualified, required };
}

function rateUnit(p: TPrepared, u: number, options: TComputeReadinessOptions): TReadinessComputation {
  const std = p.compiled.standard;
  const spec = p.units[u] as TPrepared['units'][number];
  const f = unitFigures(p, u);
  const { strength } = f;

  // Lethal weapons: carriers up to the allowed share, designated ones only.
  let carriers = 0;
  const undesignated: string[] = [];
  for (let j = p.start[u] as number; j < (p.start[u + 1] as number); j++) {
    const i = p.order[j] as number;
    if (!p.lethal[i]) continue;
    carriers++;
    const m = p.members[i] as TReadinessMember;
    if (std.lethal.requiresDesignation && !m.designatedLethal) undesignated.push(m.id);
  }
  const allowed = Math.floor(std.lethal.maxShare * strength + 1e-9);
  const compliant = carriers <= allowed && undesignated.length === 0;

  const eq = equipmentSums(p, u, f.required);
  const trainedShare = std.mets.trainedShare;
  const mets: TMetScore[] = f.mets.map((met, t) => {
    const qualified = f.metQualified[t] as number;
    const trainingShare = strength > 0 ? Math.min(1, qualified / strength) : 0;
    const sums = equipmentSums(p, u, requiredByKey(met.requirements, strength));
    const equipmentShare = sums.req > 0 ? sums.good / sums.req : 1;
    return {
      task: met.task,
      rating: spec.directedResourceAction ? 'N' : rateMet(std, trainingShare, equipmentShare, compliant),
      trained: trainingShare >= trainedShare,
      qualifiedMembers: qualified,
      trainingShare,
      equipmentShare,
    };
  });
  const trainedMets = mets.filter((m) => m.trained).length;

  let pillars = {
    P: pillar(f.qualifiedP, strength, 0, std.levels.P),
    S: pillar(eq.held, eq.req, 1, std.levels.S),
    R: pillar(eq.good, eq.held, eq.req > 0 ? 0 : 1, std.levels.R),
    T: pillar(trainedMets, mets.length, 1, std.levels.T),
  };
  const directed = spec.directedResourceAction === true;
  if (directed) {
    pillars = {
      P: { ...pillars.P, level: 5 },
      S: { ...pillars.S, level: 5 },
      R: { ...pillars.R, level: 5 },
      T: { ...pillars.T, level: 5 },
    };
  }
  const level = Math.max(pillars.P.level, pillars.S.level, pillars.R.level, pillars.T.level) as TReadinessLevel;
  const target = options.targetLevel ?? ((level - 1) as TReadinessLevel | 0);
  const wantGaps = options.gaps !== false && !directed && target >= 1;

  return {
    unitId: spec.unitId,
    standardId: std.standardId,
    standardVersion: std.version,
    asOf: p.asOf,
    strength,
    strengthBase: f.strengthBase,
    tasksBase: f.tasksBase,
    countedMembers: f.countedMembers,
    directedResourceAction: directed,
    directedResourceRemark: directed ? (spec.directedResourceRemark ?? null) : null,
    pillars,
    level,
    mets,
    lethal: { carriers, allowed, undesignated, compliant },
    gaps: wantGaps ? gapsOf(p, u, f, pillars, mets, target as TReadinessLevel) : null,
  };
}

function rateMet(std: TReadinessStandard, training: number, equipment: number, lethalCompliant: boolean): TMetRating {
  const { yes, qualified } = std.mets.rating;
  if (training >= yes && equipment >= yes && lethalCompliant) return 'Y';
  if (training >= qualified && equipment >= qualified) return 'Q';
  return 'N';
}

// ---------------------------------------------------------------------------------------------------------------
// Gap lists
// ---------------------------------------------------------------------------------------------------------------

/**
 * The counted members of unit u lacking part of `mask`, cheapest first (fewest missing courses; ties in roster
 * order). A bucket sort: courses are at most 32, so this is O(members).
 */
export function cheapestMembers(p: TPrepared, u: number, mask: number, planned?: Uint32Array): number[] {
  const buckets: number[][] = [];
  for (let j = p.start[u] as number; j < (p.start[u + 1] as number); j++) {
    const i = p.order[j] as number;
    if (!p.counted[i]) continue;
    const held = (p.masks[i] as number) | (planned ? (planned[i] as number) : 0);
    const cost = popcount(mask & ~held);
    if (cost > 0) (buckets[cost] ??= []).push(i);
  }
  return buckets.flat();
}

function courseItems(p: TPrepared, members: number[], mask: number, pillarName: 'P' | 'T', task: TTask | null): TGapItem[] {
  return members.map((i) => ({
    kind: 'COURSES' as const,
    pillar: pillarName,
    task,
    memberId: (p.members[i] as TReadinessMember).id,
    courses: coursesOf(mask & ~(p.masks[i] as number)),
  }));
}

function gapsOf(
  p: TPrepared,
  u: number,
  f: TUnitFigures,
  pillars: Record<TReadinessPillar, TPillarScore>,
  mets: TMetScore[],
  target: TReadinessLevel,
): NonNullable<TReadinessComputation['gaps']> {
  const std = p.compiled.standard;
  const summary: TGapSummary[] = [];
  const items: TGapItem[] = [];
  const bound = (name: TReadinessPillar): number => std.levels[name].min[target - 1] ?? 0;
  const above = (name: TReadinessPillar): boolean => pillars[name].level > target;

  if (above('P')) {
    const needed = Math.max(0, minCount(bound('P'), f.strength) - f.qualifiedP);
    const chosen = cheapestMembers(p, u, p.compiled.baseMask).slice(0, needed);
    items.push(...courseItems(p, chosen, p.compiled.baseMask, 'P', null));
    const short = needed - chosen.length;
    if (short > 0) items.push({ kind: 'FILL_BILLETS', pillar: 'P', task: null, count: short });
    summary.push({ pillar: 'P', fromLevel: pillars.P.level, toLevel: target, needed, closable: short === 0 });
  }

  if (above('S')) {
    let needed = Math.max(0, minCount(bound('S'), pillars.S.denominator) - pillars.S.numerator);
    const total = needed;
    for (const [key, q] of f.required) {
      const held = Math.min(p.onHand[u * EQUIPMENT_KEYS + key] as number, q);
      const shortfall = q - held;
      if (shortfall <= 0) continue;
      const quantity = Math.min(shortfall, needed);
      needed -= quantity;
      items.push({ kind: 'PROCURE', pillar: 'S', category: categoryOfKey(key), withRadio: (key & 1) === 1, quantity, shortfall });
    }
    summary.push({ pillar: 'S', fromLevel: pillars.S.level, toLevel: target, needed: total, closable: true });
  }

  if (above('R')) {
    let needed = Math.max(0, minCount(bound('R'), pillars.R.denominator) - pillars.R.numerator);
    const total = needed;
    // Rows to repair: in repair first (quicker back), then unserviceable; only keys where repairs raise R.
    const rows = (p.notServiceable[u] ?? [])
      .map((row) => p.equipment[row] as TReadinessEquipment)
      .sort((a, b) => (a.condition === b.condition ? 0 : a.condition === 'in_repair' ? -1 : 1));
    for (const [key, q] of f.required) {
      if (needed <= 0) break;
      const at = u * EQUIPMENT_KEYS + key;
      let repairable = Math.min(p.onHand[at] as number, q) - Math.min(p.serviceable[at] as number, q);
      const category = categoryOfKey(key);
      for (const e of rows) {
        if (repairable <= 0 || needed <= 0) break;
        if (e.category !== category || ((key & 1) === 1 && !e.withRadio)) continue;
        const quantity = Math.min(e.quantity, repairable, needed);
        repairable -= quantity;
        needed -= quantity;
        items.push({ kind: 'REPAIR', pillar: 'R', equipmentId: e.id, category, condition: e.condition, quantity });
      }
    }
    summary.push({ pillar: 'R', fromLevel: pillars.R.level, toLevel: target, needed: total, closable: needed <= 0 });
  }

  if (above('T')) {
    const needed = Math.max(0, minCount(bound('T'), mets.length) - mets.filter((m) => m.trained).length);
    const k = minCount(std.mets.trainedShare, f.strength);
    const options = f.mets
      .map((met, t) => ({ met, t }))
      .filter(({ t }) => !(mets[t] as TMetScore).trained)
      .map(({ met, t }) => {
        const want = Math.max(0, k - (f.metQualified[t] as number));
        const chosen = cheapestMembers(p, u, met.mask).slice(0, want);
        const seats = chosen.reduce((s, i) => s + popcount(met.mask & ~(p.masks[i] as number)), 0);
        return { met, chosen, short: want - chosen.length, seats };
      })
      .sort((a, b) => a.short - b.short || a.seats - b.seats);
    let closable = options.length >= needed;
    for (const o of options.slice(0, needed)) {
      items.push(...courseItems(p, o.chosen, o.met.mask, 'T', o.met.task));
      if (o.short > 0) {
        closable = false;
        items.push({ kind: 'FILL_BILLETS', pillar: 'T', task: o.met.task, count: o.short });
      }
    }
    summary.push({ pillar: 'T', fromLevel: pillars.T.level, toLevel: target, needed, closable });
  }
  return { targetLevel: target, summary, items };
}
