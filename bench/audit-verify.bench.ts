import { createHash } from 'node:crypto';
import { ChainVerifier, GENESIS_HASH, canonicalEntry, entryHash } from '@enlace/audit-chain';
import type { ChainEntry } from '@enlace/audit-chain';
import type { BenchResult } from './report.ts';

/** Builds a valid chain of n entries in memory, shaped like real ones. */
export function buildChain(n: number): ChainEntry[] {
  const entries: ChainEntry[] = new Array<ChainEntry>(n);
  let prev = GENESIS_HASH;
  const t0 = Date.UTC(2026, 10, 1);
  for (let i = 0; i < n; i++) {
    const base = {
      seq: i + 1,
      at: new Date(t0 + i * 37).toISOString(),
      actorId: '5f0c6a58-3f8e-4a7e-9a51-2d4f7e3c1b90',
      actor: 'pnp.operador',
      agency: 'PNP',
      action: i % 5 === 0 ? 'read' : 'update',
      entityType: 'unit',
      entityId: `0b7c${String(i).padStart(8, '0')}-1111-4222-8333-444455556666`,
      stateHash: i % 5 === 0 ? null : 'ab'.repeat(32),
      prevHash: prev,
    };
    const hash = entryHash(base);
    entries[i] = { ...base, hash };
    prev = hash;
  }
  return entries;
}

/** Audit verification speed against raw SHA-256 over the same canonical bytes, same run. */
export function benchAuditVerify(n = 1_000_000): BenchResult[] {
  process.stderr.write(`building a chain of ${n} entries...\n`);
  const chain = buildChain(n);
  const canon = chain.map((e) => canonicalEntry(e));
  // Raw SHA-256 over exactly the bytes the verifier hashes.
  let t = process.hrtime.bigint();
  let sink = 0;
  for (const c of canon) sink += createHash('sha256').update(c, 'utf8').digest().length;
  const rawSec = Number(process.hrtime.bigint() - t) / 1e9;
  t = process.hrtime.bigint();
  const v = new ChainVerifier();
  for (const e of chain) v.push(e);
  const result = v.finish();
  const verifySec = Number(process.hrtime.bigint() - t) / 1e9;
  if (!result.ok || sink === 0) throw new Error('chain did not verify');
  const rawRate = n / rawSec;
  const verifyRate = n / verifySec;
  return [
    { name: `audit verify kernel, ${n} entries`, value: verifyRate, unit: 'entries/s' },
    { name: `raw SHA-256 over the same bytes, ${n} entries`, value: rawRate, unit: 'hashes/s' },
    { name: 'verify / raw SHA-256 ratio (target >= 0.5)', value: verifyRate / rawRate, unit: 'ratio' },
  ];
}
