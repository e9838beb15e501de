import pg from 'pg';
import type { Db, QueryResult, Queryable, TransactionOptions } from './db.ts';

// int8 and numeric as numbers, matching the PGlite parsers; timestamps stay Date objects on both.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const r = await client.query(sql, params ? [...params] : undefined);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

/** Opens a pool on a PostgreSQL server (`DATABASE_URL`). */
export function openPostgres(url: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 20, application_name: 'enlace' });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  let closed = false;
  const base = wrap(pool);
  return {
    kind: 'postgres',
    get closed() {
      return closed;
    },
    query: (sql, params) => base.query(sql, params),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        const last = options?.finish?.() ?? null;
        // One simple-protocol message: an error in `last` skips the COMMIT, and the catch below rolls back.
        await client.query(last === null ? 'COMMIT' : `${last};\nCOMMIT`);
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    exec: (sql: string) => base.exec(sql),
    stats() {
      return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
