import { z } from 'zod';
import { ZScenarioResult } from '@enlace/rules';
import { apiRequest } from '../../app/api.ts';

const ZScenarioResults = z.object({ results: z.array(ZScenarioResult) });
/** One result per request of a scenario file. */
export type TScenarioResult = z.infer<typeof ZScenarioResult>;

/** `POST /tasking/evaluate-scenario`: evaluates a scenario file on the server without storing anything. */
export async function evaluateScenario(file: unknown): Promise<TScenarioResult[]> {
  return (await apiRequest('/tasking/evaluate-scenario', ZScenarioResults, { method: 'POST', body: file })).results;
}

/** The faults of an invalid file, as the server lists them in `error.details`. */
export const ZScenarioFaults = z.array(
  z.object({ path: z.string(), code: z.string(), message: z.object({ es: z.string(), en: z.string() }) }),
);
