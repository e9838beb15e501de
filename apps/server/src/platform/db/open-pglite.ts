import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Db, QueryResult, Queryable, TransactionOptions } from './db.ts';

/** int8 as JavaScript number (sequence numbers stay far below 2^53), as on PostgreSQL (see open-postgres). */
const parsers = { [types.INT8]: (v: string) => Number(v), [types.NUMERIC]: (v: string) => Number(v) };

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

function wrap(inner: PgliteLike): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const r = await inner.query<T>(sql, params ? [...params] : undefined);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await inner.exec(sql);
    },
  };
}

export interface PgliteOptions {
  /** Directory of the database files; omitted for an in-memory database. */
  dataDir?: string;
  /** A dump made by `dumpDataDir`, to start from a prepared template instead of an empty cluster. */
  loadDataDir?: Blob | File;
}

/** Opens the embedded PostgreSQL (PGlite) with PostGIS. */
export async function openPglite(options: PgliteOptions = {}): Promise<Db & { pglite: PGlite }> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pg = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { postgis },
    parsers,
  });
  let closed = false;
  let active = 0;
  const base = wrap(pg);
  async function transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T> {
    active++;
    try {
      return await pg.transaction(async (tx) => {
        const result = await fn(wrap(tx));
        // One connection, nothing waits on a lock here: the last statement simply runs before the commit.
        const last = options?.finish?.() ?? null;
        if (last !== null) await tx.exec(last);
        return result;
      });
    } finally {
      active--;
    }
  }
  const db: Db & { pglite: PGlite } = {
    kind: 'pglite',
    pglite: pg,
    get closed() {
      return closed;
    },
    async query<T>(sql: string, params?: readonly unknown[]) {
      active++;
      try {
        return await base.query<T>(sql, params);
      } finally {
        active--;
      }
    },
    transaction,
    async transactionScript(statements: string, options?: { finish?: string | null }): Promise<void> {
      // One connection: nothing is gained by one message, so the statements run as a transaction's one step.
      const finish = options?.finish ?? null;
      await transaction((tx) => tx.exec(statements), { finish: () => finish });
    },
    exec: (sql: string) => base.exec(sql),
    stats() {
      return { total: 1, idle: active === 0 ? 1 : 0, waiting: Math.max(0, active - 1) };
    },
    /** One connection: a lane is the database itself. */
    lane: () => db,
    async close() {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
  return db;
}
