import { PROTOCOL_APPROVAL_POLICY, checkApproval, formatLegalRef } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertProtocolAccess } from './protocol-access.ts';
import { findProtocol, inForceVersion, insertApproval, lockProcedure, putInForce } from './protocols.repository.ts';
import type { TProtocolRecord } from './protocols.schemas.ts';

const LEGAL_REF = formatLegalRef(PROTOCOL_APPROVAL_POLICY.legalRef);

/**
 * Records the actor's approval of a protocol version for the actor's force. The rules (checkApproval) refuse the
 * same user twice, a second approver of one force and an approver of no force; a version older than the one in force
 * cannot be approved. The approval that completes the pair puts the version in force and supersedes the previous
 * one. Every approval, and the change of version in force, is audited in the same transaction.
 */
export async function approveProtocol({ tx, audit, actor, id }: {
  tx: Queryable;
  audit: AuditTrail;
  actor: Actor;
  id: string;
}): Promise<TProtocolRecord> {
  const first = await findProtocol(tx, id);
  if (!first) throw notFound();
  assertProtocolAccess(actor, 'protocol:approve', first);
  await lockProcedure(tx, first.procedure, first.force);
  const protocol = (await findProtocol(tx, id, { lock: true }))!;

  const check = checkApproval(protocol, { userId: actor.userId, agency: actor.agency });
  if (!check.ok) {
    const r = check.refusal;
    switch (r.code) {
      case 'PROTOCOL_NOT_PENDING':
        throw new AppError('PROTOCOL_NOT_PENDING', { status: r.status, legalRef: LEGAL_REF });
      case 'PROTOCOL_APPROVER_NO_SIDE':
        throw new AppError('PROTOCOL_APPROVER_NO_SIDE', { agency: r.agency, legalRef: LEGAL_REF });
      case 'PROTOCOL_APPROVAL_SAME_USER':
        throw new AppError('PROTOCOL_APPROVAL_SAME_USER', { legalRef: LEGAL_REF });
      case 'PROTOCOL_APPROVAL_SAME_FORCE':
        throw new AppError('PROTOCOL_APPROVAL_SAME_FORCE', { side: r.side === 'PNP' ? 'PNP' : 'FF.AA.', by: r.by, legalRef: LEGAL_REF });
    }
  }
  const inForce = await inForceVersion(tx, protocol.procedure, protocol.force);
  if (inForce !== null && inForce > protocol.version) {
    throw new AppError('PROTOCOL_VERSION_OUTDATED', { version: protocol.version, current: inForce, legalRef: LEGAL_REF });
  }

  await insertApproval(tx, {
    protocolId: protocol.id,
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    agency: actor.agency,
    side: check.side,
    role: actor.role,
  });
  audit.record('approve', 'protocol_version', protocol.id, { side: check.side, by: actor.username });
  if (check.completes) {
    const superseded = await putInForce(tx, protocol);
    if (superseded) audit.record('supersede', 'protocol_version', superseded, { by: protocol.id });
  }
  const stored = (await findProtocol(tx, id))!;
  if (check.completes) audit.record('in_force', 'protocol_version', stored.id, stored);
  return stored;
}
