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
