import { describe, expect, it } from 'vitest';
import { aDecree, anExtension, anS4Basis, aSupporting } from '../testing/factories.ts';
import { expiringInstruments } from './expiring-instruments.ts';

describe('expiringInstruments', () => {
  const [rs] = anS4Basis();
  if (!rs) throw new Error('no RS');
  const registry = [aDecree(), rs, aSupporting('RUF', 'RUF-1', { validTo: '2025-11-20' })];

  it.each([
    ['the last day is today', '2025-11-20', 0, ['DS-124-2025-PCM', 'RUF-1']],
    ['the last day is exactly withinDays away', '2025-11-10', 10, ['DS-124-2025-PCM', 'RUF-1']],
    ['the last day is one day beyond the window', '2025-11-09', 10, []],
    ['the instrument lapsed yesterday', '2025-11-21', 30, ['RS-010-2025-IN']],
  ])('when %s', (_name, today, within, ids) => {
    expect(expiringInstruments(registry, today, within).map((e) => e.id)).toEqual(ids);
  });

  it('leaves out a decree already continued by an extension, and alerts on the extension instead', () => {
    const chain = [aDecree(), anExtension()];
    expect(expiringInstruments(chain, '2025-11-15', 10)).toEqual([]);
    expect(expiringInstruments(chain, '2025-12-15', 10)).toEqual([
      { id: 'DS-140-2025-PCM', kind: 'DS_PRORROGA', validTo: '2025-12-20', daysLeft: 5, chainRoot: 'DS-124-2025-PCM' },
    ]);
  });

  it('judges "today" in Lima: 23:30 on the last day still counts as that day', () => {
    expect(expiringInstruments([aDecree()], '2025-11-20T23:30:00-05:00', 0).map((e) => e.daysLeft)).toEqual([0]);
    expect(expiringInstruments([aDecree()], '2025-11-21T04:30:00Z', 0).map((e) => e.daysLeft)).toEqual([0]);
  });
});
