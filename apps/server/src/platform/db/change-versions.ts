import type { Queryable } from './db.ts';
import { sqlTextArray } from './sql-literal.ts';

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
  lastRead.set(db, versions);
  return versions;
}

const lastRead = new WeakMap<Queryable, ChangeVersions>();

/**
 * The counters this process read last on `db`, without a round trip, or null before the first reading. They may be
 * behind the database: a write decided from them states them with {@link expectChangeVersionsStatement}, and reads
 * them again when they were (see {@link isChangeVersionConflict}).
 */
export function lastReadChangeVersions(db: Queryable): ChangeVersions | null {
  return lastRead.get(db) ?? null;
}

/** The SQLSTATE of `enlace_expect_change_versions` (migration 0017) when a counter has moved. */
const CHANGE_VERSIONS_MOVED = 'EN409';

/**
 * A statement (values inlined) for a write's transaction that fails with SQLSTATE EN409 when one of these scopes'
 * counters is no longer at the version given, so that nothing decided from older copies is written.
 */
export function expectChangeVersionsStatement(versions: ChangeVersions, scopes: readonly ChangeScope[]): string {
  const numbers = scopes.map((s) => {
    const v = versions[s];
    if (!/^\d+$/.test(v)) throw new Error(`change version of ${s} unknown: ${JSON.stringify(v)}`);
    return v;
  });
  return `SELECT enlace_expect_change_versions(${sqlTextArray(scopes)}, ARRAY[${numbers.join(',')}]::bigint[])`;
}

/** Whether a write failed because a counter it expected had moved (read them again, decide again, retry). */
export function isChangeVersionConflict(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === CHANGE_VERSIONS_MOVED;
}

/** One scope's counter, as text; '' when the scope is unknown (a database before its migration). */
export async function readChangeVersion(db: Queryable, scope: ChangeScope): Promise<string> {
  const r = await db.query<{ version: string }>('SELECT version::text AS version FROM change_version WHERE scope = $1', [scope]);
  return r.rows[0]?.version ?? '';
}
