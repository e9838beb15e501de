import { z } from 'zod';
import { ZControlAuthority, ZDecision, ZEquipmentCategory, ZTask, ZTrainingArea, ZUnitForce } from '../codes.ts';
import { ZIsoDate, ZIsoDateOrDateTime, periodDays } from '../dates.ts';
import { ZFinding } from '../findings.ts';
import { ZArea, hasArea } from '../instruments/instrument.schema.ts';

/** A training certificate, valid through `validUntil` inclusive. */
export const ZTraining = z.looseObject({ area: ZTrainingArea, validUntil: ZIsoDate });

/** A member of a unit: current certificates, what they carry, whether they are designated to carry a lethal weapon. */
export const ZMember = z.looseObject({
  id: z.string().min(1).max(128),
  trainings: z.array(ZTraining),
  equipment: z.array(ZEquipmentCategory),
  designatedLethal: z.boolean().optional(),
});
export type TMember = z.infer<typeof ZMember>;

/** Equipment held by the unit rather than by a member (a pool members may draw from). */
export const ZUnitEquipment = z.looseObject({ category: ZEquipmentCategory, quantity: z.number().int().min(0) });
export type TUnitEquipment = z.infer<typeof ZUnitEquipment>;

/** A unit as the evaluator sees it. Members are optional: without them readiness is not checked (a warning). */
export const ZTaskingUnit = z.looseObject({
  id: z.string().min(1).max(128),
  force: ZUnitForce,
  name: z.string().max(300).optional(),
  members: z.array(ZMember).optional(),
  equipment: z.array(ZUnitEquipment).optional(),
});
export type TTaskingUnit = z.infer<typeof ZTaskingUnit>;

/** A requested area: UBIGEO codes and/or a polygon, at least one of them. */
export const ZRequestArea = ZArea.refine(hasArea, { message: 'an area needs UBIGEO codes or a geometry' });

/** Refuses an end before the start, on the `end` field. */
export function refinePeriod(value: { start: string; end: string }, ctx: z.RefinementCtx): void {
  if (periodDays(value.start, value.end) === null) ctx.addIssue({ code: 'custom', path: ['end'], message: 'end is before start' });
}

/**
 * What `POST /api/v1/tasking/evaluate` receives: a unit, a task, an area and a period. A date means the whole day in
 * America/Lima; a date-time without an offset is Lima time.
 */
export const ZTaskingInput = z
  .looseObject({
    unit: ZTaskingUnit,
    task: ZTask,
    area: ZRequestArea,
    start: ZIsoDateOrDateTime,
    end: ZIsoDateOrDateTime,
    pnpCoordinator: z.string().trim().min(1).max(300).optional(),
  })
  .superRefine(refinePeriod);
export type TTaskingInput = z.infer<typeof ZTaskingInput>;

/** The evaluator's answer, in the shape the scenario format fixes. */
export const ZTaskingResult = z.object({
  decision: ZDecision,
  legalBasis: z.array(z.string()),
  /** Who controls internal order under the basis; null when there is no basis or the bases disagree. */
  controlAuthority: ZControlAuthority.nullable(),
  ruleSetVersion: z.string(),
  findings: z.array(ZFinding),
});
export type TTaskingResult = z.infer<typeof ZTaskingResult>;
