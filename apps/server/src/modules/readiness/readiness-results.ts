import { computeReadiness, standardRef } from '@enlace/rules';
import type { TReadinessComputation } from '@enlace/rules';
import { AGENCY_CODES, CLASSIFICATIONS } from '@enlace/contracts';
import type { TCLevel, TUnitReadiness } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import type { ResultValues, StoredResultRow, UnitScope } from './readiness.repository.ts';
import { loadReadinessData, storeResults } from './readiness.repository.ts';
import { standardInForce, standardOfRef } from './standard-in-force.ts';

export const cLevel = (level: number): TCLevel => `C${Math.min(5, Math.max(1, level))}` as TCLevel;

const toValues = (c: TReadinessComputation, withGaps: boolean): ResultValues => ({
  unitId: c.unitId,
  asOf: c.asOf,
  standardVersion: standardRef({ standardId: c.standardId, version: c.standardVersion }),
  computed: cLevel(c.level),
  pillars: c.pillars,
  tasks: c.mets,
  details: {
    targetLevel: c.gaps?.targetLevel ?? null,
    summary: c.gaps?.summary ?? [],
    items: c.gaps?.items ?? [],
    strength: c.strength,
    strengthBase: c.strengthBase,
    tasksBase: c.tasksBase,
    lethal: c.lethal,
    /** False when the gap list was not computed (national recompute): readers compute it for the unit on demand. */
    gapsComputed: withGaps,
  },
  members: c.countedMembers,
  qualifiedMembers: c.pillars.P.numerator,
});

/**
 * Loads the records of the scope's units set-based (one query per table), runs the pure computation of
 * @enlace/rules on them and stores one result per unit, all in the caller's transaction. The whole-country
 * recompute leaves the gap lists out (`gaps: false`): they name members one by one and are computed for a unit when
 * it is looked at.
 */
export async function computeAndStore(
  tx: Queryable,
  scope: UnitScope,
  asOf: string,
  { gaps = true }: { gaps?: boolean } = {},
): Promise<{ computations: TReadinessComputation[]; members: number; standardVersion: string }> {
  // Room for the hash aggregates of a whole-country load (this transaction only).
  await tx.query("SELECT set_config('work_mem', '128MB', true)");
  const { standard, ref } = await standardInForce(tx);
  const data = await loadReadinessData(tx, scope, asOf, { itemsForRepair: gaps });
  const computations = computeReadiness(data, standard, { asOf, gaps });
  await storeResults(tx, computations.map((c) => toValues(c, gaps)));
  return { computations, members: data.members.length, standardVersion: ref };
}

/**
 * The gap list of one unit as of a day, computed now (not stored), for a result stored without it: against the
 * standard version the stored levels were computed with, so levels and gaps agree.
 */
export async function computeGaps(db: Queryable, unitId: string, asOf: string, standardVersion: string): Promise<TReadinessComputation['gaps']> {
  const standard = await standardOfRef(db, standardVersion);
  const data = await loadReadinessData(db, { labels: ALL_LABELS, unitIds: [unitId] }, asOf);
  return computeReadiness(data, standard, { asOf })[0]?.gaps ?? null;
}

/** Every label: the caller has already checked access (or is the system's daily recompute). */
export const ALL_LABELS = AGENCY_CODES.flatMap((agency) => CLASSIFICATIONS.map((classification) => ({ agency, classification })));

/** A stored row with its gap list filled in when it was stored without one. */
export async function withGaps(db: Queryable, row: StoredResultRow): Promise<StoredResultRow> {
  if (row.details?.gapsComputed !== false) return row;
  const gaps = await computeGaps(db, row.unit_id, row.as_of, row.standard_version);
  return { ...row, details: { ...row.details, targetLevel: gaps?.targetLevel ?? null, summary: gaps?.summary ?? [], items: gaps?.items ?? [], gapsComputed: true } };
}

/** A stored result as the API shows it; member names are added to the COURSES gaps given `names`. */
export function presentResult(r: StoredResultRow, names: ReadonlyMap<string, string> = new Map()): TUnitReadiness {
  const details = r.details ?? {};
  const items = (details.items ?? []) as { kind: string; memberId?: string }[];
  const computed = r.computed as TCLevel;
  const override = r.override_id
    ? { id: r.override_id, level: r.override_level as TCLevel, remark: r.override_remark ?? '', by: r.override_by ?? '', at: r.override_at!.toISOString() }
    : null;
  // The unit's directed resource action is read live: it makes the unit C5 from the moment it is set.
  const directed = r.directed_resource_action;
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    force: r.force,
    asOf: r.as_of,
    computedAt: r.computed_at.toISOString(),
    standardVersion: r.standard_version,
    computed,
    effective: directed ? 'C5' : (override?.level ?? computed),
    directedResourceAction: directed ? { remark: r.directed_resource_remark ?? '' } : null,
    pillars: r.pillars as TUnitReadiness['pillars'],
    tasks: r.tasks as TUnitReadiness['tasks'],
    gaps: items.map((g) => (g.memberId && names.has(g.memberId) ? { ...g, memberName: names.get(g.memberId) } : g)),
    targetLevel: typeof details.targetLevel === 'number' ? cLevel(details.targetLevel) : null,
    gapSummary: (details.summary ?? []) as TUnitReadiness['gapSummary'],
    strength: details.strength ?? r.members,
    strengthBase: details.strengthBase ?? 'roster',
    tasksBase: details.tasksBase ?? 'default',
    members: r.members,
    lethal: (details.lethal ?? null) as TUnitReadiness['lethal'],
    override,
    agency: r.agency,
    classification: r.classification,
    exercise: r.exercise,
  };
}
