import { entryHash } from '@enlace/audit-chain';
import { describe, expect, it } from 'vitest';
import { makeUnit } from '../../../../../test/support/factories.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { AppError } from '../errors/app-error.ts';
import { expectChangeVersionsStatement, isChangeVersionConflict, readChangeVersions } from '../db/change-versions.ts';
import { sqlText } from '../db/sql-literal.ts';
import { runAudited, runAuditedScript } from './run-audited.ts';

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('group commit on %s', (_n, backend) => {
  it('commits concurrent writes together, rolling back only the ones that fail, with their audit entries', async () => {
    const db = await backend.db();
    const actor = { id: null, name: 'batch-test', agency: 'PNP' };
    const tag = `Lote ${Date.now()}`;
    const headBefore = (await db.query<{ s: number }>('SELECT coalesce(max(seq), 0) AS s FROM audit_log')).rows[0]!.s;
    const results = await Promise.allSettled(
      Array.from({ length: 24 }, (_, i) =>
        runAudited({ db, actor }, async (tx, audit) => {
          const unit = await makeUnit(tx, { agency: 'PNP', classification: 'PUBLICO', name: `${tag} ${i}` });
          audit.record('create', 'unit', unit.id, unit);
          if (i % 3 === 0) throw new AppError('CONFLICT', { what: `job ${i}` });
          if (i % 5 === 1) await tx.query('SELECT 1/0'); // a database error inside one job
          return unit.id;
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const expectedOk = Array.from({ length: 24 }, (_, i) => i).filter((i) => i % 3 !== 0 && i % 5 !== 1).length;
    expect(ok).toBe(expectedOk);
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM unit WHERE name LIKE $1', [`${tag} %`]);
    expect(rows.rows[0]!.n).toBe(expectedOk);
    const audited = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE actor = 'batch-test' AND seq > $1",
      [headBefore],
    );
    expect(audited.rows[0]!.n).toBe(expectedOk);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(AppError);
  });

  it('writes hostile text in audit fields verbatim, hashed as the chain says, and refuses a NUL in that write alone', async () => {
    const db = await backend.db();
    const hostile = [
      "O'Brien \\ '); DELETE FROM audit_log; --",
      "E'\\x00' $1 $$ dollar $$ ; COMMIT; ROLLBACK",
      'Ñandú 🚓 línea\nnueva | barra',
    ];
    const headBefore = (await db.query<{ s: number }>('SELECT coalesce(max(seq), 0) AS s FROM audit_log')).rows[0]!.s;
    const results = await Promise.allSettled([
      ...hostile.map((name, i) =>
        runAudited({ db, actor: { id: null, name, agency: 'PNP' } }, async (_tx, audit) => {
          audit.record('probe', 'batch_test', `${name}#${i}`, { i });
          return i;
        }),
      ),
      runAudited({ db, actor: { id: null, name: 'nul\u0000name', agency: 'PNP' } }, async (_tx, audit) => {
        audit.record('probe', 'batch_test', 'nul', { nul: true });
        return -1;
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    const rows = await db.query<{
      seq: number; at: Date; actor_id: string | null; actor: string; agency: string; action: string;
      entity_type: string; entity_id: string; state_hash: string; prev_hash: string; hash: string;
    }>("SELECT * FROM audit_log WHERE seq > $1 AND entity_type = 'batch_test' ORDER BY seq", [headBefore]);
    expect(rows.rows.map((r) => r.actor).sort()).toEqual([...hostile].sort());
    for (const r of rows.rows) {
      expect(r.entity_id).toBe(`${r.actor}#${hostile.indexOf(r.actor)}`);
      const entry = {
        seq: r.seq, at: r.at.toISOString(), actorId: r.actor_id, actor: r.actor, agency: r.agency, action: r.action,
        entityType: r.entity_type, entityId: r.entity_id, stateHash: r.state_hash, prevHash: r.prev_hash,
      };
      expect(entryHash(entry)).toBe(r.hash);
    }
  });
});


describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('writes sent as one message on %s', (_n, backend) => {
  it('commits each with its audit entry, refuses only the one that fails, and refuses a write decided from moved versions', async () => {
    const db = await backend.db();
    const actor = { id: null, name: 'script-test', agency: 'PNP' };
    const tag = `Guion ${Date.now()}`;
    const headBefore = (await db.query<{ s: number }>('SELECT coalesce(max(seq), 0) AS s FROM audit_log')).rows[0]!.s;
    const versions = await readChangeVersions(db);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        runAuditedScript({ db, actor }, (audit) => {
          audit.record('create', 'script_test', `${tag}#${i}`, { i });
          const insert = `INSERT INTO unit (name, short_name, force, echelon, agency, classification) VALUES (${sqlText(`${tag} ${i}`)}, 'G', 'PNP', 'peloton', 'PNP', 'PUBLICO')`;
          // Job 4 fails in the database, job 7 states versions that are not the database's.
          const script = i === 4 ? `${insert}; SELECT 1/0` : i === 7 ? `${expectChangeVersionsStatement({ ...versions, forces: '999999999' }, ['forces'])}; ${insert}` : insert;
          return { script, value: i };
        }).then((r) => r.value),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 12 }, (_, i) => (i === 4 || i === 7 ? 'rejected' : 'fulfilled')));
    expect(isChangeVersionConflict((results[7] as PromiseRejectedResult).reason)).toBe(true);
    expect(isChangeVersionConflict((results[4] as PromiseRejectedResult).reason)).toBe(false);
    const units = await db.query<{ name: string }>('SELECT name FROM unit WHERE name LIKE $1 ORDER BY name', [`${tag} %`]);
    expect(units.rows.map((r) => Number(r.name.split(' ').at(-1))).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 5, 6, 8, 9, 10, 11]);
    const audited = await db.query<{ entity_id: string }>(
      "SELECT entity_id FROM audit_log WHERE actor = 'script-test' AND seq > $1 ORDER BY seq",
      [headBefore],
    );
    expect(audited.rows.map((r) => Number(r.entity_id.split('#')[1])).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 5, 6, 8, 9, 10, 11]);
  });
});

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('one-message writes arriving together on %s', (_n, backend) => {
  it('commit together in the next message rather than each in its own transaction', async () => {
    const db = await backend.db();
    const actor = { id: null, name: 'script-lane-test', agency: 'PNP' };
    const tag = `Carril ${Date.now()}`;
    const write = (i: number): Promise<number> =>
      runAuditedScript({ db, actor }, (audit) => {
        audit.record('create', 'script_lane_test', `${tag}#${i}`, { i });
        return { script: `INSERT INTO unit (name, short_name, force, echelon, agency, classification) VALUES (${sqlText(`${tag} ${i}`)}, 'G', 'PNP', 'peloton', 'PNP', 'PUBLICO')`, value: i };
      }).then((r) => r.value);
    // The first goes at once; the seven sent while it is in flight wait for it and then travel together.
    const first = write(0);
    const rest = Array.from({ length: 7 }, (_, i) => write(i + 1));
    expect(await Promise.all([first, ...rest])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Rows written by one transaction share its id (xmin).
    const tx = await db.query<{ xmin: string; n: number }>('SELECT xmin::text AS xmin, count(*)::int AS n FROM unit WHERE name LIKE $1 GROUP BY 1', [`${tag} %`]);
    expect(tx.rows.map((r) => r.n).sort((a, b) => a - b)).toEqual([1, 7]);
  });
});

const postgres = backends().find((b) => b.name === 'postgres');

describe.runIf(postgres)('audited writes on PostgreSQL', () => {
  it('answer only once their commit is flushed to disk, though the chain lock is let go at commit', async () => {
    const db = await postgres!.db();
    const actor = { id: null, name: 'flush-test', agency: 'PNP' };
    // Each write notes the WAL position after its own row: its commit record comes after that position.
    const positions = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        runAudited({ db, actor }, async (tx, audit) => {
          const unit = await makeUnit(tx, { agency: 'PNP', classification: 'PUBLICO', name: `Flush ${Date.now()} ${i}` });
          audit.record('create', 'unit', unit.id, unit);
          return (await tx.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows[0]!.lsn;
        }).then((r) => r.value),
      ),
    );
    const flushed = await db.query<{ ok: boolean }>(
      'SELECT pg_current_wal_flush_lsn() >= (SELECT max(p) FROM unnest($1::pg_lsn[]) AS p) AS ok',
      [positions],
    );
    expect(flushed.rows[0]!.ok).toBe(true);
    // The asynchronous commit is the audited transaction's own (SET LOCAL): the pooled connections are back to
    // synchronous commits for every other statement.
    const settings = await Promise.all(
      Array.from({ length: 8 }, () => db.query<{ synchronous_commit: string }>('SHOW synchronous_commit')),
    );
    expect(settings.map((s) => s.rows[0]!.synchronous_commit)).toEqual(Array(8).fill('on'));
  });
});
