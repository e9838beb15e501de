import { z } from 'zod';
import { EQUIPMENT_CONDITIONS } from '@enlace/contracts';
import { ZEquipmentCategory, ZTask, ZTrainingArea } from '../codes.ts';
import { ZMetRating, ZReadinessLevel, ZReadinessPillar } from './readiness-standard.schema.ts';

/** One pillar: its level and the share that gave it (numerator / denominator). */
export const ZPillarScore = z.object({
  level: ZReadinessLevel,
  share: z.number(),
  numerator: z.number(),
  denominator: z.number(),
});
export type TPillarScore = z.infer<typeof ZPillarScore>;

/** A mission-essential task: its rating and the two shares behind it. */
export const ZMetScore = z.object({
  task: ZTask,
  rating: ZMetRating,
  /** Trained and current: enough of the strength holds the MET's courses (counts towards T). */
  trained: z.boolean(),
  qualifiedMembers: z.number().int(),
  trainingShare: z.number(),
  /** Serviceable equipment the MET needs, capped per category, over what it needs. */
  equipmentShare: z.number(),
});
export type TMetScore = z.infer<typeof ZMetScore>;

/**
 * One concrete item that keeps the unit from the target level:
 * - COURSES: a member must take these courses (for P, or for the MET `task` under T);
 * - FILL_BILLETS: not enough members can be trained: this many qualified members must be assigned;
 * - PROCURE: this many items of a category are missing (`quantity` closes the level; `shortfall` is all that is missing);
 * - REPAIR: this equipment record must be repaired (`quantity` items of it).
 */
export const ZGapItem = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('COURSES'),
    pillar: z.enum(['P', 'T']),
    task: ZTask.nullable(),
    memberId: z.string(),
    courses: z.array(ZTrainingArea),
  }),
  z.object({ kind: z.literal('FILL_BILLETS'), pillar: z.enum(['P', 'T']), task: ZTask.nullable(), count: z.number().int() }),
  z.object({
    kind: z.literal('PROCURE'),
    pillar: z.literal('S'),
    category: ZEquipmentCategory,
    withRadio: z.boolean(),
    quantity: z.number().int(),
    shortfall: z.number().int(),
  }),
  z.object({
    kind: z.literal('REPAIR'),
    pillar: z.literal('R'),
    equipmentId: z.string(),
    category: ZEquipmentCategory,
    condition: z.enum(EQUIPMENT_CONDITIONS),
    quantity: z.number().int(),
  }),
]);
export type TGapItem = z.infer<typeof ZGapItem>;

/** Per pillar above the target: how far it is and how many members / items / METs close it. */
export const ZGapSummary = z.object({
  pillar: ZReadinessPillar,
  fromLevel: ZReadinessLevel,
  toLevel: ZReadinessLevel,
  /** Members to qualify (P), items to procure (S) or repair (R), METs to train (T). */
  needed: z.number().int(),
  /** False when the pillar cannot reach the target with what the unit has (e.g. not enough members to train). */
  closable: z.boolean(),
});
export type TGapSummary = z.infer<typeof ZGapSummary>;

/** The readiness of one unit, computed against one version of a standard on one Lima day. */
export const ZReadinessComputation = z.object({
  unitId: z.string(),
  standardId: z.string(),
  standardVersion: z.string(),
  asOf: z.iso.date(),
  strength: z.number().int(),
  /** What `strength` is: the unit's authorized strength, or its roster when it has none set. */
  strengthBase: z.enum(['authorized', 'roster']),
  /** Whose METs were rated: the unit's own task list, or the standard's default tasks. */
  tasksBase: z.enum(['unit', 'default']),
  /** Members whose status fills a billet. */
  countedMembers: z.number().int(),
  directedResourceAction: z.boolean(),
  /** The reason of the directed resource action (why the unit is C5); null when there is none. */
  directedResourceRemark: z.string().nullable(),
  pillars: z.object({ P: ZPillarScore, S: ZPillarScore, R: ZPillarScore, T: ZPillarScore }),
  /** The computed C-level: the worst pillar (5 under a directed resource action). */
  level: ZReadinessLevel,
  mets: z.array(ZMetScore),
  lethal: z.object({
    carriers: z.number().int(),
    allowed: z.number().int(),
    /** Members carrying a lethal weapon without being designated (when the standard requires designation). */
    undesignated: z.array(z.string()),
    compliant: z.boolean(),
  }),
  /** What keeps the unit from `targetLevel` (by default the next level); null at C1 or under a resource action. */
  gaps: z
    .object({ targetLevel: ZReadinessLevel, summary: z.array(ZGapSummary), items: z.array(ZGapItem) })
    .nullable(),
});
export type TReadinessComputation = z.infer<typeof ZReadinessComputation>;
