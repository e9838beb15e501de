import type { TAgency, TAgencyUpdate, TUser } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  agency: TUser['agency'];
  role: TUser['role'];
  clearance: TUser['clearance'];
  language: TUser['language'];
  active: boolean;
  created_at: Date;
  password_hash: string;
}

const USER_COLUMNS = 'id, username, display_name, agency, role, clearance, language, active, created_at, password_hash';

export const toUser = (r: UserRow): TUser => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  agency: r.agency,
  role: r.role,
  clearance: r.clearance,
  language: r.language,
  active: r.active,
  createdAt: r.created_at.toISOString(),
});

export async function findUserByUsername(db: Queryable, username: string): Promise<(TUser & { passwordHash: string }) | null> {
  const r = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user WHERE username = $1`, [username]);
  const row = r.rows[0];
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function findUserById(db: Queryable, id: string): Promise<TUser | null> {
  const r = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1`, [id]);
  return r.rows[0] ? toUser(r.rows[0]) : null;
}

export async function listUsers(db: Queryable): Promise<TUser[]> {
  const r = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user ORDER BY agency, username`);
  return r.rows.map(toUser);
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  agency: TUser['agency'];
  role: TUser['role'];
  clearance: TUser['clearance'];
  language: TUser['language'];
}

/** Inserts a user; null when the username exists already. */
export async function insertUser(db: Queryable, u: NewUser): Promise<TUser | null> {
  const r = await db.query<UserRow>(
    `INSERT INTO app_user (username, display_name, password_hash, agency, role, clearance, language)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING ${USER_COLUMNS}`,
    [u.username, u.displayName, u.passwordHash, u.agency, u.role, u.clearance, u.language],
  );
  return r.rows[0] ? toUser(r.rows[0]) : null;
}

export interface UserChanges {
  displayName?: string | undefined;
  passwordHash?: string | undefined;
  agency?: TUser['agency'] | undefined;
  role?: TUser['role'] | undefined;
  clearance?: TUser['clearance'] | undefined;
  language?: TUser['language'] | undefined;
  active?: boolean | undefined;
}

const USER_FIELD: Record<keyof UserChanges, string> = {
  displayName: 'display_name',
  passwordHash: 'password_hash',
  agency: 'agency',
  role: 'role',
  clearance: 'clearance',
  language: 'language',
  active: 'active',
};

export async function updateUser(db: Queryable, id: string, changes: UserChanges): Promise<TUser | null> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, column] of Object.entries(USER_FIELD) as [keyof UserChanges, string][]) {
    if (changes[key] === undefined) continue;
    params.push(changes[key]);
    sets.push(`${column} = $${params.length}`);
  }
  sets.push('updated_at = now()');
  const r = await db.query<UserRow>(
    `UPDATE app_user SET ${sets.join(', ')} WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    params,
  );
  return r.rows[0] ? toUser(r.rows[0]) : null;
}

/** Revokes every open session of a user (deactivation, password change). Returns their token hashes. */
export async function revokeUserSessions(db: Queryable, userId: string): Promise<string[]> {
  const r = await db.query<{ token_hash: string }>(
    'UPDATE session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING token_hash',
    [userId],
  );
  return r.rows.map((x) => x.token_hash);
}

export async function insertSession(
  db: Queryable,
  s: { tokenHash: string; userId: string; expiresAt: Date; address: string },
): Promise<void> {
  await db.query('INSERT INTO session (token_hash, user_id, expires_at, address) VALUES ($1, $2, $3, $4)', [
    s.tokenHash,
    s.userId,
    s.expiresAt,
    s.address,
  ]);
}

export async function revokeSession(db: Queryable, tokenHash: string): Promise<boolean> {
  const r = await db.query('UPDATE session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [
    tokenHash,
  ]);
  return r.rowCount > 0;
}

/** Failed logins in the last `windowSeconds` for an account and for an address. */
export async function recentFailures(
  db: Queryable,
  username: string,
  address: string,
  windowSeconds: number,
): Promise<{ byUser: number; byAddress: number }> {
  const r = await db.query<{ by_user: number; by_address: number }>(
    `SELECT count(*) FILTER (WHERE username = $1)::int AS by_user,
            count(*) FILTER (WHERE address = $2)::int AS by_address
       FROM login_failure
      WHERE at > now() - make_interval(secs => $3) AND (username = $1 OR address = $2)`,
    [username, address, windowSeconds],
  );
  return { byUser: r.rows[0]?.by_user ?? 0, byAddress: r.rows[0]?.by_address ?? 0 };
}

export async function insertFailure(db: Queryable, username: string, address: string): Promise<void> {
  await db.query('INSERT INTO login_failure (username, address) VALUES ($1, $2)', [username, address]);
}

interface AgencyRow {
  code: TAgency['code'];
  name: string;
  short_name: string;
  kind: TAgency['kind'];
  active: boolean;
}

const toAgency = (r: AgencyRow): TAgency => ({
  code: r.code,
  name: r.name,
  shortName: r.short_name,
  kind: r.kind,
  active: r.active,
});

export async function listAgencies(db: Queryable): Promise<TAgency[]> {
  const r = await db.query<AgencyRow>('SELECT code, name, short_name, kind, active FROM agency ORDER BY code');
  return r.rows.map(toAgency);
}

export async function findAgency(db: Queryable, code: string): Promise<TAgency | null> {
  const r = await db.query<AgencyRow>('SELECT code, name, short_name, kind, active FROM agency WHERE code = $1', [code]);
  return r.rows[0] ? toAgency(r.rows[0]) : null;
}

export async function updateAgency(db: Queryable, code: string, c: TAgencyUpdate): Promise<TAgency | null> {
  const r = await db.query<AgencyRow>(
    `UPDATE agency SET name = coalesce($2, name), short_name = coalesce($3, short_name),
            active = coalesce($4, active), updated_at = now()
      WHERE code = $1 RETURNING code, name, short_name, kind, active`,
    [code, c.name ?? null, c.shortName ?? null, c.active ?? null],
  );
  return r.rows[0] ? toAgency(r.rows[0]) : null;
}
