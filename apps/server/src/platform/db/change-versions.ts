import type { Queryable } from './db.ts';

/** The families of tables a server keeps copies of in memory (migrations 0011 and 0014, table `change_version`). */
export type ChangeScope = 'legal_registry' | 'legal_rule_set' | 'protocols' | 'forces' | 'identity';

/** Each scope's counter, as text (a bigint); a copy made at a version is current while the version is unchanged. */
export type ChangeVersions = Readonly<Record<ChangeScope, string>>;

/**
 * Reads every change counter in one indexed query. Triggers move a counter in the transaction that writes one of
 * its tables, so a copy loaded after reading version V holds at least the rows of V: it may be newer, never older.
 */
export async function readChangeVersions(db: Queryable): Promise<ChangeVersions> {
  const r = await db.query<{ scope: ChangeScope; version: string }>('SELECT scope, version::text AS version FROM change_version');
  const versions: Record<ChangeScope, string> = { legal_registry: '', legal_rule_set: '', protocols: '', forces: '', identity: '' };
  for (const row of r.rows) versions[row.scope] = row.version;
  return versions;
}

/** One scope's counter, as text; '' when the scope is unknown (a database before its migration). */
export async function readChangeVersion(db: Queryable, scope: ChangeScope): Promise<string> {
  const r = await db.query<{ version: string }>('SELECT version::text AS version FROM change_version WHERE scope = $1', [scope]);
  return r.rows[0]?.version ?? '';
}
