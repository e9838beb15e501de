import { authorize } from '@enlace/access';
import type { TSecondment, TSecondmentDecision } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess } from './forces-access.ts';
import { decideSecondmentRow, findSecondment } from './forces.repository.ts';

/**
 * Approves, rejects or cancels a requested secondment. Approval and rejection need a commander of the lending
 * agency (`secondment:approve`) other than the requester (four eyes); the requester or such a commander may cancel.
 * Overlapping periods were refused when requested, so an approval never puts a member in two units at once.
 */
export async function decideSecondment(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  id: string,
  decision: TSecondmentDecision,
): Promise<TSecondment> {
  const before = await findSecondment(tx, id);
  if (!before) throw notFound();
  assertRecordAccess(actor, 'personnel:write', before, { readPermission: 'personnel:read' });
  const approver = authorize(actor, 'secondment:approve').allow;
  if (decision.decision === 'cancel' ? !approver && before.requestedBy !== actor.username : !approver) {
    throw new AppError('FORBIDDEN', {}, { reason: 'ROLE_NOT_PERMITTED' });
  }
  if (decision.decision !== 'cancel' && before.requestedBy === actor.username) {
    throw new AppError('FORBIDDEN', {}, { reason: 'SAME_USER_AS_REQUESTER' });
  }
  if (before.status !== 'requested') throw new AppError('SECONDMENT_NOT_PENDING', { status: before.status, decision: decision.decision });
  const status = decision.decision === 'approve' ? 'approved' : decision.decision === 'reject' ? 'rejected' : 'cancelled';
  const after = await decideSecondmentRow(tx, id, { status, decidedBy: actor.username, remark: decision.remark ?? null });
  if (!after) throw new AppError('SECONDMENT_NOT_PENDING', { status: before.status, decision: decision.decision });
  audit.record(decision.decision, 'secondment', id, after);
  return after;
}
