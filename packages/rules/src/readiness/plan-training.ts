import type { TTask, TTrainingArea } from '../codes.ts';
import { TRAINING_AREAS } from '../codes.ts';
import { equipmentSums, levelOf, unitFigures } from './compute-readiness.ts';
import { COURSE_BIT, coursesOf, minCount, popcount, prepareReadiness } from './prepare-readiness.ts';
import type { TCompiledMet, TPrepared, TReadinessData, TReadinessMember } from './prepare-readiness.ts';
import type { TReadinessLevel, TReadinessStandard } from './readiness-standard.schema.ts';

/**
 * Least-cost training plan: the course seats (member × course) that bring the P and T pillars of every unit of a
 * region to a target level, with as few seats as possible. Only training is planned: S and R need procurement and
 * repairs and are reported as not closed by training.
 *
 * The algorithm. Seats belong to one member of one unit, so the region's optimum is the sum of the units' optima.
 * In a unit, P needs `needP` counted members holding every per-member course; T needs `needT` more METs trained,
 * each MET needing `k` counted members holding its courses (the per-member courses plus its own). Choosing which
 * METs and which members is a covering problem with shared costs (a member's base courses count for P and for every
 * MET), NP-hard in general, but a unit has at most seven METs. For every set S of `needT` untrained METs (at most
 * C(7,3) = 35 sets), the requirements are fixed (P, and each MET of S) and solved:
 *  1. exactly, by dynamic programming over the members, when the table (Π over requirements of need + 1 states,
 *     times members) stays under EXACT_LIMIT: the state is how many members satisfy each requirement so far; each
 *     member takes nothing or the cheapest course set completing some of the requirements. Optimal by construction.
 *  2. otherwise by a greedy: METs in a fixed order, each taking the members with the fewest missing seats given the
 *     seats already planned (ties: members not yet base-qualified first, since they then also count for P); then P
 *     takes its cheapest members. Two more variants: the METs in reverse order, and a first step that qualifies the
 *     cheapest members for all of S at once. Each step is a bucket sort by missing seats: O(|sets| × METs × members).
 * The cheapest plan over all sets is kept. A lower bound no plan can beat is reported too: for a unit solved exactly
 * its optimum; otherwise the largest of: (a) the
 * `needP` cheapest base completions; (b) the `needT`-th smallest cost of training one MET alone (any plan trains
 * `needT` METs, so it pays at least the dearest of them); (c) per course, the members who must newly hold it (the
 * required count minus the counted members already holding it), summed over courses, seats of different courses
 * being different seats. A unit is `provedOptimal` when solved exactly or when its seats equal the bound; otherwise
 * the gap to the bound says how far from optimal the greedy can be. The tests compare both paths with a brute-force
 * optimum on small units.
 */

export interface TTrainingSeat {
  readonly unitId: string;
  readonly memberId: string;
  readonly course: TTrainingArea;
}

export interface TUnitSeatPlan {
  readonly unitId: string;
  readonly seats: number;
  /** No plan for this unit uses fewer seats: the optimum when solved exactly, else the combinatorial bound. */
  readonly lowerBound: number;
  readonly provedOptimal: boolean;
  /** `exact`: solved by dynamic programming (optimal); `greedy`: the unit was too large, see `lowerBound`. */
  readonly method: 'exact' | 'greedy';
  /** Members to qualify for P and METs to train for T to reach the target. */
  readonly neededP: number;
  readonly neededMets: number;
  /** METs the plan trains. */
  readonly mets: readonly TTask[];
  /** Training cannot reach the target: too few counted members (billets to fill with qualified people). */
  readonly billetsShort: number;
  /** Pillars above the target that training does not close (S, R). */
  readonly notClosedByTraining: readonly ('S' | 'R')[];
}

export interface TSeatPlan {
  readonly targetLevel: TReadinessLevel;
  readonly asOf: string;
  readonly seats: readonly TTrainingSeat[];
  readonly totalSeats: number;
  readonly lowerBound: number;
  readonly provedOptimal: boolean;
  /** Seats per course: the classes to open. */
  readonly byCourse: readonly { course: TTrainingArea; seats: number }[];
  readonly units: readonly TUnitSeatPlan[];
}

export interface TSeatPlanOptions {
  readonly asOf: string;
  /** The level every unit's P and T must reach (1-3; 4 needs nothing). */
  readonly targetLevel: TReadinessLevel;
  /** Largest DP table solved exactly (default 2,000,000 cells); 0 forces the greedy (tests compare both). */
  readonly exactLimit?: number;
}

/** One requirement of the greedy: at least `need` counted members holding `mask`. */
interface TRequirement {
  mask: number;
  need: number;
}

export function planTraining(data: TReadinessData, standard: TReadinessStandard, options: TSeatPlanOptions): TSeatPlan {
  const p = prepareReadiness(data, standard, options.asOf);
  const planned = new Uint32Array(p.masks.length);
  const seats: TTrainingSeat[] = [];
  const units: TUnitSeatPlan[] = [];
  const perCourse = new Map<TTrainingArea, number>();
  for (let u = 0; u < p.units.length; u++) {
    const result = planUnit(p, u, options.targetLevel, planned, options.exactLimit ?? EXACT_LIMIT);
    units.push(result.summary);
    for (const i of result.members) {
      const member = p.members[i] as TReadinessMember;
      for (const course of coursesOf(planned[i] as number)) {
        seats.push({ unitId: result.summary.unitId, memberId: member.id, course });
        perCourse.set(course, (perCourse.get(course) ?? 0) + 1);
      }
    }
  }
  const lowerBound = units.reduce((s, x) => s + x.lowerBound, 0);
  return {
    targetLevel: options.targetLevel,
    asOf: p.asOf,
    seats,
    totalSeats: seats.length,
    lowerBound,
    provedOptimal: units.every((x) => x.provedOptimal),
    byCourse: TRAINING_AREAS.filter((c) => perCourse.has(c)).map((course) => ({ course, seats: perCourse.get(course) as number })),
    units,
  };
}

function planUnit(
  p: TPrepared,
  u: number,
  target: TReadinessLevel,
  planned: Uint32Array,
  exactLimit: number,
): { summary: TUnitSeatPlan; members: number[] } {
  const std = p.compiled.standard;
  const f = unitFigures(p, u);
  const unitId = (p.units[u] as TPrepared['units'][number]).unitId;
  const bound = (b: readonly [number, number, number]): number => (target <= 3 ? b[target - 1] as number : 0);

  // What must be reached.
  const pShare = f.strength > 0 ? Math.min(1, f.qualifiedP / f.strength) : 0;
  const totalP = levelOf(pShare, std.levels.P) > target ? minCount(bound(std.levels.P.min), f.strength) : 0;
  const k = minCount(std.mets.trainedShare, f.strength);
  const trainedNow = f.mets.filter((_, t) => (f.metQualified[t] as number) >= k && f.strength > 0).length;
  const tShare = f.mets.length > 0 ? trainedNow / f.mets.length : 1;
  const needMets = levelOf(tShare, std.levels.T) > target ? Math.max(0, minCount(bound(std.levels.T.min), f.mets.length) - trainedNow) : 0;
  const untrained = f.mets.filter((_, t) => !((f.metQualified[t] as number) >= k && f.strength > 0));

  // S and R: outside a training plan.
  const notClosedByTraining: ('S' | 'R')[] = [];
  const eq = equipmentSums(p, u, f.required);
  const sShare = eq.req > 0 ? eq.held / eq.req : 1;
  const rShare = eq.held > 0 ? eq.good / eq.held : eq.req > 0 ? 0 : 1;
  if (levelOf(sShare, std.levels.S) > target) notClosedByTraining.push('S');
  if (levelOf(rShare, std.levels.R) > target) notClosedByTraining.push('R');

  const members: number[] = [];
  for (let j = p.start[u] as number; j < (p.start[u + 1] as number); j++) {
    const i = p.order[j] as number;
    if (p.counted[i]) members.push(i);
  }
  const base = p.compiled.baseMask;

  let best: { cost: number; short: number; seats: Map<number, number>; mets: TCompiledMet[] } | null = null;
  let exact = true;
  for (const set of subsets(untrained, Math.min(needMets, untrained.length))) {
    const reqs = [...set.map((m) => ({ mask: m.mask, need: k })), ...(totalP > 0 ? [{ mask: base, need: totalP }] : [])];
    const solved = exactPlan(p, members, reqs, exactLimit);
    // Unreachable: the greedy reports how many members are missing.
    const runs = solved && solved !== 'unreachable' ? [solved] : greedyVariants(p, members, base, set, k, totalP);
    if (!solved) exact = false;
    for (const run of runs) {
      if (!best || run.short < best.short || (run.short === best.short && run.cost < best.cost)) best = { ...run, mets: set };
    }
  }
  const chosen = best ?? { cost: 0, short: 0, seats: new Map<number, number>(), mets: [] };
  for (const [i, mask] of chosen.seats) planned[i] = mask;

  const billetsShort = chosen.short + Math.max(0, needMets - untrained.length) * k;
  // An exact solution is its own best bound; otherwise the combinatorial bound.
  const solvedExactly = exact && billetsShort === 0;
  const combinatorial = lowerBoundOf(p, members, base, totalP, untrained, needMets, k);
  const lowerBound = solvedExactly ? Math.max(combinatorial, chosen.cost) : combinatorial;
  return {
    summary: {
      unitId,
      seats: chosen.cost,
      lowerBound,
      provedOptimal: solvedExactly || chosen.cost === lowerBound,
      method: exact ? 'exact' : 'greedy',
      neededP: Math.max(0, totalP - f.qualifiedP),
      neededMets: needMets,
      mets: chosen.mets.map((m) => m.task),
      billetsShort,
      notClosedByTraining,
    },
    members: [...chosen.seats.keys()],
  };
}

/** The greedy's variants for one set of METs (see the top of the file). */
function greedyVariants(
  p: TPrepared,
  members: readonly number[],
  base: number,
  set: readonly TCompiledMet[],
  k: number,
  totalP: number,
): { cost: number; short: number; seats: Map<number, number> }[] {
  const forward = set.map((m) => ({ mask: m.mask, need: k }));
  const variants: TRequirement[][] = [forward, [...forward].reverse()];
  if (set.length > 1) variants.push([{ mask: set.reduce((m, x) => m | x.mask, 0), need: k }, ...forward]);
  return variants.map((reqs) => greedy(p, members, base, [...reqs, { mask: base, need: totalP }]));
}

/** Largest DP table (states × members) solved exactly; larger units fall back to the greedy. */
const EXACT_LIMIT = 2_000_000;

/**
 * Exact plan by dynamic programming over the members: the state is, per requirement, how many members satisfy it
 * so far (capped at what it needs); each member either takes nothing or completes some union of the requirements'
 * course masks (the cheapest way for each set of requirements it then satisfies). The table has
 * Π(need + 1) states, so this runs only for units where states × members stays under `limit`.
 * Returns null when the unit is too large, 'unreachable' when no plan reaches the needs (too few members).
 */
function exactPlan(
  p: TPrepared,
  members: readonly number[],
  reqs: readonly TRequirement[],
  limit: number,
): { cost: number; short: number; seats: Map<number, number> } | 'unreachable' | null {
  const stride: number[] = [];
  let states = 1;
  for (const r of reqs) {
    stride.push(states);
    states *= r.need + 1;
    if (states * Math.max(1, members.length) > limit) return null;
  }
  const goal = reqs.reduce((s, r, j) => s + r.need * (stride[j] as number), 0);
  const digit = (s: number, j: number): number => Math.floor(s / (stride[j] as number)) % ((reqs[j] as TRequirement).need + 1);

  // Per member: the cheapest final mask for each set of requirements satisfied.
  const options = members.map((i) => {
    const held = p.masks[i] as number;
    const bySat = new Map<number, { add: number; cost: number }>();
    for (let z = 0; z < 1 << reqs.length; z++) {
      let final = held;
      reqs.forEach((r, j) => {
        if (z & (1 << j)) final |= r.mask;
      });
      let sat = 0;
      reqs.forEach((r, j) => {
        if ((final & r.mask) === r.mask) sat |= 1 << j;
      });
      const add = final & ~held;
      const cost = popcount(add);
      const known = bySat.get(sat);
      if (!known || cost < known.cost) bySat.set(sat, { add, cost });
    }
    return [...bySat].map(([sat, o]) => ({ sat, ...o }));
  });

  let cost = new Float64Array(states).fill(Infinity);
  cost[0] = 0;
  const back: { prev: Int32Array; pick: Int32Array }[] = [];
  for (const opts of options) {
    const next = new Float64Array(states).fill(Infinity);
    const prev = new Int32Array(states).fill(-1);
    const pick = new Int32Array(states).fill(-1);
    for (let s = 0; s < states; s++) {
      const c = cost[s] as number;
      if (c === Infinity) continue;
      opts.forEach((o, oi) => {
        let t = s;
        for (let j = 0; j < reqs.length; j++) {
          if (o.sat & (1 << j) && digit(s, j) < (reqs[j] as TRequirement).need) t += stride[j] as number;
        }
        if (c + o.cost < (next[t] as number)) {
          next[t] = c + o.cost;
          prev[t] = s;
          pick[t] = oi;
        }
      });
    }
    back.push({ prev, pick });
    cost = next;
  }
  if (cost[goal] === Infinity) return 'unreachable';
  const seats = new Map<number, number>();
  let s = goal;
  for (let m = members.length - 1; m >= 0; m--) {
    const { prev, pick } = back[m] as { prev: Int32Array; pick: Int32Array };
    const o = (options[m] as { add: number }[])[pick[s] as number] as { add: number };
    if (o.add) seats.set(members[m] as number, o.add);
    s = prev[s] as number;
  }
  return { cost: cost[goal] as number, short: 0, seats };
}

/**
 * The greedy of one variant: each requirement in turn takes the members cheapest given the seats planned so far.
 * Returns the planned course masks per member, the seats and how many members were missing.
 */
function greedy(
  p: TPrepared,
  members: readonly number[],
  base: number,
  reqs: readonly TRequirement[],
): { cost: number; short: number; seats: Map<number, number> } {
  const seats = new Map<number, number>();
  let cost = 0;
  let short = 0;
  for (const r of reqs) {
    let have = 0;
    // Bucket by missing seats; within a bucket, members not yet base-qualified first (they then count for P).
    const buckets: number[][] = [];
    for (const i of members) {
      const held = (p.masks[i] as number) | (seats.get(i) ?? 0);
      const missing = popcount(r.mask & ~held);
      if (missing === 0) {
        have++;
        continue;
      }
      const slot = missing * 2 + ((held & base) === base ? 1 : 0);
      (buckets[slot] ??= []).push(i);
    }
    let need = r.need - have;
    for (const bucket of buckets) {
      if (need <= 0) break;
      if (!bucket) continue;
      for (const i of bucket) {
        if (need <= 0) break;
        const held = (p.masks[i] as number) | (seats.get(i) ?? 0);
        const add = r.mask & ~held;
        cost += popcount(add);
        seats.set(i, (seats.get(i) ?? 0) | add);
        need--;
      }
    }
    if (need > 0) short = Math.max(short, need);
  }
  return { cost, short, seats };
}

/** The lower bound described at the top of the file. */
function lowerBoundOf(
  p: TPrepared,
  members: readonly number[],
  base: number,
  totalP: number,
  untrained: readonly TCompiledMet[],
  needMets: number,
  k: number,
): number {
  // (a) and (b): cheapest completions of one requirement alone.
  const alone = (mask: number, need: number): number => {
    const costs: number[] = [];
    let have = 0;
    for (const i of members) {
      const c = popcount(mask & ~(p.masks[i] as number));
      if (c === 0) have++;
      else costs.push(c);
    }
    costs.sort((a, b) => a - b);
    let sum = 0;
    for (let j = 0; j < Math.min(costs.length, need - have); j++) sum += costs[j] as number;
    return sum;
  };
  const a = totalP > 0 ? alone(base, totalP) : 0;
  const metCosts = untrained.map((m) => alone(m.mask, k)).sort((x, y) => x - y);
  const b = needMets > 0 && metCosts.length >= needMets ? (metCosts[needMets - 1] as number) : 0;

  // (c) per course: members who must newly hold it.
  let c = 0;
  for (const course of TRAINING_AREAS) {
    const bit = COURSE_BIT[course];
    let need = 0;
    if (base & bit) need = Math.max(totalP, needMets > 0 ? k : 0);
    // A MET course is surely needed when fewer than needMets untrained METs lack it.
    else if (needMets > 0 && untrained.filter((m) => !(m.mask & bit)).length < needMets) need = k;
    if (need === 0) continue;
    let holders = 0;
    for (const i of members) if ((p.masks[i] as number) & bit) holders++;
    c += Math.max(0, Math.min(need, members.length) - holders);
  }
  return Math.max(a, b, c);
}

/** Every subset of `items` of size `size` (one empty subset for size 0). */
function* subsets<T>(items: readonly T[], size: number): Generator<T[]> {
  if (size === 0) {
    yield [];
    return;
  }
  const pick: T[] = [];
  function* rec(from: number): Generator<T[]> {
    if (pick.length === size) {
      yield [...pick];
      return;
    }
    for (let i = from; i <= items.length - (size - pick.length); i++) {
      pick.push(items[i] as T);
      yield* rec(i + 1);
      pick.pop();
    }
  }
  yield* rec(0);
}
