import { describe, expect, it } from 'vitest';
import type { TCoverageHint } from '../area/area-coverage.ts';
import { indexInstruments } from '../instruments/index-instruments.ts';
import { DEFAULT_RULE_SET } from '../rule-set/default-rule-set.ts';
import { aDecree, aLawfulBasis } from '../testing/factories.ts';
import { dayOf } from '../dates.ts';
import { checkBasis } from './check-basis.ts';

const period = (from: string, to: string) => ({ from: dayOf(from), to: dayOf(to) });
const basisIds = (instruments: Parameters<typeof indexInstruments>[0], from: string, to: string, hints?: TCoverageHint[]) =>
  checkBasis(indexInstruments(instruments), { ubigeo: ['150101'] }, period(from, to), hints, DEFAULT_RULE_SET).bases.map((b) => b.id);

describe('checkBasis: which bases are taken', () => {
  // The decree runs 2025-10-22..2025-11-20, its extension 2025-11-21..2025-12-20.
  it.each([
    ['a period ending on the decree\'s first day', '2025-10-20', '2025-10-22', ['DS-124-2025-PCM']],
    ['a period ending the day before it', '2025-10-20', '2025-10-21', []],
    ['a period starting on the extension\'s last day', '2025-12-20', '2025-12-24', ['DS-140-2025-PCM']],
    ['a period starting the day after it', '2025-12-21', '2025-12-24', []],
    ['a period over the change from decree to extension', '2025-11-20', '2025-11-21', ['DS-124-2025-PCM', 'DS-140-2025-PCM']],
  ])('%s', (_name, from, to, expected) => {
    expect(basisIds(aLawfulBasis(), from, to)).toEqual(expected);
  });

  it('with complete hints, takes a polygon basis for a code only when a hint says it covers it', () => {
    const ring: [number, number][] = [[-78, -13], [-76, -13], [-76, -11], [-78, -13]];
    const geometry = { type: 'Polygon' as const, coordinates: [ring] };
    const registry = [aDecree({ id: 'P2', area: { geometry } }), aDecree({ id: 'P1', area: { geometry } }), aDecree({ id: 'C1', area: { ubigeo: ['1501'] } })];
    expect(basisIds(registry, '2025-11-01', '2025-11-02', [])).toEqual(['C1']);
    const both: TCoverageHint[] = [
      { instrumentId: 'P1', coveredUbigeo: ['150101'] },
      { instrumentId: 'P2', coveredUbigeo: ['150101'] },
    ];
    expect(basisIds(registry, '2025-11-01', '2025-11-02', both)).toEqual(['C1', 'P1', 'P2']);
    const assessment = checkBasis(indexInstruments(registry), { ubigeo: ['150101'] }, period('2025-11-01', '2025-11-02'), both, DEFAULT_RULE_SET);
    // Registry order (P2 before P1) among the polygon bases, whatever the order of the hints.
    expect(assessment.parts[0]?.coveredBy.map((b) => b.id)).toEqual(['C1', 'P2', 'P1']);
    // Without hints a polygon basis cannot be judged for a code: it is named as unverified, in registry order.
    const polygonsOnly = registry.filter((i) => i.id !== 'C1');
    const unverified = checkBasis(indexInstruments(polygonsOnly), { ubigeo: ['150101'] }, period('2025-11-01', '2025-11-02'), undefined, DEFAULT_RULE_SET);
    expect(unverified.findings.map((f) => [f.code, f.details?.instruments])).toEqual([['BASIS_AREA_UNVERIFIED', ['P2', 'P1']]]);
    expect(unverified.parts[0]?.coveredBy).toEqual([]);
  });
});
