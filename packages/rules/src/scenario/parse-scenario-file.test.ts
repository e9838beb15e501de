import { describe, expect, it } from 'vitest';
import { AS_OF, aLawfulBasis, aUnit } from '../testing/factories.ts';
import { evaluateScenario } from './evaluate-scenario.ts';
import { parseScenarioFile } from './parse-scenario-file.ts';
import { parseScenarioText } from './parse-scenario-text.ts';
import { SCENARIO_FILE_JSON_SCHEMA } from './scenario-json-schema.ts';

interface TFileLike {
  asOf?: string;
  instruments: Record<string, unknown>[];
  units: Record<string, unknown>[];
  requests: Record<string, unknown>[];
  [extra: string]: unknown;
}

function aFile(): TFileLike {
  return structuredClone({
    asOf: AS_OF,
    instruments: aLawfulBasis(),
    units: [aUnit()],
    requests: [
      { id: 'r1', unitId: 'CIA-1', task: 'PATRULLAJE_CONJUNTO', area: { ubigeo: ['150101'] }, start: '2025-11-05T08:00:00-05:00', end: '2025-11-05T20:00:00-05:00', pnpCoordinator: 'COMISARIA-1' },
    ],
  });
}
const errorsOf = (file: unknown, known?: (c: string) => boolean) => {
  const parsed = parseScenarioFile(file, known ? { isKnownUbigeo: known } : {});
  return parsed.ok ? [] : parsed.errors.map((e) => `${e.code} ${e.path}`);
};
function edit(change: (f: TFileLike) => void): TFileLike {
  const f = aFile();
  change(f);
  return f;
}
const r0 = (f: TFileLike): Record<string, unknown> => f.requests[0] ?? {};

describe('parseScenarioFile', () => {
  it('accepts a valid file and keeps extra fields', () => {
    const parsed = parseScenarioFile({ ...aFile(), title: 'x', expected: { r1: 'allowed' } });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.file['title']).toBe('x');
  });

  it.each<[string, TFileLike, string[]]>([
    ['a wrong type', edit((f) => (r0(f).start = 5)), ['INVALID_FIELD $.requests[0].start']],
    ['an unknown task code', edit((f) => (r0(f).task = 'ESPIONAJE')), ['INVALID_FIELD $.requests[0].task']],
    ['a malformed UBIGEO', edit((f) => (r0(f).area = { ubigeo: ['15010'] })), ['INVALID_FIELD $.requests[0].area.ubigeo[0]']],
    ['an impossible date', edit((f) => ((f.instruments[0] ?? {}).validTo = '2025-02-30')), ['INVALID_FIELD $.instruments[0].validTo']],
    ['a missing members list', edit((f) => delete (f.units[0] ?? {}).members), ['INVALID_FIELD $.units[0].members']],
    ['an end before the start', edit((f) => (r0(f).end = '2025-11-05T07:00:00-05:00')), ['END_BEFORE_START $.requests[0].end']],
    ['a dangling unitId', edit((f) => (r0(f).unitId = 'CIA-9')), ['DANGLING_REFERENCE $.requests[0].unitId']],
    ['a dangling extends', edit((f) => ((f.instruments[1] ?? {}).extends = 'DS-999')), ['EXTENSION_PARENT_UNKNOWN $.instruments[1].extends']],
    ['a dangling appliesTo', edit((f) => ((f.instruments[2] ?? {}).appliesTo = ['DS-999'])), ['APPLIES_TO_UNKNOWN $.instruments[2].appliesTo[0]']],
    ['a repeated request id', edit((f) => f.requests.push({ ...r0(f) })), ['DUPLICATE_ID $.requests[1].id']],
    ['a decree over 60 days', edit((f) => ((f.instruments[0] ?? {}).validTo = '2025-12-21')), expect.arrayContaining(['DECREE_TOO_LONG $.instruments[0].validTo'])],
    ['a right that cannot be restricted', edit((f) => ((f.instruments[0] ?? {}).restrictedRights = ['LIBERTAD_EXPRESION'])), ['RIGHT_NOT_RESTRICTABLE $.instruments[0].restrictedRights[0]']],
  ])('refuses %s, naming the path', (_name, file, expected) => {
    expect(errorsOf(file)).toEqual(expected);
  });

  it('gives each schema error in Spanish and English', () => {
    const parsed = parseScenarioFile(edit((f) => (r0(f).start = 5)));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]?.message.en).toMatch(/^\$\.requests\[0\]\.start: .*expected/i);
    expect(parsed.errors[0]?.message.es).toMatch(/^\$\.requests\[0\]\.start: .*(esperaba|inválid)/i);
  });

  it('refuses an unknown UBIGEO when given the reference geography', () => {
    const known = new Set(['15', '1501', '150101']);
    expect(errorsOf(edit((f) => (r0(f).area = { ubigeo: ['150199'] })), (c) => known.has(c))).toEqual(['UNKNOWN_UBIGEO $.requests[0].area.ubigeo[0]']);
    expect(errorsOf(aFile(), (c) => known.has(c))).toEqual([]);
  });

  it('keeps a gap in an extension chain as a warning so its effect can be simulated', () => {
    const parsed = parseScenarioFile(edit((f) => ((f.instruments[1] ?? {}).validFrom = '2025-11-22')));
    expect(parsed.ok && parsed.warnings.map((w) => `${w.code} ${w.path}`)).toEqual(['EXTENSION_GAP $.instruments[1].validFrom']);
  });
});

describe('parseScenarioText', () => {
  it('refuses a 10 MB file before parsing it', () => {
    const text = JSON.stringify({ ...aFile(), padding: 'x'.repeat(10 * 1024 * 1024) });
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: 'FILE_TOO_LARGE', path: '$' });
  });

  it('refuses deeply nested JSON with its position, ignoring brackets inside strings', () => {
    const result = parseScenarioText(`{"a": "[[[[", "b": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message.en).toBe('The JSON nests more than 64 levels (line 1, column 83).');
    expect(parseScenarioText(JSON.stringify({ a: '[[[[[[' })).ok).toBe(true);
  });

  it('refuses text that is not JSON', () => {
    const result = parseScenarioText('{"asOf": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.code).toBe('INVALID_JSON');
  });
});

describe('evaluateScenario', () => {
  it('gives one result per request id, in the format shape', () => {
    const evaluation = evaluateScenario(aFile());
    expect(evaluation.ok).toBe(true);
    if (!evaluation.ok) return;
    expect(evaluation.results.map((r) => Object.keys(r))).toEqual([['id', 'decision', 'legalBasis', 'controlAuthority', 'ruleSetVersion', 'findings']]);
    expect(evaluation.results[0]).toMatchObject({ id: 'r1', decision: 'allowed' });
  });

  it('judges training at the caller clock when the file has no asOf, and refuses to guess one', () => {
    const file = edit((f) => delete f.asOf);
    const late = evaluateScenario(file, { now: '2026-07-01T10:00:00-05:00' });
    expect(late.ok && late.results[0]?.findings.map((f) => f.code)).toContain('TRAINING_EXPIRED');
    expect(() => evaluateScenario(file)).toThrow(/asOf/);
  });

  it('passes polygon coverage hints by request id', () => {
    const file = edit((f) => (r0(f).area = { geometry: { type: 'Polygon', coordinates: [[[-77, -12], [-77.1, -12], [-77, -12.1], [-77, -12]]] } }));
    const without = evaluateScenario(file);
    expect(without.ok && without.results[0]?.findings[0]?.code).toBe('BASIS_AREA_UNVERIFIED');
    const hinted = evaluateScenario(file, { coverage: { r1: [{ instrumentId: 'DS-124-2025-PCM', coversGeometry: true }] } });
    expect(hinted.ok && hinted.results[0]?.decision).toBe('allowed');
  });
});

describe('SCENARIO_FILE_JSON_SCHEMA', () => {
  it('is a draft 2020-12 schema with the format codes, open to extra fields', () => {
    const schema = SCENARIO_FILE_JSON_SCHEMA as { $schema: string; required: string[]; additionalProperties: unknown; properties: Record<string, { items?: { properties?: Record<string, { enum?: string[] }> } }> };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['units', 'requests']);
    expect(schema.additionalProperties).toEqual({});
    expect(schema.properties['instruments']?.items?.properties?.['kind']?.enum).toContain('DS_PRORROGA');
    expect(schema.properties['requests']?.items?.properties?.['task']?.enum).toContain('INVESTIGACION_CRIMINAL');
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
