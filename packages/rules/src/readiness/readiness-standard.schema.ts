import { z } from 'zod';
import { EQUIPMENT_CONDITIONS, PERSON_STATUSES } from '@enlace/contracts';
import { TASKS, TRAINING_AREAS, ZEquipmentCategory, ZTask, ZTrainingArea } from '../codes.ts';
import type { TTask, TTrainingArea } from '../codes.ts';
import { ZLocalizedText } from '../rule-set/rule-set.schema.ts';

/**
 * A readiness standard: what a unit must have (qualified people, equipment, trained mission-essential tasks) and the
 * shares that make each level. Data, versioned and replaceable by an admin: nothing here is fixed in code. Every part
 * names the reference it comes from (`ref`, a key of `references`), so a screen can say why a number is what it is.
 */

/** The four pillars of a readiness report: personnel, supplies on hand, equipment condition, training. */
export const READINESS_PILLARS = ['P', 'S', 'R', 'T'] as const;
export const ZReadinessPillar = z.enum(READINESS_PILLARS);
export type TReadinessPillar = z.infer<typeof ZReadinessPillar>;

/** Levels 1 (fully able) to 5 (undergoing a directed resource action), for pillars and the overall C-level. */
export const ZReadinessLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export type TReadinessLevel = z.infer<typeof ZReadinessLevel>;

/** Mission-essential task ratings: Y yes, Q qualified yes (can do it, with shortfalls), N no. */
export const MET_RATINGS = ['Y', 'Q', 'N'] as const;
export const ZMetRating = z.enum(MET_RATINGS);
export type TMetRating = z.infer<typeof ZMetRating>;

/** A source of the standard: a regulation, a directive or a published practice; `unverified` until checked. */
export const ZStandardRef = z
  .object({
    source: z.string().min(1).max(300),
    section: z.string().min(1).max(200).nullable(),
    unverified: z.boolean(),
    note: z.string().max(1000).optional(),
  })
  .strict();
export type TStandardRef = z.infer<typeof ZStandardRef>;

/** The key of a reference in `references`. */
const ZRefKey = z.string().regex(/^[A-Za-z0-9_]{1,64}$/);

/**
 * Lowest shares (0-1) of levels 1, 2 and 3; below the third the pillar is at level 4. Level 5 is never computed from
 * shares: it is the state of a unit under a directed resource action (reorganising, re-equipping by order).
 */
export const ZLevelBoundaries = z
  .object({
    min: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1), z.number().min(0).max(1)]),
    ref: ZRefKey,
  })
  .strict()
  .refine((b) => b.min[0] >= b.min[1] && b.min[1] >= b.min[2], { message: 'level boundaries must not increase', path: ['min'] });
export type TLevelBoundaries = z.infer<typeof ZLevelBoundaries>;

/**
 * How many items of a category a unit needs: `perMember` items for each member of its strength, or one item for
 * each `perMembers` members (rounded up, at least `minimum`), or a fixed `perUnit` quantity. `withRadio` counts only
 * items that carry a radio of the force's net (vehicles with communications).
 */
export const ZEquipmentRequirement = z
  .object({
    category: ZEquipmentCategory,
    withRadio: z.boolean().default(false),
    perMember: z.number().min(0).max(10).default(0),
    perMembers: z.number().int().min(1).max(100_000).nullable().default(null),
    perUnit: z.number().int().min(0).max(10_000).default(0),
    minimum: z.number().int().min(0).max(10_000).default(0),
    ref: ZRefKey,
  })
  .strict();
export type TEquipmentRequirement = z.infer<typeof ZEquipmentRequirement>;
export type TEquipmentRequirementInput = z.input<typeof ZEquipmentRequirement>;

/** A mission-essential task of a task type: the courses its members need and the equipment it needs beyond the base. */
export const ZMetStandard = z
  .object({
    name: ZLocalizedText,
    /** Courses beyond the standard's per-member courses (which every MET also requires). */
    courses: z.array(ZTrainingArea).max(TRAINING_AREAS.length),
    equipment: z.array(ZEquipmentRequirement).max(50),
    ref: ZRefKey,
  })
  .strict();
export type TMetStandard = z.infer<typeof ZMetStandard>;

export const ZReadinessStandard = z
  .object({
    standardId: z.string().regex(/^[A-Z0-9_]{1,64}$/),
    version: z.string().trim().min(1).max(64),
    name: ZLocalizedText,
    description: z.string().max(4000).optional(),
    references: z.record(ZRefKey, ZStandardRef),
    levels: z.object({ P: ZLevelBoundaries, S: ZLevelBoundaries, R: ZLevelBoundaries, T: ZLevelBoundaries }).strict(),
    personnel: z
      .object({
        /** Statuses that fill a billet for readiness (a member on leave does not). */
        countedStatuses: z.array(z.enum(PERSON_STATUSES)).min(1),
        /** Courses every member must hold, current, to count as qualified (P). */
        courses: z.array(ZTrainingArea).min(1).max(TRAINING_AREAS.length),
        ref: ZRefKey,
      })
      .strict(),
    /** Equipment the unit needs whatever its tasks (per member kit and per unit means). */
    equipment: z.array(ZEquipmentRequirement).max(50),
    /** Conditions that count as on hand (S); of these only `serviceable` counts for R. */
    onHandConditions: z.array(z.enum(EQUIPMENT_CONDITIONS)).min(1),
    lethal: z
      .object({
        /** Largest share of the strength that may carry a lethal weapon. */
        maxShare: z.number().min(0).max(1),
        /** Whether only designated members may carry one. */
        requiresDesignation: z.boolean(),
        ref: ZRefKey,
      })
      .strict(),
    mets: z
      .object({
        /** A MET is trained and current when at least this share of the strength holds its courses. */
        trainedShare: z.number().min(0).max(1),
        /** Y when training and serviceable equipment both reach `yes`; Q when both reach `qualified`; else N. */
        rating: z.object({ yes: z.number().min(0).max(1), qualified: z.number().min(0).max(1) }).strict(),
        tasks: z.partialRecord(ZTask, ZMetStandard),
        /** The METs a unit reports on when its own list is not given. */
        defaultTasks: z.array(ZTask).min(1),
        ref: ZRefKey,
      })
      .strict(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const refs = new Set(Object.keys(s.references));
    const check = (key: string, path: (string | number)[]): void => {
      if (!refs.has(key)) ctx.addIssue({ code: 'custom', path, message: `unknown reference ${key}` });
    };
    for (const p of ['P', 'S', 'R', 'T'] as const) check(s.levels[p].ref, ['levels', p, 'ref']);
    check(s.personnel.ref, ['personnel', 'ref']);
    check(s.lethal.ref, ['lethal', 'ref']);
    check(s.mets.ref, ['mets', 'ref']);
    s.equipment.forEach((e, i) => check(e.ref, ['equipment', i, 'ref']));
    for (const [task, met] of Object.entries(s.mets.tasks)) {
      check(met.ref, ['mets', 'tasks', task, 'ref']);
      met.equipment.forEach((e, i) => check(e.ref, ['mets', 'tasks', task, 'equipment', i, 'ref']));
    }
    s.mets.defaultTasks.forEach((t, i) => {
      if (!s.mets.tasks[t]) ctx.addIssue({ code: 'custom', path: ['mets', 'defaultTasks', i], message: `no MET standard for ${t}` });
    });
    if (s.mets.rating.qualified > s.mets.rating.yes) {
      ctx.addIssue({ code: 'custom', path: ['mets', 'rating'], message: 'qualified must not exceed yes' });
    }
  });
export type TReadinessStandard = z.infer<typeof ZReadinessStandard>;
export type TReadinessStandardInput = z.input<typeof ZReadinessStandard>;

/** Every task of the catalogue that a readiness standard may describe. */
export const READINESS_TASKS: readonly TTask[] = TASKS;
/** Every course code a standard may require. */
export const READINESS_COURSES: readonly TTrainingArea[] = TRAINING_AREAS;
