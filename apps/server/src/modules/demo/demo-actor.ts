import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { findUserByUsername } from '../identity/find-user.ts';

/** A demo user as the actor of the use-cases the seed calls (every demo row is written as a person would write it). */
export async function demoActor(db: Queryable, username: string): Promise<Actor> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new Error(`demo user ${username} missing`);
  return { ...user, userId: user.id, sessionHash: '' };
}
