import { describe, expect, it } from 'vitest';
import { secondmentActions, secondmentDirection, secondmentDraftProblems, secondmentPhase, sortSecondments } from './secondment-view.ts';

const s = (status: 'requested' | 'approved' | 'rejected' | 'cancelled', startsOn: string, endsOn: string, id = startsOn) => ({ id, status, startsOn, endsOn });

describe('secondmentPhase', () => {
  it.each([
    ['an approved period that starts tomorrow', s('approved', '2026-03-11', '2026-03-20'), 'planned'],
    ['an approved period on its first day', s('approved', '2026-03-10', '2026-03-20'), 'active'],
    ['an approved period on its last day', s('approved', '2026-03-01', '2026-03-10'), 'active'],
    ['an approved period that ended yesterday', s('approved', '2026-03-01', '2026-03-09'), 'past'],
    ['a request, whatever its period', s('requested', '2026-01-01', '2026-01-02'), 'requested'],
    ['a rejected request', s('rejected', '2026-03-01', '2026-03-20'), 'rejected'],
    ['a cancelled request', s('cancelled', '2026-03-01', '2026-03-20'), 'cancelled'],
  ] as const)('%s', (_name, secondment, phase) => {
    expect(secondmentPhase(secondment, '2026-03-10')).toBe(phase);
  });
});

describe('secondmentDirection', () => {
  it('is out for the lending unit and in for the receiving one', () => {
    expect(secondmentDirection({ fromUnitId: 'a', toUnitId: 'b' }, 'a')).toBe('out');
    expect(secondmentDirection({ fromUnitId: 'a', toUnitId: 'b' }, 'b')).toBe('in');
  });
});

describe('secondmentActions', () => {
  const pending = { status: 'requested' as const, requestedBy: 'pnp.comandante', agency: 'PNP' as const };
  it('lets another commander of the lending agency decide, not the requester (four eyes)', () => {
    expect(secondmentActions(pending, { username: 'pnp.comandante2', agency: 'PNP', approver: true })).toEqual({ decide: true, cancel: true });
    expect(secondmentActions(pending, { username: 'pnp.comandante', agency: 'PNP', approver: true })).toEqual({ decide: false, cancel: true });
  });
  it('lets a requester without approval rights only cancel their own request', () => {
    expect(secondmentActions(pending, { username: 'pnp.comandante', agency: 'PNP', approver: false })).toEqual({ decide: false, cancel: true });
    expect(secondmentActions(pending, { username: 'pnp.operador', agency: 'PNP', approver: false })).toEqual({ decide: false, cancel: false });
  });
  it('offers nothing on a decided secondment or to another agency', () => {
    expect(secondmentActions({ ...pending, status: 'approved' }, { username: 'x', agency: 'PNP', approver: true })).toEqual({ decide: false, cancel: false });
    expect(secondmentActions(pending, { username: 'ep.comandante', agency: 'EP', approver: true })).toEqual({ decide: false, cancel: false });
  });
});

describe('sortSecondments', () => {
  it('puts requests first, then active, planned, past and refused, newest period first within each', () => {
    const items = [
      s('approved', '2026-01-01', '2026-01-31', 'past'),
      s('rejected', '2026-04-01', '2026-04-02', 'rejected'),
      s('approved', '2026-04-01', '2026-04-30', 'planned'),
      s('approved', '2026-03-01', '2026-03-31', 'active'),
      s('requested', '2026-05-01', '2026-05-02', 'request'),
      s('approved', '2026-02-01', '2026-02-28', 'past-newer'),
    ];
    expect(sortSecondments(items, '2026-03-10').map((x) => x.id)).toEqual(['request', 'active', 'planned', 'past-newer', 'past', 'rejected']);
  });
});

describe('secondmentDraftProblems', () => {
  const draft = { personId: 'p', toUnitId: 'u', startsOn: '2026-03-01', endsOn: '2026-03-31', reason: 'Refuerzo' };
  it('accepts a complete draft', () => {
    expect(secondmentDraftProblems(draft)).toEqual([]);
  });
  it('names each missing field and a period that ends before it starts', () => {
    expect(secondmentDraftProblems({ personId: '', toUnitId: '', startsOn: '2026-03-31', endsOn: '2026-03-01', reason: ' a ' }))
      .toEqual(['personId', 'toUnitId', 'endsBeforeStart', 'reason']);
    expect(secondmentDraftProblems({ ...draft, startsOn: '', endsOn: '' })).toEqual(['startsOn', 'endsOn']);
  });
});
