import { z } from 'zod';

export const AUDIT_FAILURE_KINDS = [
  'altered',
  'removed',
  'inserted',
  'reordered',
  'truncated',
  'rewritten',
  'checkpoint_invalid',
] as const;
export const ZAuditFailureKind = z.enum(AUDIT_FAILURE_KINDS);

/** Result of recomputing the audit chain. */
export const ZAuditVerifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBadSeq: z.number().int().nullable(),
  kind: ZAuditFailureKind.nullable(),
  checkpoint: z.object({ seq: z.number().int(), hash: z.string(), signedAt: z.string() }).nullable(),
});
export type TAuditVerifyResult = z.infer<typeof ZAuditVerifyResult>;

export const ZAuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actor: z.string().nullable(),
  agency: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  stateHash: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditListQuery = z
  .object({
    entityType: z.string().max(64).optional(),
    entityId: z.string().max(128).optional(),
    actor: z.string().max(64).optional(),
    beforeSeq: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
