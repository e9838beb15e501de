import { entryHash } from '@enlace/audit-chain';
import { describe, expect, it } from 'vitest';
import { makeUnit } from '../../../../../test/support/factories.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { AppError } from '../errors/app-error.ts';
import { runAudited } from './run-audited.ts';

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

