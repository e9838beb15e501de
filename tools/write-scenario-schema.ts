/**
 * Writes the JSON Schema of the legal scenario file to docs/scenario.schema.json, generated from the zod schema
 * in @enlace/rules (a test fails when the committed file falls behind). Usage: npx tsx tools/write-scenario-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SCENARIO_FILE_JSON_SCHEMA } from '@enlace/rules';

const target = resolve(import.meta.dirname, '../docs/scenario.schema.json');
writeFileSync(target, `${JSON.stringify(SCENARIO_FILE_JSON_SCHEMA, null, 2)}\n`);
process.stderr.write(`wrote ${target}\n`);
