import { describe, expect, it } from 'vitest';
import { aDecree, aLawfulBasis, anExtension, aSupporting } from '../testing/factories.ts';
import { indexInstruments, supportingFor } from './index-instruments.ts';

describe('indexInstruments', () => {
  it('resolves a registry array once, and a changed registry (a new array) afresh', () => {
    const registry = aLawfulBasis();
    const index = indexInstruments(registry);
    expect(indexInstruments(registry)).toBe(index);
    const changed = registry.map((i) => (i.id === 'DS-124-2025-PCM' ? { ...i, area: { ubigeo: ['0801'] } } : i));
    const reindexed = indexInstruments(changed);
    expect(reindexed).not.toBe(index);
    expect(reindexed.basesByUbigeo.get('0801')?.map((b) => b.id)).toEqual(['DS-124-2025-PCM', 'DS-140-2025-PCM']);
    expect(index.basesByUbigeo.get('0801')).toBeUndefined();
  });

  it('gives each basis the supporting instruments of its whole chain, resolved once and handed out as copies', () => {
    const registry = [...aLawfulBasis(), aSupporting('RUF', 'RUF-EXT', { appliesTo: ['DS-140-2025-PCM'] })];
    const index = indexInstruments(registry);
    const extension = index.byId.get('DS-140-2025-PCM');
    const decree = index.byId.get('DS-124-2025-PCM');
    if (!extension || !decree) throw new Error('missing basis');
    expect(index.supportingByBasis.get(extension)?.map((s) => s.id)).toEqual(['RUF-1', 'DIR-1', 'PLAN-1', 'RUF-EXT']);
    expect(index.supportingByBasis.get(decree)?.map((s) => s.id)).toEqual(['RUF-1', 'DIR-1', 'PLAN-1']);
    const copy = supportingFor(index, decree);
    copy.pop();
    expect(supportingFor(index, decree).map((s) => s.id)).toEqual(['RUF-1', 'DIR-1', 'PLAN-1']);
  });

  it('ranks the bases with a polygon in registry order', () => {
    const ring: [number, number][] = [[0, 0], [1, 0], [1, 1], [0, 0]];
    const geometry = { type: 'Polygon' as const, coordinates: [ring] };
    const index = indexInstruments([
      aDecree({ id: 'A', area: { geometry } }),
      aDecree({ id: 'B' }),
      anExtension({ id: 'C', extends: 'A' }),
    ]);
    expect(index.basesWithGeometry.map((b) => b.id)).toEqual(['A', 'C']);
    expect(index.basesWithGeometry.map((b) => index.geometryRank.get(b))).toEqual([0, 1]);
  });
});
