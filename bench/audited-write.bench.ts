import { stateHash } from '@enlace/audit-chain';
import type { Db } from '../apps/server/src/platform/db/db.ts';
import type { BenchResult } from './report.ts';

const INSERT = `INSERT INTO unit (name, short_name, force, echelon, agency, classification)
  VALUES ($1, 'B', 'PNP', 'peloton', 'PNP', 'PUBLICO') RETURNING id`;

async function runClients(clients: number, seconds: number, op: (client: number, i: number) => Promise<void>): Promise<number> {
  let done = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; Date.now() < until; i++) {
        await op(c, i);
        done++;
      }
    }),
  );
  return done / seconds;
}

/**
 * The same small row written with and without its audit entry (in one transaction with the chain lock),
 * with the same number of concurrent clients, in the same run.
 */
export async function benchAuditedWrite(db: Db, label: string, clients: number, seconds = 8): Promise<BenchResult[]> {
  // Warm up both paths.
  await db.query(INSERT, ['warm-up']);
  const unaudited = await runClients(clients, seconds, async (c, i) => {
    await db.query(INSERT, [`bench-plain-${c}-${i}`]);
  });
  const audited = await runClients(clients, seconds, async (c, i) => {
    await db.transaction(async (tx) => {
      const r = await tx.query<{ id: string }>(INSERT, [`bench-audited-${c}-${i}`]);
      const id = r.rows[0]!.id;
      await tx.query('SELECT out_seq FROM enlace_audit_append($1, $2, $3, $4, $5, $6::text[], $7::text[])', [
        null, 'bench', 'PNP', 'create', 'unit', [id], [stateHash({ id, name: `bench-audited-${c}-${i}` })],
      ]);
    });
  });
  return [
    { name: `${label}: unaudited insert, ${clients} clients`, value: unaudited, unit: 'writes/s' },
    { name: `${label}: audited insert (same transaction), ${clients} clients`, value: audited, unit: 'writes/s' },
    { name: `${label}: audited / unaudited ratio`, value: audited / unaudited, unit: 'ratio' },
  ];
}
