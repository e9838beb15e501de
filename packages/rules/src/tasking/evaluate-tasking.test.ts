import type { TAreaGeoJson } from '@enlace/contracts';
import { describe, expect, it } from 'vitest';
import type { TInstrument } from '../instruments/instrument.schema.ts';
import type { TTaskingRuleCode } from '../rule-set/rule-codes.ts';
import { TASKING_RULE_CODES } from '../rule-set/rule-codes.ts';
import { AS_OF, aDecree, aLawfulBasis, anExtension, anS4Basis, aRequest, aSupporting, aUnit } from '../testing/factories.ts';
import type { TTaskingContext } from './evaluate-tasking.ts';
import { evaluateTasking } from './evaluate-tasking.ts';
import type { TTaskingInput } from './tasking.schema.ts';

const evaluate = (input: TTaskingInput, instruments: TInstrument[], extra: Partial<TTaskingContext> = {}) =>
  evaluateTasking(input, { instruments, asOf: AS_OF, ...extra });
const codes = (input: TTaskingInput, instruments: TInstrument[], extra: Partial<TTaskingContext> = {}): string[] =>
  evaluate(input, instruments, extra).findings.map((f) => f.code);

const POLYGON: TAreaGeoJson = { type: 'Polygon', coordinates: [[[-77.05, -12.05], [-77.0, -12.05], [-77.0, -12.0], [-77.05, -12.05]]] };
const day = (d: string): Partial<TTaskingInput> => ({ start: d, end: d });
const gapChain = (): TInstrument[] => aLawfulBasis().map((i) => (i.id === 'DS-140-2025-PCM' ? { ...i, validFrom: '2025-11-22' } : i));
const s2Cusco = (): TInstrument[] => [
  aDecree({ id: 'DS-200', number: '200', scenario: 'FFAA_CONTROL_OSV', controlAuthority: 'FFAA', area: { ubigeo: ['0801'] } }),
  aSupporting('RUF', 'RUF-200', { appliesTo: ['DS-200'] }),
  aSupporting('DIRECTIVA_CCFFAA', 'DIR-200', { appliesTo: ['DS-200'] }),
];
const without = (ids: string[]): TInstrument[] => aLawfulBasis().filter((i) => !ids.includes(i.id));

/** [rule, request and instruments where it fires, the nearest case where it does not]. */
type TCase = readonly [TTaskingRuleCode, TTaskingInput, TInstrument[], TTaskingInput, TInstrument[]];
const CASES: readonly TCase[] = [
  ['NO_LEGAL_BASIS', aRequest(day('2025-12-21')), aLawfulBasis(), aRequest(day('2025-12-20')), aLawfulBasis()],
  ['NO_LEGAL_BASIS', aRequest(day('2025-10-21')), aLawfulBasis(), aRequest(day('2025-10-22')), aLawfulBasis()],
  ['BASIS_AREA_NOT_COVERED', aRequest({ area: { ubigeo: ['150101', '150201'] } }), aLawfulBasis(), aRequest({ area: { ubigeo: ['150101', '150102'] } }), aLawfulBasis()],
  ['BASIS_PERIOD_NOT_COVERED', aRequest({ start: '2025-11-19', end: '2025-11-23' }), gapChain(), aRequest({ start: '2025-11-19', end: '2025-11-23' }), aLawfulBasis()],
  ['BASIS_AREA_UNVERIFIED', aRequest({ area: { geometry: POLYGON } }), aLawfulBasis(), aRequest({ area: { ubigeo: ['150101'] } }), aLawfulBasis()],
  ['BASIS_CONTROL_CONFLICT', aRequest({ area: { ubigeo: ['150101', '080101'] } }), [...aLawfulBasis(), ...s2Cusco()], aRequest({ area: { ubigeo: ['080101'] } }), [...aLawfulBasis(), ...s2Cusco()]],
  ['PNP_COORDINATOR_MISSING', aRequest({ pnpCoordinator: undefined }), aLawfulBasis(), aRequest(), aLawfulBasis()],
  ['PNP_COORDINATOR_MISSING', aRequest({ area: { ubigeo: ['200701'] }, task: 'PROTECCION_INSTALACION_ESTRATEGICA', pnpCoordinator: undefined }), anS4Basis(), aRequest({ area: { ubigeo: ['200701'] }, task: 'PROTECCION_INSTALACION_ESTRATEGICA' }), anS4Basis()],
  ['PNP_ZONE_UNVERIFIED', aRequest(), without(['PLAN-1']), aRequest(), aLawfulBasis()],
  ['FFAA_CONTROL_ORDER_UNVERIFIED', aRequest({ area: { ubigeo: ['080101'] }, pnpCoordinator: undefined }), s2Cusco(), aRequest(), aLawfulBasis()],
  ['RUF_NOT_IN_FORCE', aRequest(), [...without(['RUF-1']), aSupporting('RUF', 'RUF-2', { validTo: '2025-11-04' })], aRequest(), [...without(['RUF-1']), aSupporting('RUF', 'RUF-2', { validTo: '2025-11-05' })]],
  ['DIRECTIVE_NOT_IN_FORCE', aRequest(), without(['DIR-1']), aRequest(), [...without(['DIR-1']), aSupporting('DIRECTIVA_MINDEF', 'DIR-M')]],
  ['TASK_FORBIDDEN_FOR_FFAA', aRequest({ task: 'INVESTIGACION_CRIMINAL' }), aLawfulBasis(), aRequest({ task: 'INVESTIGACION_CRIMINAL', unit: aUnit({ force: 'PNP' }) }), []],
  ['TASK_OUTSIDE_GROUND', aRequest({ area: { ubigeo: ['200701'] } }), anS4Basis(), aRequest({ area: { ubigeo: ['200701'] }, task: 'PROTECCION_INSTALACION_ESTRATEGICA' }), anS4Basis()],
  ['OVERSIGHT_UNRECORDED', aRequest(), [aDecree({ oversight: undefined }), ...without(['DS-124-2025-PCM'])], aRequest(), aLawfulBasis()],
  ['PNP_OWN_MANDATE', aRequest({ unit: aUnit({ force: 'PNP' }) }), [], aRequest(), aLawfulBasis()],
];

describe('tasking rules: basis, command, directives, scope, oversight', () => {
  it.each(CASES.map((c, i) => [`${c[0]} #${i}`, ...c] as const))('%s fires and does not fire', (_n, code, bad, badIns, good, goodIns) => {
    expect(codes(bad, badIns)).toContain(code);
    expect(codes(good, goodIns)).not.toContain(code);
  });

  it('has a firing case for every tasking rule', () => {
    expect(new Set(CASES.map(([code]) => code))).toEqual(new Set(TASKING_RULE_CODES));
  });

  it('allows a lawful joint patrol, citing decree, RUF, directive and CCO plan', () => {
    expect(evaluate(aRequest(), aLawfulBasis())).toEqual({
      decision: 'allowed',
      legalBasis: ['DS-124-2025-PCM', 'RUF-1', 'DIR-1', 'PLAN-1'],
      controlAuthority: 'PNP',
      ruleSetVersion: 'enlace-default-2025.11.3',
      findings: [],
    });
  });

  it('allows a period that runs from the decree into its extension', () => {
    const result = evaluate(aRequest({ start: '2025-11-19', end: '2025-11-23' }), aLawfulBasis());
    expect(result.decision).toBe('allowed');
    expect(result.legalBasis.slice(0, 2)).toEqual(['DS-124-2025-PCM', 'DS-140-2025-PCM']);
  });

  it('denies a period that runs into a one-day gap, naming the day', () => {
    const result = evaluate(aRequest({ start: '2025-11-19', end: '2025-11-23' }), gapChain());
    expect(result.decision).toBe('denied');
    expect(result.findings[0]?.details).toEqual({ areas: ['150101'], days: '2025-11-21' });
  });

  it('denies the day after expiry and allows the last day (validTo is inclusive)', () => {
    expect(evaluate(aRequest(day('2025-12-20')), aLawfulBasis()).decision).toBe('allowed');
    expect(evaluate(aRequest({ start: '2025-12-20T22:00:00-05:00', end: '2025-12-21T00:00:00-05:00' }), aLawfulBasis()).decision).toBe('allowed');
    expect(evaluate(aRequest({ start: '2025-12-20T22:00:00-05:00', end: '2025-12-21T00:00:01-05:00' }), aLawfulBasis()).decision).toBe('denied');
  });

  it('names only the districts outside the basis', () => {
    const result = evaluate(aRequest({ area: { ubigeo: ['150101', '150201', '160101'] } }), aLawfulBasis());
    expect(result.findings.find((f) => f.code === 'BASIS_AREA_NOT_COVERED')?.message.en).toBe(
      'Outside any legal basis during the period: 150201, 160101.',
    );
  });

  it('uses polygon coverage precomputed by the server, in both directions', () => {
    const request = aRequest({ area: { geometry: POLYGON } });
    expect(evaluate(request, aLawfulBasis(), { coverage: [{ instrumentId: 'DS-124-2025-PCM', coversGeometry: true }] }).decision).toBe('allowed');
    const leaves = evaluate(request, aLawfulBasis(), { coverage: [{ instrumentId: 'DS-124-2025-PCM', coversGeometry: false }] });
    expect(leaves.findings.map((f) => f.code)).toEqual(['NO_LEGAL_BASIS']);
    const polygonBasis = [aDecree({ area: { geometry: POLYGON } }), ...without(['DS-124-2025-PCM'])];
    const hint = { instrumentId: 'DS-124-2025-PCM', coveredUbigeo: ['150101'] };
    expect(evaluate(aRequest(), polygonBasis, { coverage: [hint] }).decision).toBe('allowed');
    expect(evaluate(aRequest({ area: { ubigeo: ['150102'] } }), polygonBasis, { coverage: [hint] }).findings[0]?.code).toBe('NO_LEGAL_BASIS');
  });

  it('denies INVESTIGACION_CRIMINAL to the FF.AA. in every scenario and without any basis', () => {
    const investigate = (instruments: TInstrument[], ubigeo: string) =>
      evaluate(aRequest({ task: 'INVESTIGACION_CRIMINAL', area: { ubigeo: [ubigeo] } }), instruments);
    for (const [instruments, ubigeo] of [[aLawfulBasis(), '150101'], [s2Cusco(), '080101'], [anS4Basis(), '200701'], [[], '150101']] as const) {
      const result = investigate([...instruments], ubigeo);
      expect(result.decision).toBe('denied');
      expect(result.findings[0]?.code).toBe('TASK_FORBIDDEN_FOR_FFAA');
    }
    const s1 = s2Cusco().map((i) => (i.id === 'DS-200' ? { ...i, scenario: 'FFAA_CONTROL_GRUPO_HOSTIL' as const } : i));
    expect(investigate(s1, '080101').decision).toBe('denied');
  });

  it('gives control to the FF.AA. under S2 and to the PNP under S3 and S4', () => {
    expect(evaluate(aRequest({ area: { ubigeo: ['080101'] } }), s2Cusco()).controlAuthority).toBe('FFAA');
    expect(evaluate(aRequest(), aLawfulBasis()).controlAuthority).toBe('PNP');
    expect(evaluate(aRequest({ area: { ubigeo: ['200701'] } }), anS4Basis()).controlAuthority).toBe('PNP');
    expect(evaluate(aRequest(day('2026-01-05')), aLawfulBasis()).controlAuthority).toBeNull();
  });

  it('lets a RUF issued for the decree cover its extension', () => {
    const instruments = [aDecree(), anExtension(), aSupporting('RUF', 'R', { validTo: '2025-12-20' }), aSupporting('DIRECTIVA_CCFFAA', 'D'), aSupporting('PLAN_CCO', 'P')];
    expect(evaluate(aRequest(day('2025-12-01')), instruments).decision).toBe('allowed');
  });

  it('asks the extension for its own Congress notice but lets it inherit the contacts', () => {
    const instruments = aLawfulBasis().map((i) => (i.id === 'DS-140-2025-PCM' ? { ...i, oversight: undefined } : i));
    const result = evaluate(aRequest(day('2025-12-01')), instruments);
    expect(result.decision).toBe('conditional');
    expect(result.findings.map((f) => f.details)).toEqual([{ instrument: 'DS-140-2025-PCM', missing: ['CONGRESO'] }]);
  });

  it('needs no decree, RUF or coordinator for a PNP unit in its own mandate', () => {
    const result = evaluate(aRequest({ unit: aUnit({ force: 'PNP' }), pnpCoordinator: undefined, area: { ubigeo: ['160101'] } }), []);
    expect(result).toMatchObject({ decision: 'allowed', legalBasis: [], controlAuthority: 'PNP' });
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['PNP_OWN_MANDATE', 'info']]);
  });
});
