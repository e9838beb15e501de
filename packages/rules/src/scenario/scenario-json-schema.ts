import { z } from 'zod';
import { ZScenarioFile } from './scenario.schema.ts';

/**
 * The JSON Schema (draft 2020-12) of the scenario file, generated from the zod schema so the two cannot drift. The
 * server serves it and the build writes it to docs/scenario.schema.json. It describes the input: fields with a
 * default are optional. Rules between fields (what each kind of instrument requires, end after start, known ids and
 * UBIGEO codes) are in the description and checked by `parseScenarioFile`.
 */
export const SCENARIO_FILE_JSON_SCHEMA: Readonly<Record<string, unknown>> = z.toJSONSchema(ZScenarioFile, {
  io: 'input',
  target: 'draft-2020-12',
  unrepresentable: 'any',
});
