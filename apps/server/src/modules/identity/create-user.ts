import { DEFAULT_CLEARANCE } from '@enlace/access';
import type { TUser, TUserCreate } from '@enlace/contracts';

import { hashPassword } from '../../platform/auth/password.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { insertUser } from './identity.repository.ts';

/** Creates a user inside an audited transaction. Clearance defaults by role. */
export async function createUser(
  tx: Queryable,
  audit: AuditTrail,
  draft: TUserCreate,
): Promise<TUser> {
  const user = await insertUser(tx, {
    username: draft.username,
    displayName: draft.displayName,
    passwordHash: await hashPassword(draft.password),
    agency: draft.agency,
    role: draft.role,
    clearance: draft.clearance ?? DEFAULT_CLEARANCE[draft.role],
    language: draft.language,
  });
  if (!user) throw new AppError('USERNAME_TAKEN', { username: draft.username });
  audit.record('create', 'user', user.id, user);
  return user;
}


