import type { Checkpoint } from '@enlace/audit-chain';
import { ChainVerifier, checkpointPayload } from '@enlace/audit-chain';
import type { TAuditVerifyResult } from '@enlace/contracts';
import { existsSync, readFileSync } from 'node:fs';
import type { Queryable } from '../../platform/db/db.ts';
import { verifySignature } from '../../platform/audit/signing-key.ts';
import { allCheckpoints, entriesAfter, publicKeys } from './audit.repository.ts';

export interface VerifyAuditChainOptions {
  db: Queryable;
  /** The newest checkpoint kept outside the database, if this instance has one. */
  headFile?: string | null;
  pageSize?: number;
  onProgress?: (verified: number) => void;
}

function readHeadFile(file: string | null | undefined): Checkpoint | null {
  if (!file || !existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
  } catch {
    return null;
  }
}

/**
 * Recomputes the whole chain and checks it against every signed checkpoint (in the database and the
 * head file): names the first altered, removed, inserted, reordered, truncated or rewritten entry.
 */
export async function verifyAuditChain({
  db,
  headFile,
  pageSize = 20_000,
  onProgress,
}: VerifyAuditChainOptions): Promise<TAuditVerifyResult> {
  const keys = await publicKeys(db);
  const stored = await allCheckpoints(db);
  const head = readHeadFile(headFile);
  const candidates = head && !stored.some((c) => c.fromSeq === head.fromSeq && c.toSeq === head.toSeq)
    ? [...stored, head]
    : stored;
  const valid: Checkpoint[] = [];
  let invalidCheckpointSeq: number | null = null;
  for (const c of candidates) {
    const pem = keys.get(c.keyId);
    if (pem && verifySignature(pem, checkpointPayload(c), c.signature)) valid.push(c);
    else invalidCheckpointSeq = Math.min(invalidCheckpointSeq ?? Infinity, c.fromSeq);
  }
  const verifier = new ChainVerifier({ checkpoints: valid, invalidCheckpointSeq });
  let after = 0;
  for (;;) {
    const page = await entriesAfter(db, after, pageSize);
    if (page.length === 0) break;
    for (const e of page) verifier.push(e);
    after = page.at(-1)!.seq;
    onProgress?.(after);
  }
  const result = verifier.finish();
  const newest = valid.reduce<Checkpoint | null>((m, c) => (!m || c.toSeq > m.toSeq ? c : m), null);
  return {
    ...result,
    checkpoint: newest ? { seq: newest.toSeq, hash: newest.hashes.slice(-64), signedAt: newest.signedAt } : null,
  };
}
