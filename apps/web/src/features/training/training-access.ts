import { authorize, type ResourceLabel } from '@enlace/access';
import type { TSessionInfo } from '../auth/auth-api.ts';

/**
 * Whether the signed-in user may change a training record (a session, a joint exercise, a certificate) with these
 * labels: the same decision the server takes (role, own agency, clearance), so the web hides what it would refuse.
 */
export function mayWriteTraining(session: TSessionInfo, label: ResourceLabel): boolean {
  const { id, role, agency, clearance } = session.user;
  return authorize({ userId: id, role, agency, clearance }, 'training:write', label).allow;
}
