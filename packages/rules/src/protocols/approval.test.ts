import { describe, expect, it } from 'vitest';
import { approvalSideOf, checkApproval } from './approval.ts';

const pending = { status: 'pending' as const, approvals: [] };
const pnpSigned = { status: 'pending' as const, approvals: [{ userId: 'u-pnp', username: 'pnp.comandante', side: 'PNP' as const }] };

describe('two-force approval of a protocol version', () => {
  it('maps agencies to the force they sign for, and none for oversight bodies', () => {
    expect(approvalSideOf('PNP')).toBe('PNP');
    expect(approvalSideOf('MININTER')).toBe('PNP');
    expect(['EP', 'MGP', 'FAP', 'CCFFAA', 'MINDEF'].map(approvalSideOf)).toEqual(['FFAA', 'FFAA', 'FFAA', 'FFAA', 'FFAA']);
    expect(approvalSideOf('DP')).toBeNull();
    expect(approvalSideOf('MP')).toBeNull();
  });

  it('takes effect only with one approver of each force', () => {
    expect(checkApproval(pending, { userId: 'u-pnp', agency: 'PNP' })).toEqual({ ok: true, side: 'PNP', completes: false });
    expect(checkApproval(pnpSigned, { userId: 'u-ep', agency: 'EP' })).toEqual({ ok: true, side: 'FFAA', completes: true });
  });

  it.each([
    ['the same user twice', pnpSigned, { userId: 'u-pnp', agency: 'PNP' }, 'PROTOCOL_APPROVAL_SAME_USER'],
    ['two approvers of one force', pnpSigned, { userId: 'u-pnp-2', agency: 'MININTER' }, 'PROTOCOL_APPROVAL_SAME_FORCE'],
    ['an approver of no force', pending, { userId: 'u-dp', agency: 'DP' }, 'PROTOCOL_APPROVER_NO_SIDE'],
    ['a version already in force', { ...pnpSigned, status: 'in_force' as const }, { userId: 'u-ep', agency: 'EP' }, 'PROTOCOL_NOT_PENDING'],
    ['a superseded version', { ...pending, status: 'superseded' as const }, { userId: 'u-ep', agency: 'EP' }, 'PROTOCOL_NOT_PENDING'],
  ])('refuses %s', (_name, protocol, approver, code) => {
    const check = checkApproval(protocol, approver);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.refusal.code).toBe(code);
  });

  it('names the earlier approver when a second one of the same force tries', () => {
    expect(checkApproval(pnpSigned, { userId: 'u-pnp-2', agency: 'PNP' })).toEqual({
      ok: false,
      refusal: { code: 'PROTOCOL_APPROVAL_SAME_FORCE', side: 'PNP', by: 'pnp.comandante' },
    });
  });
});
