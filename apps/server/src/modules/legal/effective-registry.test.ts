import { describe, expect, it } from 'vitest';
import { dayBefore, effectiveRegistry } from './effective-registry.ts';
import type { TInstrumentRecord } from './legal.schemas.ts';

const labels = { agency: 'CCFFAA', classification: 'PUBLICO', exercise: false, createdAt: '', updatedAt: '' } as const;
const revoked = (revokedOn: string) => ({ revokedOn, reason: 'Derogado', revokingInstrument: 'DS 9-2030-PCM', revokedAt: '', revokedBy: 'legal' });
const link = (id: string, validFrom: string, validTo: string, o: Partial<TInstrumentRecord> = {}): TInstrumentRecord => ({
  id, kind: id.startsWith('P') ? 'DS_PRORROGA' : 'DS_ESTADO_EMERGENCIA', validFrom, validTo, extends: null, ...labels, ...o,
});

describe('the registry with revocations applied', () => {
  it('leaves a registry without revocations as it is, the same objects', () => {
    const registry = [link('DS-1', '2030-01-01', '2030-02-15'), link('P-1', '2030-02-16', '2030-03-31', { extends: 'DS-1' })];
    const out = effectiveRegistry(registry);
    expect(out).toEqual(registry);
    expect(out[0]).toBe(registry[0]);
  });

  it.each([
    ['in the middle of the decree: it ends the day before, its extension falls', '2030-02-01', [['DS-1', '2030-01-31']]],
    ['on the decree\'s first day: nothing is left of the chain', '2030-01-01', []],
    ['on its last day: one day less, the extension falls', '2030-02-15', [['DS-1', '2030-02-14']]],
  ])('revoked %s', (_label, revokedOn, expected) => {
    const registry = [
      link('DS-1', '2030-01-01', '2030-02-15', { revocation: revoked(revokedOn) }),
      link('P-1', '2030-02-16', '2030-03-31', { extends: 'DS-1' }),
      link('P-2', '2030-04-01', '2030-04-30', { extends: 'P-1' }),
      link('DS-9', '2030-01-01', '2030-02-15'),
    ];
    const out = effectiveRegistry(registry);
    expect(out.filter((i) => i.id !== 'DS-9').map((i) => [i.id, i.validTo])).toEqual(expected);
    expect(out.find((i) => i.id === 'DS-9')).toBe(registry[3]);
  });

  it('cuts an extension revoked in its own period and what follows it, not what precedes it', () => {
    const registry = [
      link('DS-1', '2030-01-01', '2030-02-15'),
      link('P-1', '2030-02-16', '2030-03-31', { extends: 'DS-1', revocation: revoked('2030-03-10') }),
      link('P-2', '2030-04-01', '2030-04-30', { extends: 'P-1' }),
    ];
    expect(effectiveRegistry(registry).map((i) => [i.id, i.validTo])).toEqual([['DS-1', '2030-02-15'], ['P-1', '2030-03-09']]);
    expect(dayBefore('2030-03-01')).toBe('2030-02-28');
  });
});
