import type { TUser } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { findUserByUsername as findRow } from './identity.repository.ts';

/** A user by login name, without the password hash, or null. */
export async function findUserByUsername(db: Queryable, username: string): Promise<TUser | null> {
  const row = await findRow(db, username);
  if (!row) return null;
  const { passwordHash: _hidden, ...user } = row;
  return user;
}
