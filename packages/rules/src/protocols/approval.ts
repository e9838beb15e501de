import type { TLegalRef } from '../rule-set/rule-set.schema.ts';
import type { TProtocolApproval, TProtocolForce, TProtocolStatus } from './protocol.schema.ts';

/**
 * Who may put a joint protocol in force, as data. A version needs one approver of each force: the PNP keeps control
 * of internal order and the FF.AA. support it under their own rules (DL 1095, DL 1186), so a procedure both apply is
 * binding only when both commands sign it. Agencies outside both sides (Defensoría, Ministerio Público) never approve.
 */
export const PROTOCOL_APPROVAL_POLICY = {
  /** The agencies whose approvers sign for each force. */
  sides: {
    PNP: ['PNP', 'MININTER'],
    FFAA: ['EP', 'MGP', 'FAP', 'CCFFAA', 'MINDEF'],
  } satisfies Record<TProtocolForce, readonly string[]>,
  /** The forces that must each approve once. */
  required: ['PNP', 'FFAA'] as readonly TProtocolForce[],
  legalRef: {
    instrument:
      'Decreto Legislativo 1095 y su reglamento (DS 003-2020-DE); Decreto Legislativo 1186; Corte IDH, Alvarado Espinoza vs. México (2018)',
    article: null,
    unverified: true,
  } satisfies TLegalRef,
} as const;

/** The force an agency signs for, or null when it signs for none. */
export function approvalSideOf(agency: string): TProtocolForce | null {
  for (const side of PROTOCOL_APPROVAL_POLICY.required) {
    if ((PROTOCOL_APPROVAL_POLICY.sides[side] as readonly string[]).includes(agency)) return side;
  }
  return null;
}

/** Why an approval is refused. */
export type TApprovalRefusal =
  | { readonly code: 'PROTOCOL_NOT_PENDING'; readonly status: TProtocolStatus }
  | { readonly code: 'PROTOCOL_APPROVER_NO_SIDE'; readonly agency: string }
  | { readonly code: 'PROTOCOL_APPROVAL_SAME_USER' }
  | { readonly code: 'PROTOCOL_APPROVAL_SAME_FORCE'; readonly side: TProtocolForce; readonly by: string };

/** The answer to "may this user approve this version now?", and whether the version is then in force. */
export type TApprovalCheck =
  | { readonly ok: true; readonly side: TProtocolForce; readonly completes: boolean }
  | { readonly ok: false; readonly refusal: TApprovalRefusal };

/**
 * Decides one approval of a protocol version. Refused: a version not pending, an approver whose agency signs for no
 * force, the same user twice, a second approver of a force that already approved. `completes` is true when this
 * approval gives the version one approver of every required force, so it takes effect.
 */
export function checkApproval(
  protocol: { readonly status: TProtocolStatus; readonly approvals: readonly Pick<TProtocolApproval, 'userId' | 'side' | 'username'>[] },
  approver: { readonly userId: string; readonly agency: string },
): TApprovalCheck {
  if (protocol.status !== 'pending') return { ok: false, refusal: { code: 'PROTOCOL_NOT_PENDING', status: protocol.status } };
  const side = approvalSideOf(approver.agency);
  if (!side) return { ok: false, refusal: { code: 'PROTOCOL_APPROVER_NO_SIDE', agency: approver.agency } };
  if (protocol.approvals.some((a) => a.userId === approver.userId)) return { ok: false, refusal: { code: 'PROTOCOL_APPROVAL_SAME_USER' } };
  const sameSide = protocol.approvals.find((a) => a.side === side);
  if (sameSide) return { ok: false, refusal: { code: 'PROTOCOL_APPROVAL_SAME_FORCE', side, by: sameSide.username } };
  const signed = new Set<TProtocolForce>([...protocol.approvals.map((a) => a.side), side]);
  return { ok: true, side, completes: PROTOCOL_APPROVAL_POLICY.required.every((s) => signed.has(s)) };
}
