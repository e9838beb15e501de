import { authorize } from '@enlace/access';
import type { TAgreement } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';

/**
 * Who may see an agreement: whoever may read its record (its owner's staff up to their clearance, oversight), and
 * the recipient agency's users who hold sharing:read. Anyone else gets not found, so its existence does not leak.
 */
export function assertAgreementVisible(actor: Actor, a: TAgreement): void {
  if (authorize(actor, 'sharing:read', a).allow) return;
  if (a.recipientAgency === actor.agency && authorize(actor, 'sharing:read').allow) return;
  throw new AppError('NOT_FOUND');
}

/**
 * Access through an agreement needs it active as decided at this read (sharing.repository.ts): a refused read says
 * why, and names the revocation when that is what ended the legal basis.
 */
export function assertAgreementActive(a: TAgreement): void {
  if (a.status === 'active') return;
  const r = a.basisRevocation;
  if (a.status === 'basis_revoked' && r) {
    throw new AppError('SHARING_BASIS_REVOKED', { instrument: r.instrumentId, revokedOn: r.revokedOn, by: r.revokingInstrument }, { status: a.status, basisRevocation: r });
  }
  throw new AppError('SHARING_NOT_ACTIVE', { status: a.status }, { status: a.status, effectiveValidFrom: a.effectiveValidFrom, effectiveValidTo: a.effectiveValidTo });
}
