import { describe, expect, it } from 'vitest';
import { buildTimeline, effectiveArea, effectiveTo, isExpiring, limaToday, validityOn, withChainRevocations } from './instrument-model.ts';
import type { TInstrumentRecord } from './legal-api.ts';

const labels = { agency: 'CCFFAA', classification: 'PUBLICO', exercise: false, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' } as const;
const decree = (id: string, validFrom: string, validTo: string, o: Partial<TInstrumentRecord> = {}): TInstrumentRecord => ({
  id,
  kind: 'DS_ESTADO_EMERGENCIA',
  number: id,
  scenario: 'APOYO_PNP_CON_EE',
  area: { ubigeo: ['1501'] },
  validFrom,
  validTo,
  extends: null,
  ...labels,
  ...o,
});
const extension = (id: string, parent: string, validFrom: string, validTo: string): TInstrumentRecord =>
  decree(id, validFrom, validTo, { kind: 'DS_PRORROGA', extends: parent, area: undefined, scenario: undefined });

describe('instrument model of the registry screens', () => {
  it('places an instrument before, in or after its validity, inclusive', () => {
    const d = decree('A', '2026-11-01', '2026-11-30');
    expect(['2026-10-31', '2026-11-01', '2026-11-30', '2026-12-01'].map((day) => validityOn(d, day))).toEqual(['upcoming', 'in_force', 'in_force', 'expired']);
    expect(isExpiring(d, '2026-11-20', 10)).toBe(true);
    expect(isExpiring(d, '2026-11-19', 10)).toBe(false);
    expect(limaToday(new Date('2026-11-29T03:00:00Z'))).toBe('2026-11-28');
  });

  it('draws one row per chain, with the gap between links and the expiring link', () => {
    const rows = buildTimeline(
      [
        decree('DS-1', '2026-10-01', '2026-10-31'),
        extension('DS-2', 'DS-1', '2026-11-01', '2026-11-30'),
        extension('DS-3', 'DS-2', '2026-12-03', '2026-12-31'),
        decree('RS-9', '2026-11-10', '2026-12-09', { kind: 'RESOLUCION_SUPREMA', scenario: 'APOYO_PNP_SIN_EE' }),
        decree('RUF-1', '2026-01-01', '2026-12-31', { kind: 'RUF', appliesTo: ['DS-2'] }),
      ],
      '2026-11-25',
      10,
    );
    expect(rows.rows.map((r) => r.rootId)).toEqual(['RS-9', 'DS-1']);
    const chain = rows.rows[1]!;
    expect(chain.bars.map((b) => [b.id, b.validity, b.expiring])).toEqual([
      ['DS-1', 'expired', false],
      ['DS-2', 'in_force', true],
      ['DS-3', 'upcoming', false],
    ]);
    expect(chain.gaps).toEqual([{ from: '2026-12-01', to: '2026-12-02' }]);
    expect(chain.support.map((s) => [s.bar.id, s.lane])).toEqual([['RUF-1', 0]]);
    expect(rows.rows[0]!.support).toEqual([]);
    expect([rows.from, rows.to]).toEqual(['2026-10-01', '2026-12-31']);
  });

  it('shows a revoked decree as revoked from its revocation day and carries the revocation down its chain', () => {
    const revocation = { revokedOn: '2026-10-20', reason: 'Derogado', revokingInstrument: 'DS 9-2026-PCM', revokedAt: '2026-10-19T12:00:00Z', revokedBy: 'legal' };
    const registry = withChainRevocations([
      decree('DS-1', '2026-10-01', '2026-10-31', { revocation }),
      extension('DS-2', 'DS-1', '2026-11-01', '2026-11-30'),
      decree('DS-7', '2026-10-01', '2026-10-31'),
    ]);
    const [root, ext, other] = registry as [TInstrumentRecord, TInstrumentRecord, TInstrumentRecord];
    expect(['2026-10-19', '2026-10-20'].map((day) => validityOn(root, day))).toEqual(['in_force', 'revoked']);
    expect(effectiveTo(root)).toBe('2026-10-19');
    expect(isExpiring(root, '2026-10-15', 5)).toBe(true);
    expect(ext.revocation).toMatchObject({ revokedOn: '2026-10-20', inheritedFrom: 'DS-1' });
    expect(validityOn(ext, '2026-11-05')).toBe('revoked');
    expect(other).toBe(registry[2]);
    expect(other.revocation).toBeUndefined();

    const chain = buildTimeline(registry, '2026-10-25', 10).rows.find((r) => r.rootId === 'DS-1')!;
    expect(chain.bars.map((b) => [b.id, b.from, b.to, b.validity, b.revokedOn])).toEqual([
      ['DS-1', '2026-10-01', '2026-10-19', 'revoked', '2026-10-20'],
      ['DS-2', '2026-11-01', '2026-11-30', 'revoked', '2026-10-20'],
    ]);
    expect(chain.gaps).toEqual([]);
  });

  it('takes an extension\'s area from the decree it extends', () => {
    const root = decree('DS-1', '2026-10-01', '2026-10-31');
    const ext = extension('DS-2', 'DS-1', '2026-11-01', '2026-11-30');
    expect(effectiveArea(ext, new Map([[root.id, root], [ext.id, ext]]))).toEqual({ ubigeo: ['1501'] });
  });
});
