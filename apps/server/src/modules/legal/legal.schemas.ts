import { ZAgencyCode, ZClassification, ZRecordLabels } from '@enlace/contracts';
import { ZInstrument, ZRule, ZTaskingResult, ZThresholds } from '@enlace/rules';
import { z } from 'zod';

// These schemas build on @enlace/rules, which itself depends on @enlace/contracts: they live beside the routes
// rather than in packages/contracts, which may not import the rules package.

/** An instrument to register: the rules package's instrument plus the record labels every record carries. */
export const ZInstrumentCreate = ZInstrument.extend({
  /** Owning agency; the actor's own when absent. */
  agency: ZAgencyCode.optional(),
  classification: ZClassification,
  exercise: z.boolean().default(false),
});
export type TInstrumentCreate = z.infer<typeof ZInstrumentCreate>;

/** An instrument as the registry holds it. */
export const ZInstrumentRecord = ZInstrument.extend(ZRecordLabels.shape);
export type TInstrumentRecord = z.infer<typeof ZInstrumentRecord>;

/** Instrument ids are the instruments' own identifiers, not UUIDs. */
export const ZInstrumentIdParams = z.object({ id: z.string().min(1).max(128) }).strict();

export const ZInstrumentListQuery = z
  .object({
    kind: ZInstrument.shape.kind.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const ZExpiringQuery = z.object({ days: z.coerce.number().int().min(0).max(366).optional() }).strict();

/** An admin's change to the rule set in force: a new version, thresholds to replace (by key), rules to replace (by id). */
export const ZRuleSetChange = z
  .object({
    ruleSetVersion: z.string().trim().min(1).max(64),
    description: z.string().max(2000).optional(),
    thresholds: ZThresholds.partial().optional(),
    rules: z.array(ZRule).optional(),
  })
  .strict();

/** The evaluator's answer and the id under which it was stored. */
export const ZStoredTaskingResult = ZTaskingResult.extend({ evaluationId: z.uuid() });

/** A stored evaluation. */
export const ZTaskingEvaluation = z.object({
  id: z.uuid(),
  actor: z.string(),
  agency: ZAgencyCode,
  classification: ZClassification,
  input: z.unknown(),
  result: ZTaskingResult,
  ruleSetVersion: z.string(),
  decision: ZTaskingResult.shape.decision,
  createdAt: z.string(),
});
export type TTaskingEvaluation = z.infer<typeof ZTaskingEvaluation>;

export const ZEvaluationListQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(1000).default(50) })
  .strict();
