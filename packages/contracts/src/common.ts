import { z } from 'zod';
import { ZAgencyCode, ZClassification } from './enums.ts';

/** Error body returned by every failing route. */
export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

export const ZUuid = z.uuid();
export const ZIdParams = z.object({ id: z.uuid() }).strict();

/** Paging for list endpoints. */
export const ZPageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

/**
 * What every stored record carries: its owning agency, its classification (Ley 27806) and whether it belongs to
 * an exercise (training data never mixes with real data), plus when it was created and last changed.
 */
export const ZRecordLabels = z.object({
  agency: ZAgencyCode,
  classification: ZClassification,
  exercise: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
