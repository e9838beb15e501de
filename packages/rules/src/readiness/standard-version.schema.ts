import { z } from 'zod';
import { ZReadinessStandard } from './readiness-standard.schema.ts';

/**
 * A version of the readiness standard as the API shows it: who put it in force and when, and why. The seed version
 * is the standard of this package, in force until an admin stores another (it has no author time).
 */
export const ZStandardVersionInfo = z.object({
  /** `standardId@version`, as every readiness result names the standard it used. */
  ref: z.string(),
  standardId: z.string(),
  version: z.string(),
  author: z.string(),
  createdAt: z.string().nullable(),
  remark: z.string().nullable(),
  active: z.boolean(),
  seed: z.boolean(),
});
export type TStandardVersionInfo = z.infer<typeof ZStandardVersionInfo>;

/** A version with its content. */
export const ZStandardVersion = ZStandardVersionInfo.extend({ standard: ZReadinessStandard });
export type TStandardVersion = z.infer<typeof ZStandardVersion>;

/**
 * A request to put a new version in force: the whole standard (checked by `validateReadinessStandard`, which names
 * each problem) and a remark saying why.
 */
export const ZStandardChange = z
  .object({
    standard: z.looseObject({ standardId: z.string(), version: z.string() }),
    remark: z.string().trim().max(2000).optional(),
  })
  .strict();
export type TStandardChange = z.infer<typeof ZStandardChange>;
