import { randomBytes } from 'node:crypto';
import { DEFAULT_CLEARANCE } from '@enlace/access';
import type { TAgencyCode, TClassification, TRole, TUnit, TUser } from '@enlace/contracts';
import { insertSession, insertUser } from '../../apps/server/src/modules/identity/identity.repository.ts';
import { insertUnit } from '../../apps/server/src/modules/units/units.repository.ts';
import type { Actor } from '../../apps/server/src/platform/auth/actor.ts';
import { hashPassword } from '../../apps/server/src/platform/auth/password.ts';
import { newToken, tokenHash } from '../../apps/server/src/platform/auth/tokens.ts';
import type { Queryable } from '../../apps/server/src/platform/db/db.ts';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;

/** A short random suffix so that tests sharing one database never collide. */
export const uniq = (): string => randomBytes(5).toString('hex');

export interface TestUser {
  user: TUser;
  token: string;
  actor: Actor;
  auth: { authorization: string };
}

/** A user with a session, written straight to the database (hashing once per run keeps this fast). */
export async function makeUser(
  db: Queryable,
  o: { role: TRole; agency: TAgencyCode; clearance?: TClassification; username?: string },
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await insertUser(db, {
    username: o.username ?? `t-${o.role.replace('_', '-')}-${o.agency.toLowerCase()}-${uniq()}`,
    displayName: `Test ${o.role} ${o.agency}`,
    passwordHash: await passwordHash,
    agency: o.agency,
    role: o.role,
    clearance: o.clearance ?? DEFAULT_CLEARANCE[o.role],
    language: 'es',
  });
  if (!user) throw new Error('username taken');
  const token = newToken();
  await insertSession(db, { tokenHash: tokenHash(token), userId: user.id, expiresAt: new Date(Date.now() + 3600_000), address: '127.0.0.1' });
  const actor: Actor = { ...user, userId: user.id, sessionHash: tokenHash(token) };
  return { user, token, actor, auth: { authorization: `Bearer ${token}` } };
}

/** A unit written straight to the database (no audit), for read tests. */
export async function makeUnit(
  db: Queryable,
  o: { agency: TAgencyCode; classification: TClassification; name?: string },
): Promise<TUnit> {
  const force = (['PNP', 'EP', 'MGP', 'FAP', 'CCFFAA'] as const).find((f) => f === o.agency) ?? 'PNP';
  return insertUnit(db, {
    name: o.name ?? `Unidad ${o.agency} ${o.classification} ${uniq()}`,
    shortName: `U-${uniq()}`,
    force,
    echelon: 'compania',
    parentId: null,
    homeUbigeo: null,
    home: { lon: -77.03, lat: -12.05 },
    agency: o.agency,
    classification: o.classification,
    exercise: false,
  });
}
