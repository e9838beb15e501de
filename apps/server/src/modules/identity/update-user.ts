import type { TUser, TUserUpdate } from '@enlace/contracts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { findUserById, revokeUserSessions, updateUser as updateUserRow } from './identity.repository.ts';

/**
 * Changes a user. Deactivating a user, or changing its password, role, agency or clearance, ends its open
 * sessions so that the new rights apply at once. The `admin` account keeps its role and stays active.
 */
export async function updateUser(tx: Queryable, audit: AuditTrail, id: string, changes: TUserUpdate): Promise<TUser> {
  const before = await findUserById(tx, id);
  if (!before) throw notFound();
  if (before.username === 'admin' && (changes.active === false || (changes.role && changes.role !== 'admin'))) {
    throw new AppError('ADMIN_PROTECTED');
  }
  const { password, ...rest } = changes;
  const after = await updateUserRow(tx, id, {
    ...rest,
    passwordHash: password ? await hashPassword(password) : undefined,
  });
  if (!after) throw notFound();
  const rightsChanged =
    password !== undefined ||
    changes.active === false ||
    (changes.role && changes.role !== before.role) ||
    (changes.agency && changes.agency !== before.agency) ||
    (changes.clearance && changes.clearance !== before.clearance);
  if (rightsChanged) await revokeUserSessions(tx, id);
  audit.record(password ? 'update_with_password' : 'update', 'user', id, after);
  return after;
}
