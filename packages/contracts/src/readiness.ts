import { z } from 'zod';
import { ZAgencyCode, ZClassification, ZForce } from './enums.ts';
import { ZDepartmentUbigeo } from './geography.ts';
import { ZEquipmentGroup } from './forces.ts';

/**
 * Readiness as the armed forces report it: pillar levels P (personnel), S (equipment on hand), R (equipment
 * condition), T (training) from 1 (best) to 4, an overall C1-C5 (C5: undergoing a directed resource action), a
 * Y / Q / N rating per mission-essential task, and the concrete gaps. Computed by the pure function in
 * `@enlace/rules` (readiness) against a versioned standard; stored by the server; a commander may override the
 * overall level only with a remark.
 */

export const C_LEVELS = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;
export const ZCLevel = z.enum(C_LEVELS);
export type TCLevel = z.infer<typeof ZCLevel>;

export const PILLARS = ['P', 'S', 'R', 'T'] as const;
export const ZPillar = z.enum(PILLARS);
export type TPillar = z.infer<typeof ZPillar>;

export const TASK_RATINGS = ['Y', 'Q', 'N'] as const;
export const ZTaskRating = z.enum(TASK_RATINGS);
export type TTaskRating = z.infer<typeof ZTaskRating>;

/** One pillar: its level (1 best ... 4; 5 only when a directed resource action applies) and the share behind it. */
export const ZPillarResult = z.looseObject({
  level: z.number().int().min(1).max(5),
  /** 0..1, the measured share the level was read from. */
  ratio: z.number().min(0).max(1).optional(),
});

/** A gap: what keeps the unit from the next level (who must take which course, what equipment is missing). */
export const ZReadinessGap = z.looseObject({
  kind: z.string(),
  pillar: ZPillar.optional(),
});
export type TReadinessGap = z.infer<typeof ZReadinessGap>;

/** The commander's override of the overall level; never without a remark. */
export const ZReadinessOverride = z.object({
  id: z.uuid(),
  level: ZCLevel,
  remark: z.string(),
  by: z.string(),
  at: z.string(),
});
export type TReadinessOverride = z.infer<typeof ZReadinessOverride>;

/** A stored readiness computation of one unit, with the effective level (the override's when there is one). */
export const ZUnitReadiness = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  force: ZForce,
  /** The day the readiness was judged on (certificates expire the day after their last day). */
  asOf: z.string(),
  computedAt: z.string(),
  standardVersion: z.string(),
  computed: ZCLevel,
  /** C5 under a directed resource action, else the override's level, else the computed one. */
  effective: ZCLevel,
  /** The unit is under a directed resource action (reconstitution, re-organisation): C5, for this reason. */
  directedResourceAction: z.object({ remark: z.string() }).nullable().default(null),
  pillars: z.record(ZPillar, ZPillarResult),
  /** Mission-essential tasks and their rating. */
  tasks: z.array(z.looseObject({ task: z.string(), rating: ZTaskRating })),
  /** The concrete gaps towards `targetLevel` (COURSES items carry the member's name when readable). */
  gaps: z.array(ZReadinessGap),
  /** The level the gaps lead to (the next one), null at C1 or under a directed resource action. */
  targetLevel: ZCLevel.nullable(),
  /** Per pillar above the target: how far it is and how many members / items / METs close it. */
  gapSummary: z.array(z.looseObject({ pillar: ZPillar, needed: z.number().int(), closable: z.boolean() })),
  /** Billets (authorized strength, else roster size) and members whose status fills a billet. */
  strength: z.number().int(),
  /** What `strength` is: the unit's authorized strength, or its roster when none is set. */
  strengthBase: z.enum(['authorized', 'roster']).default('roster'),
  /** Whose task list the METs are: the unit's own, or the standard's default tasks. */
  tasksBase: z.enum(['unit', 'default']).default('default'),
  members: z.number().int(),
  /** Lethal weapons: carriers, allowed by the standard's share, compliance. */
  lethal: z.looseObject({ carriers: z.number().int(), allowed: z.number().int(), compliant: z.boolean() }).nullable(),
  override: ZReadinessOverride.nullable(),
  agency: ZAgencyCode,
  classification: ZClassification,
  exercise: z.boolean(),
});
export type TUnitReadiness = z.infer<typeof ZUnitReadiness>;

export const ZReadinessOverrideCreate = z
  .object({
    level: ZCLevel,
    /** Required: an override without a remark is refused (READINESS_OVERRIDE_NEEDS_REMARK). */
    remark: z.string().max(4000).optional(),
  })
  .strict();
export type TReadinessOverrideCreate = z.infer<typeof ZReadinessOverrideCreate>;

export const ZReadinessComputeBody = z
  .object({
    /** Judge readiness on this day (default: today in Lima). */
    asOf: z.iso.date().optional(),
  })
  .strict();

/** Result of a national recomputation. */
export const ZReadinessRecomputeSummary = z.object({
  asOf: z.string(),
  units: z.number().int(),
  members: z.number().int(),
  byLevel: z.record(ZCLevel, z.number().int()),
  millis: z.number(),
  /** The readiness standard the results were computed with (`standardId@version`). */
  standardVersion: z.string(),
});
export type TReadinessRecomputeSummary = z.infer<typeof ZReadinessRecomputeSummary>;

// ---------------------------------------------------------------------------------------------------------------
// National view
// ---------------------------------------------------------------------------------------------------------------

/**
 * How complete and how old the stored readiness behind a figure is: units counted (every unit of the filter),
 * those with no stored result ("sin datos", not at any level), and the oldest and newest computation time.
 */
export const ZReadinessFreshness = z.object({
  units: z.number().int(),
  /** Units at each effective level (C5 under a directed resource action, else the override's, else computed). */
  byLevel: z.record(ZCLevel, z.number().int()),
  /** Units never computed: counted here, at no level. */
  withoutResult: z.number().int(),
  oldestComputedAt: z.string().nullable(),
  newestComputedAt: z.string().nullable(),
});
export type TReadinessFreshness = z.infer<typeof ZReadinessFreshness>;

/** Readiness of the units of one force in one department. */
export const ZRegionReadinessRow = z.object({
  department: ZDepartmentUbigeo,
  departmentName: z.string(),
  force: ZForce,
  ...ZReadinessFreshness.shape,
  members: z.number().int(),
  /** Members holding a current certificate in every area the standard requires of each member. */
  qualifiedMembers: z.number().int(),
});
export type TRegionReadinessRow = z.infer<typeof ZRegionReadinessRow>;

/** Where a capability exists: per unit with a location, the serviceable quantity per equipment group. */
export const ZCapabilityRow = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  force: ZForce,
  department: z.string().nullable(),
  ubigeo: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  counts: z.record(ZEquipmentGroup, z.number().int()),
});
export type TCapabilityRow = z.infer<typeof ZCapabilityRow>;

/** Members with a current certificate, per department and course area. */
export const ZCertifiedRow = z.object({
  department: z.string(),
  departmentName: z.string(),
  area: z.string(),
  members: z.number().int(),
});
export type TCertifiedRow = z.infer<typeof ZCertifiedRow>;

export const ZExpiringSummary = z.object({
  asOf: z.string(),
  within30: z.number().int(),
  within60: z.number().int(),
  within90: z.number().int(),
  /** Per course area, expiring within 90 days. */
  byArea: z.array(z.object({ area: z.string(), within30: z.number().int(), within60: z.number().int(), within90: z.number().int() })),
});
export type TExpiringSummary = z.infer<typeof ZExpiringSummary>;

export const ZNationalQuery = z
  .object({
    force: ZForce.optional(),
    department: ZDepartmentUbigeo.optional(),
    exercise: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type TNationalQuery = z.infer<typeof ZNationalQuery>;

export const ZNationalReadiness = z.object({
  /** Today (Lima): the day the certificate figures are judged on. Readiness is as of `overall`'s computations. */
  asOf: z.string(),
  /** Every unit of the filter: how many have no result, and the oldest and newest computation. */
  overall: ZReadinessFreshness,
  regions: z.array(ZRegionReadinessRow),
  capabilities: z.array(ZCapabilityRow),
  certified: z.array(ZCertifiedRow),
  expiring: ZExpiringSummary,
});
export type TNationalReadiness = z.infer<typeof ZNationalReadiness>;

/** `GET /readiness/training-plan?department=15`: the course seats that close the region's gaps at least cost. */
export const ZTrainingPlanQuery = z.object({ department: ZDepartmentUbigeo, force: ZForce.optional() }).strict();

export const ZTrainingPlan = z.looseObject({
  department: z.string(),
  asOf: z.string(),
  /** Total course seats the plan uses. */
  seats: z.number().int(),
  /** The readiness standard the plan closes the gaps of (`standardId@version`). */
  standardVersion: z.string(),
  courses: z.array(z.looseObject({ courseCode: z.string(), seats: z.number().int() })),
});
export type TTrainingPlan = z.infer<typeof ZTrainingPlan>;
