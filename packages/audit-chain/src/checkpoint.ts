import { createHash } from 'node:crypto';

/**
 * A signed statement that the chain held these hashes for seq `fromSeq`..`toSeq`.
 * It lives outside the audit table, so cutting off the newest entries or rewriting a suffix with
 * recomputed hashes no longer matches what was signed.
 */
export interface Checkpoint {
  readonly fromSeq: number;
  readonly toSeq: number;
  /** Entry hashes for fromSeq..toSeq, concatenated hex (64 chars each). */
  readonly hashes: string;
  readonly signedAt: string;
  readonly keyId: string;
  /** Ed25519 signature over `checkpointPayload`, base64. */
  readonly signature: string;
}

/** The exact bytes a checkpoint signature covers. */
export function checkpointPayload(c: Omit<Checkpoint, 'signature' | 'keyId'>): Buffer {
  const digest = createHash('sha256').update(c.hashes, 'utf8').digest('hex');
  const head = c.hashes.slice(-64);
  return Buffer.from(`enlace-audit-checkpoint|v1|${c.fromSeq}|${c.toSeq}|${head}|${digest}|${c.signedAt}`, 'utf8');
}

/** The hash recorded by a checkpoint for one seq, or undefined when outside its range. */
export function checkpointHashAt(c: Checkpoint, seq: number): string | undefined {
  if (seq < c.fromSeq || seq > c.toSeq) return undefined;
  const i = (seq - c.fromSeq) * 64;
  return c.hashes.slice(i, i + 64);
}
