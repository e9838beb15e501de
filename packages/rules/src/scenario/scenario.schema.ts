import { z } from 'zod';
import { ZTask } from '../codes.ts';
import { ZIsoDateOrDateTime } from '../dates.ts';
import { ZInstrument } from '../instruments/instrument.schema.ts';
import { ZMember, ZRequestArea, ZTaskingResult, ZTaskingUnit } from '../tasking/tasking.schema.ts';

/**
 * The legal scenario file, exactly as /work/shared/domain/scenario-format.md fixes it. Every object accepts extra
 * fields (the format allows additions); none of these may be renamed. Rules a schema cannot state (fields a kind
 * of instrument requires, end before start, dangling ids, unknown UBIGEO) are checked by `parseScenarioFile`.
 */

/** A unit of the file: `members` is required here (it is optional for the HTTP evaluator). */
export const ZScenarioUnit = ZTaskingUnit.extend({ members: z.array(ZMember) });
export type TScenarioUnit = z.infer<typeof ZScenarioUnit>;

export const ZScenarioRequest = z.looseObject({
  id: z.string().min(1).max(128),
  unitId: z.string().min(1).max(128),
  task: ZTask,
  area: ZRequestArea,
  start: ZIsoDateOrDateTime,
  end: ZIsoDateOrDateTime,
  pnpCoordinator: z.string().trim().min(1).max(300).optional(),
});
export type TScenarioRequest = z.infer<typeof ZScenarioRequest>;

export const ZScenarioFile = z
  .looseObject({
    /** The moment of evaluation (training validity); the caller's clock when absent. */
    asOf: ZIsoDateOrDateTime.optional(),
    instruments: z.array(ZInstrument).default([]),
    units: z.array(ZScenarioUnit),
    requests: z.array(ZScenarioRequest),
  })
  .meta({
    title: 'Enlace legal scenario file',
    description:
      'Deployments to test before requesting them. Dates without a time are whole days in America/Lima; validTo is ' +
      'inclusive. Per kind of instrument: DS_ESTADO_EMERGENCIA requires scenario, area, controlAuthority; ' +
      'DS_PRORROGA requires extends; RESOLUCION_SUPREMA requires scenario APOYO_PNP_SIN_EE, ground, area; RUF, ' +
      'DIRECTIVA_MINDEF, DIRECTIVA_CCFFAA, PLAN_CCO require appliesTo.',
  });
export type TScenarioFile = z.infer<typeof ZScenarioFile>;

/** One result per request, in the shape the format fixes. */
export const ZScenarioResult = ZTaskingResult.extend({ id: z.string() });
export type TScenarioResult = z.infer<typeof ZScenarioResult>;
