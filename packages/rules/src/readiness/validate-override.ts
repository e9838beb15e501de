import { z } from 'zod';
import { ZReadinessLevel } from './readiness-standard.schema.ts';
import type { TReadinessLevel } from './readiness-standard.schema.ts';

/**
 * A commander's override of the computed C-level. The commander may judge the unit better or worse than the figures
 * say (C-levels alone mislead), but only in writing: an override without a remark is refused. The caller audits
 * the accepted override together with the computed level it replaces.
 */
export const OVERRIDE_REMARK_MIN = 10;
export const OVERRIDE_REMARK_MAX = 2000;

export const ZOverrideRequest = z
  .object({
    level: ZReadinessLevel,
    remark: z.string().max(OVERRIDE_REMARK_MAX),
  })
  .strict();
export type TOverrideRequest = z.infer<typeof ZOverrideRequest>;

export const OVERRIDE_ERROR_CODES = [
  'READINESS_OVERRIDE_REMARK_REQUIRED',
  'READINESS_OVERRIDE_REMARK_TOO_SHORT',
  'READINESS_OVERRIDE_REMARK_TOO_LONG',
  'READINESS_OVERRIDE_LEVEL_INVALID',
] as const;
export type TOverrideErrorCode = (typeof OVERRIDE_ERROR_CODES)[number];

export type TOverrideValidation =
  | { readonly ok: true; readonly level: TReadinessLevel; readonly computedLevel: TReadinessLevel; readonly remark: string; readonly changed: boolean }
  | { readonly ok: false; readonly code: TOverrideErrorCode; readonly message: { readonly es: string; readonly en: string } };

const MESSAGES: Record<TOverrideErrorCode, { es: string; en: string }> = {
  READINESS_OVERRIDE_REMARK_REQUIRED: {
    es: 'La modificación del nivel por el comandante requiere una observación escrita.',
    en: "A commander's override of the level requires a written remark.",
  },
  READINESS_OVERRIDE_REMARK_TOO_SHORT: {
    es: `La observación debe explicar la modificación (al menos ${OVERRIDE_REMARK_MIN} caracteres).`,
    en: `The remark must explain the override (at least ${OVERRIDE_REMARK_MIN} characters).`,
  },
  READINESS_OVERRIDE_REMARK_TOO_LONG: {
    es: `La observación no puede superar ${OVERRIDE_REMARK_MAX} caracteres.`,
    en: `The remark may not exceed ${OVERRIDE_REMARK_MAX} characters.`,
  },
  READINESS_OVERRIDE_LEVEL_INVALID: {
    es: 'El nivel debe ser C1 a C5.',
    en: 'The level must be C1 to C5.',
  },
};

/** Validates an override against the computed level. Pure: the remark is trimmed, nothing else is changed. */
export function validateOverride(computedLevel: TReadinessLevel, override: { level: unknown; remark?: unknown }): TOverrideValidation {
  const level = ZReadinessLevel.safeParse(override.level);
  if (!level.success) return { ok: false, code: 'READINESS_OVERRIDE_LEVEL_INVALID', message: MESSAGES.READINESS_OVERRIDE_LEVEL_INVALID };
  const remark = typeof override.remark === 'string' ? override.remark.trim() : '';
  if (remark.length === 0) {
    return { ok: false, code: 'READINESS_OVERRIDE_REMARK_REQUIRED', message: MESSAGES.READINESS_OVERRIDE_REMARK_REQUIRED };
  }
  if (remark.length < OVERRIDE_REMARK_MIN) {
    return { ok: false, code: 'READINESS_OVERRIDE_REMARK_TOO_SHORT', message: MESSAGES.READINESS_OVERRIDE_REMARK_TOO_SHORT };
  }
  if (remark.length > OVERRIDE_REMARK_MAX) {
    return { ok: false, code: 'READINESS_OVERRIDE_REMARK_TOO_LONG', message: MESSAGES.READINESS_OVERRIDE_REMARK_TOO_LONG };
  }
  return { ok: true, level: level.data, computedLevel, remark, changed: level.data !== computedLevel };
}
