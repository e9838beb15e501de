import { runAudited } from '../apps/server/src/platform/audit/run-audited.ts';
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
 * The same small row written without audit (one autocommit INSERT) and through the product's audited path
 * (`runAudited`: transaction, audit entry in the chain, group commit), same clients, same run.
 */
export async function benchAuditedWrite(db: Db, label: string, clients: number, seconds = 8): Promise<BenchResult[]> {
  // Warm up both paths.
  await db.query(INSERT, ['warm-up']);
  const unaudited = await runClients(clients, seconds, async (c, i) => {
    await db.query(INSERT, [`bench-plain-${c}-${i}`]);
  });
  const audited = await runClients(clients, seconds, async (c, i) => {
    await runAudited({ db, actor: { id: null, name: 'bench', agency: 'PNP' } }, async (tx, audit) => {
      const r = await tx.query<{ id: string }>(INSERT, [`bench-audited-${c}-${i}`]);
      audit.record('create', 'unit', r.rows[0]!.id, { id: r.rows[0]!.id, name: `bench-audited-${c}-${i}` });
    });
  });
  return [
    { name: `${label}: unaudited insert, ${clients} clients`, value: unaudited, unit: 'writes/s' },
    { name: `${label}: audited insert (same transaction), ${clients} clients`, value: audited, unit: 'writes/s' },
    { name: `${label}: audited / unaudited ratio`, value: audited / unaudited, unit: 'ratio' },
  ];
}

/**
 * Audited writes while this process's event loop is busy half of the time (4 ms of synchronous work every 8 ms, as
 * a server evaluating requests between its database answers). A lock that a transaction holds across a round trip to
 * this process is held until the event loop gets back to it; the audit chain's lock is taken by a statement sent
 * with the COMMIT, so it is held only inside the database. Reports writes per second and the p99 of one write.
 */
export async function benchAuditedWriteBusy(db: Db, label: string, clients: number, seconds = 8): Promise<BenchResult[]> {
  await db.query(INSERT, ['warm-up']);
  let busy = true;
  const spin = (): void => {
    if (!busy) return;
    const until = performance.now() + 4;
    while (performance.now() < until) {
      // synchronous work standing in for an evaluation
    }
    setTimeout(spin, 4);
  };
  spin();
  const latencies: number[] = [];
  const rate = await runClients(clients, seconds, async (c, i) => {
    const t0 = performance.now();
    await runAudited({ db, actor: { id: null, name: 'bench', agency: 'PNP' } }, async (tx, audit) => {
      const r = await tx.query<{ id: string }>(INSERT, [`bench-busy-${c}-${i}`]);
      audit.record('create', 'unit', r.rows[0]!.id, { id: r.rows[0]!.id, name: `bench-busy-${c}-${i}` });
    });
    latencies.push(performance.now() - t0);
  });
  busy = false;
  latencies.sort((a, b) => a - b);
  const q = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return [
    { name: `${label}: audited insert, ${clients} clients, event loop busy 50 %`, value: rate, unit: 'writes/s' },
    { name: `${label}: same, one write p50`, value: q(0.5), unit: 'ms' },
    { name: `${label}: same, one write p99`, value: q(0.99), unit: 'ms' },
  ];
}
