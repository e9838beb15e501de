import { authorize, type ResourceLabel } from '@enlace/access';
import { CLASSIFICATIONS, classificationRank, type TClassification } from '@enlace/contracts';
import type { TSessionInfo } from '../auth/auth-api.ts';

/**
 * Whether the signed-in user may change a training record (a session, a joint exercise, a certificate) with these
 * labels: the same decision the server takes (role, own agency, clearance), so the web hides what it would refuse.
 */
export function mayWriteTraining(session: TSessionInfo, label: ResourceLabel): boolean {
  const { id, role, agency, clearance } = session.user;
  return authorize({ userId: id, role, agency, clearance }, 'training:write', label).allow;
}

/** The classifications the user may give a new record: up to the user's clearance (the server refuses any above). */
export function classificationsWithin(session: TSessionInfo): TClassification[] {
  return CLASSIFICATIONS.filter((c) => classificationRank(c) <= classificationRank(session.user.clearance));
}
