/** A result set, the same shape on PGlite and PostgreSQL. */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** Anything that runs SQL: the database or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
}

/** Connection statistics for /metrics. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface TransactionOptions {
  /**
   * The transaction's last statement, without parameters (values inlined as literals), built once `fn` has
   * resolved; null for none. On PostgreSQL it travels in one message with COMMIT, so a lock it takes is held only
   * inside the server until the commit, never across a round trip to this process (whose event loop may be busy).
   * The audit chain's append is such a statement.
   */
  finish?: () => string | null;
}

/**
 * The database, embedded (PGlite + PostGIS) or PostgreSQL + PostGIS. One SQL dialect: write SQL that runs on
 * PostgreSQL 15 with PostGIS 3.3 as well as on PGlite's newer versions.
 */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Runs `statements` (several, separated by semicolons, values inlined as literals, no results wanted) and then
   * `finish`, as one transaction: committed when all succeed, rolled back when one fails. On PostgreSQL the whole
   * transaction travels as one message, one round trip instead of one per statement plus BEGIN and COMMIT.
   */
  transactionScript(statements: string, options?: { finish?: string | null }): Promise<void>;
  stats(): PoolStats;
  /**
   * A pool of its own, of at most `max` connections to the same database, closed with this one: for work that must
   * never wait for a connection behind other requests (the position writer, whose callers wait for its commits).
   * PGlite has a single connection, so there it is the database itself.
   */
  lane(name: string, max: number): Db;
  readonly closed: boolean;
  close(): Promise<void>;
}
