import { entryHash } from '@enlace/audit-chain';
import type { TAuditVerifyResult } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { makeUnit, makeUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { Db, Queryable } from '../../platform/db/db.ts';
import { auditHeadFile } from './audit-paths.ts';
import { entriesAfter } from './audit.repository.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

class Rollback extends Error {}

/** Rewrites entries from seq k on, changing k's content and recomputing every hash after it, as a forger would. */
async function rewriteSuffix(tx: Queryable, k: number): Promise<void> {
  const suffix = await entriesAfter(tx, k - 1, 100);
  let prevHash = suffix[0]!.prevHash;
  for (const e of suffix) {
    const changed = { ...e, prevHash, entityId: e.seq === k ? 'rewritten' : e.entityId };
    const hash = entryHash(changed);
    await tx.query('UPDATE audit_log SET entity_id = $2, prev_hash = $3, hash = $4 WHERE seq = $1', [
      e.seq, changed.entityId, prevHash, hash,
    ]);
    prevHash = hash;
  }
}

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('audit trail on %s', (_name, backend) => {
  let db: Db;
  let t: TestApp;
  let headFile: string;

  beforeAll(async () => {
    db = await backend.db();
    t = await testApp(db);
    headFile = auditHeadFile(t.dataDir);
    const writer = await makeUser(db, { role: 'operator', agency: 'PNP' });
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: writer.auth,
        payload: { name: `Unidad auditada ${i}`, shortName: `UA${i}`, force: 'PNP', echelon: 'comisaria', classification: 'PUBLICO' },
      });
      expect(res.statusCode).toBe(201);
    }
    await t.checkpointer.flush();
  });
  afterAll(async () => t.close());

  /** Tampers inside a transaction (trigger disabled, as an attacker with database rights would), verifies, rolls back. */
  async function verifyAfter(tamper: (tx: Queryable, last: number) => Promise<void>): Promise<TAuditVerifyResult> {
    await t.checkpointer.flush();
    let result: TAuditVerifyResult | null = null;
    await db
      .transaction(async (tx) => {
        const last = (await tx.query<{ s: number }>('SELECT max(seq) AS s FROM audit_log')).rows[0]!.s;
        await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
        await tamper(tx, last);
        result = await verifyAuditChain({ db: tx, headFile });
        throw new Rollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof Rollback)) throw err;
      });
    return result!;
  }

  it('verifies an untouched chain and signs its head', async () => {
    await t.checkpointer.flush();
    const r = await verifyAuditChain({ db, headFile });
    expect(r).toMatchObject({ ok: true, firstBadSeq: null, kind: null });
    expect(r.entries).toBeGreaterThanOrEqual(12);
    expect(r.checkpoint?.seq).toBe(r.entries);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table', async () => {
    await expect(db.query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('names a row whose content was altered', async () => {
    const r = await verifyAfter(async (tx, last) => {
      await tx.query("UPDATE audit_log SET action = 'delete' WHERE seq = $1", [last - 5]);
    });
    const last = await maxSeq();
    expect(r).toMatchObject({ ok: false, firstBadSeq: last - 5, kind: 'altered' });
  });

  it('names a deleted row', async () => {
    const r = await verifyAfter(async (tx, last) => {
      await tx.query('DELETE FROM audit_log WHERE seq = $1', [last - 4]);
    });
    expect(r).toMatchObject({ ok: false, firstBadSeq: (await maxSeq()) - 4, kind: 'removed' });
  });

  it('names two swapped rows', async () => {
    const r = await verifyAfter(async (tx, last) => {
      const k = last - 6;
      await tx.query('UPDATE audit_log SET seq = -1 WHERE seq = $1', [k]);
      await tx.query('UPDATE audit_log SET seq = $1 WHERE seq = $2', [k, k + 1]);
      await tx.query('UPDATE audit_log SET seq = $1 WHERE seq = -1', [k + 1]);
    });
    expect(r).toMatchObject({ ok: false, firstBadSeq: (await maxSeq()) - 6, kind: 'reordered' });
  });

  it('names a forged row inserted into the chain', async () => {
    const r = await verifyAfter(async (tx, last) => {
      const k = last - 3;
      const [prev] = await entriesAfter(tx, k - 1, 1);
      await tx.query('UPDATE audit_log SET seq = seq + 1000000 WHERE seq > $1', [k]);
      await tx.query('UPDATE audit_log SET seq = seq - 999999 WHERE seq > 1000000');
      const forged = { ...prev!, seq: k + 1, entityId: 'forged', prevHash: prev!.hash };
      await tx.query(
        `INSERT INTO audit_log (seq, at, actor_id, actor, agency, action, entity_type, entity_id, state_hash, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [forged.seq, forged.at, forged.actorId, forged.actor, forged.agency, forged.action, forged.entityType,
          forged.entityId, forged.stateHash, forged.prevHash, entryHash(forged)],
      );
    });
    expect(r).toMatchObject({ ok: false, firstBadSeq: (await maxSeq()) - 2, kind: 'inserted' });
  });

  it('detects the newest entries cut off, naming the first missing seq', async () => {
    const r = await verifyAfter(async (tx, last) => {
      await tx.query('DELETE FROM audit_log WHERE seq > $1', [last - 3]);
    });
    expect(r).toMatchObject({ ok: false, firstBadSeq: (await maxSeq()) - 2, kind: 'truncated' });
  });

  it('detects a suffix rewritten with recomputed hashes, naming its first entry', async () => {
    const r = await verifyAfter(async (tx, last) => {
      await rewriteSuffix(tx, last - 7);
      // Also rewrite what the database keeps of the signatures: the head file outside still knows.
      await tx.exec('ALTER TABLE audit_checkpoint DISABLE TRIGGER USER');
      await tx.query('DELETE FROM audit_checkpoint');
    });
    expect(r).toMatchObject({ ok: false, kind: 'rewritten' });
    // The head checkpoint covers the newest batch of entries; within it the first rewritten seq is named.
    expect(r.firstBadSeq).toBeGreaterThanOrEqual((await maxSeq()) - 7);
    const r2 = await verifyAfter(async (tx, last) => {
      await rewriteSuffix(tx, last - 7);
    });
    expect(r2).toMatchObject({ ok: false, firstBadSeq: (await maxSeq()) - 7, kind: 'rewritten' });
  });

  it('keeps a gap-free chain under 16 concurrent writers', async () => {
    const writer = await makeUser(db, { role: 'operator', agency: 'EP' });
    const before = await maxSeq();
    await Promise.all(
      Array.from({ length: 16 }, async (_, w) => {
        for (let i = 0; i < 10; i++) {
          await runAudited(
            { db, actor: { id: writer.user.id, name: writer.user.username, agency: 'EP' } },
            async (tx, audit) => {
              const unit = await makeUnit(tx, { agency: 'EP', classification: 'PUBLICO', name: `Concurrente ${w}-${i}` });
              audit.record('create', 'unit', unit.id, unit);
            },
          );
        }
      }),
    );
    const stats = (await db.query<{ n: number; lo: number; hi: number }>(
      'SELECT count(*)::int AS n, min(seq) AS lo, max(seq) AS hi FROM audit_log',
    )).rows[0]!;
    expect(stats.hi).toBe(before + 160);
    expect(stats.n).toBe(stats.hi - stats.lo + 1);
    await t.checkpointer.flush();
    expect(await verifyAuditChain({ db, headFile })).toMatchObject({ ok: true });
  });

  async function maxSeq(): Promise<number> {
    // The chain is never empty here: beforeAll wrote entries.
    return (await db.query<{ s: number }>('SELECT max(seq) AS s FROM audit_log')).rows[0]!.s;
  }
});
