import { ZAgencyCode, ZClassification, ZRecordLabels } from '@enlace/contracts';
import { ZInstrument, ZIsoDate, ZRule, ZTaskingResult, ZThresholds } from '@enlace/rules';
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

/**
 * `POST /legal/instruments/:id/revoke`: the instrument is revoked (derogated) from `revokedOn`, the first America/Lima
 * day on which it no longer has force, by the instrument named in `revokingInstrument` (its number or registry id).
 */
export const ZRevocationRequest = z
  .object({
    revokedOn: ZIsoDate,
    reason: z.string().trim().min(1).max(2000),
    revokingInstrument: z.string().trim().min(1).max(128),
    sourceUrl: z.url().max(2000).optional(),
  })
  .strict();
export type TRevocationRequest = z.infer<typeof ZRevocationRequest>;

/** A recorded revocation: the request plus who recorded it and when. */
export const ZRevocation = ZRevocationRequest.extend({ revokedAt: z.string(), revokedBy: z.string() });
export type TRevocation = z.infer<typeof ZRevocation>;

/** An instrument as the registry holds it; `revocation` when it was revoked. */
export const ZInstrumentRecord = ZInstrument.extend({ ...ZRecordLabels.shape, revocation: ZRevocation.optional() });
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
  /** The input as stored: the request with the unit's members replaced by their count and digest. */
  input: z.unknown(),
  /** SHA-256 (hex) of the stored input's JSON text; absent on evaluations stored before it was recorded. */
  inputDigest: z.string().optional(),
  result: ZTaskingResult,
  ruleSetVersion: z.string(),
  decision: ZTaskingResult.shape.decision,
  createdAt: z.string(),
});
export type TTaskingEvaluation = z.infer<typeof ZTaskingEvaluation>;

export const ZEvaluationListQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(1000).default(50) })
  .strict();
