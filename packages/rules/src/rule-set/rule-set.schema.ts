import { z } from 'zod';
import { S4_GROUNDS, ZEquipmentCategory, ZSeverity, ZTask, ZTrainingArea } from '../codes.ts';
import { RULE_CODES, ZRuleCode } from './rule-codes.ts';

/** A text in both languages of the product, Spanish first. `{name}` marks a parameter filled at evaluation. */
export const ZLocalizedText = z.object({ es: z.string().min(1), en: z.string().min(1) }).strict();
export type TLocalizedText = z.infer<typeof ZLocalizedText>;

/** Where a rule comes from: the instrument and its article; `unverified` when no source showed the article. */
export const ZLegalRef = z
  .object({
    instrument: z.string().min(1).max(300),
    article: z.string().min(1).max(200).nullable(),
    unverified: z.boolean(),
  })
  .strict();
export type TLegalRef = z.infer<typeof ZLegalRef>;

/** One rule: its id, its legal reference, how severe it is and what to say and suggest, in Spanish and English. */
export const ZRule = z
  .object({
    id: ZRuleCode,
    legalRef: ZLegalRef,
    severity: ZSeverity,
    message: ZLocalizedText,
    remedy: ZLocalizedText,
  })
  .strict();
export type TRule = z.infer<typeof ZRule>;

/** Readiness thresholds for one force group. */
export const ZReadinessThresholds = z
  .object({
    /** Largest share (0-1) of a unit's members who may carry a lethal weapon. */
    maxLethalShare: z.number().min(0).max(1),
    /** Whether only members marked `designatedLethal` may carry one. */
    lethalRequiresDesignation: z.boolean(),
    /** Radios required per member (1: a radio for every member); a unit pool counts towards it. */
    radiosPerMember: z.number().min(0).max(10),
    /** Training every member needs whatever the task. */
    baseTraining: z.array(ZTrainingArea),
  })
  .strict();
export type TReadinessThresholds = z.infer<typeof ZReadinessThresholds>;

/** What a task of the catalogue requires. */
export const ZTaskProfile = z
  .object({
    /** Whether the FF.AA. may perform the task in support of the PNP (INVESTIGACION_CRIMINAL never). */
    ffaaMayPerform: z.boolean(),
    /** Training required beyond the base training (e.g. PROCEDIMIENTOS_DETENCION where detentions may occur). */
    training: z.array(ZTrainingArea),
    /** A crowd task: every member needs the crowd-control set. */
    crowdTask: z.boolean(),
    /** Drones the protocol requires for the task (a warning at most: protocols are not in this model yet). */
    dronesRequired: z.number().int().min(0).max(100),
  })
  .strict();
export type TTaskProfile = z.infer<typeof ZTaskProfile>;

/** Every threshold of the rules. None is fixed in code; the legal references sit in the rules. */
export const ZThresholds = z
  .object({
    /** Longest emergency decree or extension, in days (Constitution art. 137: 60). Can be made stricter only. */
    maxEmergencyDays: z.number().int().min(1).max(60),
    /** Typical duration of an S4 supreme resolution, in days; a longer one is flagged. */
    typicalRsDays: z.number().int().min(1).max(366),
    /** Default look-ahead of expiry alerts, in days. */
    expiryAlertDays: z.number().int().min(0).max(366),
    readiness: z.object({ FFAA: ZReadinessThresholds, PNP: ZReadinessThresholds }).strict(),
    /** The crowd-control set each member of a crowd task carries. */
    crowdControlSet: z.array(ZEquipmentCategory).min(1),
    tasks: z.record(ZTask, ZTaskProfile),
    /** Tasks consistent with each S4 ground; another task under that ground is a warning. */
    groundTasks: z.record(z.enum(S4_GROUNDS), z.array(ZTask)),
  })
  .strict();
export type TThresholds = z.infer<typeof ZThresholds>;

/**
 * A versioned rule set: the data an admin may replace through the API. Every evaluation records the
 * `ruleSetVersion` it used, so a changed threshold is traceable in every later decision.
 */
export const ZRuleSet = z
  .object({
    ruleSetVersion: z.string().trim().min(1).max(64),
    description: z.string().max(2000).optional(),
    thresholds: ZThresholds,
    rules: z.array(ZRule),
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `rule ${rule.id} defined twice` });
      seen.add(rule.id);
    });
    for (const code of RULE_CODES) {
      if (!seen.has(code)) ctx.addIssue({ code: 'custom', path: ['rules'], message: `rule ${code} is missing` });
    }
    // Alvarado Espinoza v. México: no investigative role for the military, in any scenario. Not a threshold.
    if (set.thresholds.tasks.INVESTIGACION_CRIMINAL.ffaaMayPerform) {
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds', 'tasks', 'INVESTIGACION_CRIMINAL', 'ffaaMayPerform'],
        message: 'the FF.AA. may never perform INVESTIGACION_CRIMINAL',
      });
    }
  });
export type TRuleSet = z.infer<typeof ZRuleSet>;
