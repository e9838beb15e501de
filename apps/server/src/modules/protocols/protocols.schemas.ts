import { ZAgencyCode, ZClassification, ZRecordLabels } from '@enlace/contracts';
import { ZProtocolDraft, ZProtocolForce, ZProtocolProcedure, ZProtocolStatus, ZProtocolVersion } from '@enlace/rules';
import { z } from 'zod';

// These schemas build on @enlace/rules (the protocol model is pure and shared with the web): they live beside the
// routes rather than in packages/contracts, which may not import the rules package.

/** A new protocol version to draft: the content plus the labels every record carries. */
export const ZProtocolCreate = ZProtocolDraft.safeExtend({
  /** Owning agency; the actor's own when absent. */
  agency: ZAgencyCode.optional(),
  classification: ZClassification,
});
export type TProtocolCreate = z.infer<typeof ZProtocolCreate>;

/** A protocol version as the registry holds it. */
export const ZProtocolRecord = ZProtocolVersion.safeExtend({
  ...ZRecordLabels.pick({ agency: true, classification: true, createdAt: true }).shape,
  createdBy: z.string(),
});
export type TProtocolRecord = z.infer<typeof ZProtocolRecord>;

export const ZProtocolIdParams = z.object({ id: z.uuid() }).strict();

export const ZProtocolListQuery = z
  .object({
    procedure: ZProtocolProcedure.optional(),
    force: ZProtocolForce.optional(),
    status: ZProtocolStatus.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const ZProtocolCompareQuery = z.object({ left: z.uuid(), right: z.uuid() }).strict();

const ZLocalized = z.object({ es: z.string(), en: z.string() });
const ZFieldChange = z.union([
  z.object({ field: z.enum(['title', 'description']), left: ZLocalized.nullable(), right: ZLocalized.nullable() }),
  z.object({ field: z.literal('maxForceLevel'), left: z.number(), right: z.number() }),
  z.object({ field: z.enum(['equipment', 'training', 'tasks', 'legalRefs']), added: z.array(z.string()), removed: z.array(z.string()) }),
]);
const ZStepRow = z.object({
  code: z.string(),
  status: z.enum(['same', 'reworded', 'changed', 'only_left', 'only_right']),
  moved: z.boolean(),
  leftPosition: z.number().nullable(),
  rightPosition: z.number().nullable(),
  left: z.unknown(),
  right: z.unknown(),
  changes: z.array(ZFieldChange),
});

/** The side-by-side comparison of two protocol versions. */
export const ZProtocolComparisonResponse = z.object({
  left: ZProtocolRecord,
  right: ZProtocolRecord,
  header: z.array(ZFieldChange),
  steps: z.array(ZStepRow),
  summary: z.object({
    same: z.number(),
    reworded: z.number(),
    changed: z.number(),
    onlyLeft: z.number(),
    onlyRight: z.number(),
    moved: z.number(),
    maxForceLevel: z.object({ left: z.number(), right: z.number() }),
  }),
});
