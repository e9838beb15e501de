import type { TAgencyCode, TClassification, TLanguage, TRole } from '@enlace/contracts';
import type { Queryable } from '../db/db.ts';
import type { Actor } from './actor.ts';
import { tokenHash } from './tokens.ts';

interface SessionRow {
  user_id: string;
  username: string;
  display_name: string;
  role: TRole;
  agency: TAgencyCode;
  clearance: TClassification;
  language: TLanguage;
}

/**
 * The actor behind a bearer token, or null when the token is unknown, expired, revoked, or its user was
 * deactivated. Checked on every request, so a revocation takes effect at once on every instance.
 */
export async function resolveSession(db: Queryable, token: string): Promise<Actor | null> {
  const hash = tokenHash(token);
  const r = await db.query<SessionRow>(
    `SELECT u.id AS user_id, u.username, u.display_name, u.role, u.agency, u.clearance, u.language
       FROM session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
    [hash],
  );
  const row = r.rows[0];
  if (!row) return null;
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    agency: row.agency,
    clearance: row.clearance,
    language: row.language,
    sessionHash: hash,
  };
}
