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

/**
 * The end of a transaction whose last statement takes a lock that other writers queue for (the audit chain's), as one
 * simple-protocol message:
 * - the transaction commits with `synchronous_commit = off`, so its locks are released as soon as its commit record
 *   is in the WAL buffers, without waiting for the disk;
 * - the statement after it is a transaction of its own that writes a logical-decoding message (a few bytes of WAL,
 *   no table, no lock) and commits synchronously, which flushes the WAL up to its own commit record, past the first
 *   one. A transaction that only took an id would not do: PostgreSQL commits it without a flush, as it wrote no WAL.
 *
 * The message is answered only once both are on disk, so an accepted write is still durable; but the next writer no
 * longer waits for this one's flush before it may take the lock: the flushes of concurrent writers go together
 * (PostgreSQL's group commit) instead of one after another behind the lock. On this machine kind a WAL flush at times
 * takes 10-26 ms; with the lock held across it, 200 audited writes per second queued behind each other for hundreds
 * of milliseconds (docs/benchmarks.md, session 8). Another session may read the rows between the commit and the
 * flush; a crash in that moment loses them and every later entry of the chain with them (the WAL is replayed in
 * order), so the chain stays whole, and no client had been told they were written.
 */
function commitReleasingLocksBeforeFlush(last: string): string {
  return `SET LOCAL synchronous_commit = off;\n${last};\nCOMMIT;\nSELECT pg_logical_emit_message(true, 'enlace.flush', '')`;
}

/** Opens a pool on a PostgreSQL server (`DATABASE_URL`). */
export function openPostgres(url: string, options: { max?: number; name?: string } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 20, application_name: options.name ?? 'enlace' });
  const lanes: Db[] = [];
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
        await client.query(last === null ? 'COMMIT' : commitReleasingLocksBeforeFlush(last));
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async transactionScript(statements: string, options?: { finish?: string | null }): Promise<void> {
      const client = await pool.connect();
      try {
        const finish = options?.finish ?? null;
        // An error skips the rest of the message, COMMIT included; the catch below ends the failed transaction.
        await client.query(`BEGIN;\n${statements};\n${finish === null ? 'COMMIT' : commitReleasingLocksBeforeFlush(finish)}`);
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
    lane(name: string, max: number): Db {
      const lane = openPostgres(url, { max, name: `enlace-${name}` });
      lanes.push(lane);
      return lane;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(lanes.map((l) => l.close()));
      await pool.end();
    },
  };
}
