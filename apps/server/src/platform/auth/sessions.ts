import type { TAgencyCode, TClassification, TLanguage, TRole } from '@enlace/contracts';
import type { Queryable } from '../db/db.ts';
import type { Actor } from './actor.ts';
import type { SessionCache } from './session-cache.ts';
import { tokenHash } from './tokens.ts';

interface SessionRow {
  user_id: string;
  username: string;
  display_name: string;
  role: TRole;
  agency: TAgencyCode;
  clearance: TClassification;
  language: TLanguage;
  expires_at: Date;
}

/**
 * The actor behind a bearer token, or null when the token is unknown, expired, revoked, or its user was
 * deactivated. Answered from `cache` when it holds the session (see {@link SessionCache} for why a revocation
 * still takes effect at once on every instance), otherwise from the database.
 */
export async function resolveSession(db: Queryable, token: string, cache?: SessionCache): Promise<Actor | null> {
  const hash = tokenHash(token);
  const cached = cache?.get(hash);
  if (cached) return cached;
  const ticket = cache?.ticket() ?? 0;
  const r = await db.query<SessionRow>(
    `SELECT u.id AS user_id, u.username, u.display_name, u.role, u.agency, u.clearance, u.language, s.expires_at
       FROM session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
    [hash],
  );
  const row = r.rows[0];
  if (!row) return null;
  const actor: Actor = {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    agency: row.agency,
    clearance: row.clearance,
    language: row.language,
    sessionHash: hash,
  };
  cache?.set(hash, actor, new Date(row.expires_at).getTime(), ticket);
  return actor;
}
