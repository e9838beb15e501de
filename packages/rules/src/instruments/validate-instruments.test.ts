import { describe, expect, it } from 'vitest';
import type { TInstrumentRuleCode } from '../rule-set/rule-codes.ts';
import { INSTRUMENT_RULE_CODES } from '../rule-set/rule-codes.ts';
import { aDecree, anExtension, anS4Basis, aSupporting } from '../testing/factories.ts';
import type { TInstrument } from './instrument.schema.ts';
import { validateInstrument, validateInstruments } from './validate-instruments.ts';

const codes = (instruments: TInstrument[]): string[] => validateInstruments(instruments).findings.map((f) => f.code);
const [rs] = anS4Basis();
if (!rs) throw new Error('no RS');

/** [rule, instruments that make it fire, instruments just on the lawful side]. */
const CASES: readonly [TInstrumentRuleCode, TInstrument[], TInstrument[]][] = [
  ['INSTRUMENT_ID_DUPLICATE', [aDecree(), aDecree()], [aDecree(), aDecree({ id: 'DS-125' })]],
  ['INSTRUMENT_VALIDITY_REVERSED', [aDecree({ validFrom: '2025-11-21', validTo: '2025-11-20' })], [aDecree({ validFrom: '2025-11-20', validTo: '2025-11-20' })]],
  ['DECREE_TOO_LONG', [aDecree({ validFrom: '2025-11-01', validTo: '2025-12-31' })], [aDecree({ validFrom: '2025-11-01', validTo: '2025-12-30' })]],
  ['DECREE_TOO_LONG', [aDecree(), anExtension({ validTo: '2026-01-20' })], [aDecree(), anExtension({ validTo: '2026-01-19' })]],
  ['RS_LONGER_THAN_TYPICAL', [{ ...rs, validTo: '2025-12-01' }], [{ ...rs, validTo: '2025-11-30' }]],
  ['EXTENSION_NOT_NEW_DECREE', [aDecree(), anExtension({ number: '124-2025-PCM' })], [aDecree(), anExtension()]],
  ['EXTENSION_NOT_NEW_DECREE', [aDecree(), { ...rs, extends: 'DS-124-2025-PCM', validFrom: '2025-11-21', validTo: '2025-12-20' }], [aDecree(), anExtension()]],
  ['EXTENSION_NOT_NEW_DECREE', [rs, anExtension({ extends: rs.id, validFrom: '2025-12-01', validTo: '2025-12-30' })], [aDecree(), anExtension()]],
  ['EXTENSION_PARENT_UNKNOWN', [anExtension()], [aDecree(), anExtension()]],
  ['EXTENSION_PARENT_UNKNOWN', [aDecree(), anExtension({ extends: null })], [aDecree(), anExtension()]],
  ['EXTENSION_GAP', [aDecree(), anExtension({ validFrom: '2025-11-22' })], [aDecree(), anExtension({ validFrom: '2025-11-21' })]],
  ['EXTENSION_OVERLAP', [aDecree(), anExtension({ validFrom: '2025-11-20' })], [aDecree(), anExtension({ validFrom: '2025-11-21' })]],
  ['EXTENSION_CYCLE', [aDecree({ extends: 'DS-140-2025-PCM' }), anExtension()], [aDecree(), anExtension()]],
  ['EXTENSION_DUPLICATE', [aDecree(), anExtension(), anExtension({ id: 'DS-141', number: '141' })], [aDecree(), anExtension(), anExtension({ id: 'DS-141', number: '141', extends: 'DS-140-2025-PCM', validFrom: '2025-12-21', validTo: '2026-01-19' })]],
  ['RIGHT_NOT_RESTRICTABLE', [aDecree({ restrictedRights: ['LIBERTAD_EXPRESION'] })], [aDecree({ restrictedRights: ['LIBERTAD_SEGURIDAD_PERSONAL', 'INVIOLABILIDAD_DOMICILIO', 'LIBERTAD_REUNION', 'LIBERTAD_TRANSITO'] })]],
  ['RIGHT_NOT_RESTRICTABLE', [aDecree(), anExtension({ restrictedRights: ['DESTIERRO'] })], [aDecree(), anExtension({ restrictedRights: ['LIBERTAD_REUNION'] })]],
  ['S4_RIGHTS_RESTRICTED', [{ ...rs, restrictedRights: ['LIBERTAD_REUNION'] }], [{ ...rs, restrictedRights: [] }]],
  ['S4_GROUND_MISSING', [{ ...rs, ground: undefined }], [rs]],
  ['S4_CAPACITY_MISSING', [{ ...rs, ground: 'OTRO_CONSTITUCIONALMENTE_JUSTIFICADO', pnpCapacity: undefined }], [{ ...rs, ground: 'OTRO_CONSTITUCIONALMENTE_JUSTIFICADO', pnpCapacity: 'PELIGRO' }]],
  ['SCENARIO_MISSING', [aDecree({ scenario: undefined })], [aDecree()]],
  ['SCENARIO_KIND_MISMATCH', [aDecree({ scenario: 'APOYO_PNP_SIN_EE' })], [aDecree()]],
  ['SCENARIO_KIND_MISMATCH', [{ ...rs, scenario: 'APOYO_PNP_CON_EE' }], [rs]],
  ['AREA_MISSING', [aDecree({ area: { ubigeo: [] } })], [aDecree({ area: { geometry: { type: 'Polygon', coordinates: [] } } })]],
  ['CONTROL_AUTHORITY_MISSING', [aDecree({ controlAuthority: undefined })], [aDecree()]],
  ['CONTROL_AUTHORITY_MISMATCH', [aDecree({ scenario: 'FFAA_CONTROL_OSV', controlAuthority: 'PNP' })], [aDecree({ scenario: 'FFAA_CONTROL_OSV', controlAuthority: 'FFAA' })]],
  ['CONTROL_AUTHORITY_MISMATCH', [{ ...rs, controlAuthority: 'FFAA' }], [{ ...rs, controlAuthority: undefined }]],
  ['APPLIES_TO_MISSING', [aDecree(), aSupporting('RUF', 'RUF-1', { appliesTo: [] })], [aDecree(), aSupporting('RUF', 'RUF-1')]],
  ['APPLIES_TO_UNKNOWN', [aSupporting('DIRECTIVA_MINDEF', 'DIR-1')], [aDecree(), aSupporting('DIRECTIVA_MINDEF', 'DIR-1')]],
];

describe('instrument rules', () => {
  it.each(CASES.map(([code, bad, good], i) => [`${code} #${i}`, code, bad, good] as const))('%s fires and does not fire', (_n, code, bad, good) => {
    expect(codes(bad)).toContain(code);
    expect(codes(good)).not.toContain(code);
  });

  it('has a firing case for every instrument rule', () => {
    expect(new Set(CASES.map(([code]) => code))).toEqual(new Set(INSTRUMENT_RULE_CODES));
  });

  it('accepts the lawful Lima chain with no finding at all', () => {
    expect(validateInstruments([aDecree(), anExtension(), aSupporting('RUF', 'RUF-1'), ...anS4Basis()])).toEqual({ valid: true, findings: [] });
  });

  it('names the parent, the days and the path of a one-day gap, in Spanish and English', () => {
    const [gap] = validateInstruments([aDecree(), anExtension({ validFrom: '2025-11-22' })]).findings;
    expect(gap).toMatchObject({ code: 'EXTENSION_GAP', severity: 'blocking', instrumentId: 'DS-140-2025-PCM', path: ['validFrom'], index: 1 });
    expect(gap?.message.es).toContain('1 día(s) sin base legal');
    expect(gap?.message.en).toContain('DS-124-2025-PCM ends on 2025-11-20');
    expect(gap?.remedy.en).toContain('2025-11-21');
    expect(gap?.legalRef).toBe('Constitución Política del Perú, art. 137');
  });

  it('lets an extension inherit scenario, area and control authority, and judges it on what it states', () => {
    expect(codes([aDecree(), anExtension()])).toEqual([]);
    expect(codes([aDecree({ restrictedRights: ['X'] }), anExtension()])).toEqual(['RIGHT_NOT_RESTRICTABLE']);
  });

  it('keeps a warning from rejecting the instrument', () => {
    const result = validateInstruments([{ ...rs, validTo: '2025-12-05' }]);
    expect(result.valid).toBe(true);
    expect(result.findings.map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('validateInstrument (registry entry)', () => {
  it('accepts an extension that follows its stored parent', () => {
    const result = validateInstrument(anExtension(), { existing: [aDecree()] });
    expect(result.ok).toBe(true);
  });

  it('rejects an extension with a gap, with the coded reason', () => {
    const result = validateInstrument(anExtension({ validFrom: '2025-11-23' }), { existing: [aDecree()] });
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.code)).toEqual(['EXTENSION_GAP']);
  });

  it('rejects a second extension of a decree already extended', () => {
    const result = validateInstrument(anExtension({ id: 'DS-150', number: '150' }), { existing: [aDecree(), anExtension()] });
    expect(result.findings.map((f) => f.code)).toContain('EXTENSION_DUPLICATE');
  });

  it('treats a stored instrument with the same id as the version being replaced', () => {
    const result = validateInstrument(aDecree({ validTo: '2025-11-25' }), { existing: [aDecree()] });
    expect(result.ok).toBe(true);
  });

  it('gives schema errors with the path for malformed input', () => {
    const result = validateInstrument({ id: 'X', kind: 'DECRETO', validFrom: '2025-13-01' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.schemaErrors.map((e) => e.path.join('.'))).toEqual(expect.arrayContaining(['kind', 'validFrom', 'validTo']));
  });
});
