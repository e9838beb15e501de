import { readableLabels } from '@enlace/access';
import { EQUIPMENT_GROUPS, EQUIPMENT_GROUP_OF } from '@enlace/contracts';
import type { TCapabilityRow, TCLevel, TEquipmentGroup, TForcesEquipmentCategory, TNationalReadiness, TReadinessFreshness } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { limaToday } from '../forces/forces-access.ts';
import type { NationalFilter } from './readiness.repository.ts';
import type { RegionRow } from './readiness.repository.ts';
import { capabilityRows, certifiedRows, expiringRows, overallRow, regionRows } from './readiness.repository.ts';

const freshness = (r: Omit<RegionRow, 'department' | 'department_name' | 'force'>): TReadinessFreshness => ({
  units: r.units,
  byLevel: { C1: r.c1, C2: r.c2, C3: r.c3, C4: r.c4, C5: r.c5 } satisfies Record<TCLevel, number>,
  withoutResult: r.without_result,
  oldestComputedAt: r.oldest_computed_at?.toISOString() ?? null,
  newestComputedAt: r.newest_computed_at?.toISOString() ?? null,
});

const emptyGroups = (): Record<TEquipmentGroup, number> =>
  Object.fromEntries(EQUIPMENT_GROUPS.map((g) => [g, 0])) as Record<TEquipmentGroup, number>;

/**
 * The national view from stored results and the records, each figure one SQL aggregate over what the actor may read:
 * readiness by department and force (effective levels; units never computed counted as "sin datos"; the oldest and
 * newest computation, per region and overall, so a stale view says so), where crowd-control and non-lethal means, radios and drones
 * are (per unit with its location), certified members per department and area, certificates expiring in 30/60/90 days.
 */
export async function nationalReadiness({ ctx, actor, force, department, exercise }: {
  ctx: AppContext;
  actor: Actor;
  force?: string | undefined;
  department?: string | undefined;
  exercise?: boolean | undefined;
}): Promise<TNationalReadiness> {
  const today = limaToday();
  const base = { force, department, exercise };
  const readiness: NationalFilter = { labels: readableLabels(actor, 'readiness:read'), ...base };
  const equipment: NationalFilter = { labels: readableLabels(actor, 'equipment:read'), ...base };
  const training: NationalFilter = { labels: readableLabels(actor, 'training:read'), ...base };

  const regions = (await regionRows(ctx.db, readiness)).map((r) => ({
    department: r.department,
    departmentName: r.department_name,
    force: r.force,
    ...freshness(r),
    members: r.members,
    qualifiedMembers: r.qualified,
  }));

  const capabilities = new Map<string, TCapabilityRow>();
  for (const r of await capabilityRows(ctx.db, equipment)) {
    const row = capabilities.get(r.unit_id) ?? {
      unitId: r.unit_id,
      unitName: r.unit_name,
      force: r.force,
      department: r.ubigeo ? r.ubigeo.slice(0, 2) : null,
      ubigeo: r.ubigeo,
      lon: r.lon,
      lat: r.lat,
      counts: emptyGroups(),
    };
    row.counts[EQUIPMENT_GROUP_OF[r.category as TForcesEquipmentCategory]] += r.quantity;
    capabilities.set(r.unit_id, row);
  }

  const certified = (await certifiedRows(ctx.db, training, today)).map((r) => ({
    department: r.department,
    departmentName: r.department_name,
    area: r.area,
    members: r.members,
  }));

  const byArea = (await expiringRows(ctx.db, training, today)).map((r) => ({ area: r.area, within30: r.d30, within60: r.d60, within90: r.d90 }));
  const sum = (k: 'within30' | 'within60' | 'within90'): number => byArea.reduce((s, r) => s + r[k], 0);

  return {
    asOf: today,
    overall: freshness(await overallRow(ctx.db, readiness)),
    regions,
    capabilities: [...capabilities.values()],
    certified,
    expiring: { asOf: today, within30: sum('within30'), within60: sum('within60'), within90: sum('within90'), byArea },
  };
}
