import type { Checkpoint } from '@enlace/audit-chain';
import { checkpointPayload } from '@enlace/audit-chain';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../../platform/db/db.ts';
import type { SigningKey } from '../../platform/audit/signing-key.ts';
import { hashesAfter, insertCheckpoint, lastCheckpointSeq, registerPublicKey } from './audit.repository.ts';

const CHECKPOINT_LOCK = 727_002;
/** At most this many entries per checkpoint row (64 hex chars each). */
const MAX_ENTRIES = 10_000;

export interface CreateCheckpointOptions {
  db: Db;
  key: SigningKey;
  /** Where the newest checkpoint is also written, outside the database. */
  headFile: string;
}

/**
 * Signs the hashes of every entry not yet covered by a checkpoint and stores the statement in
 * `audit_checkpoint` and in the head file. Several instances may run it at once: a lock serialises them.
 * Returns the newest checkpoint written, or null when the chain had nothing new.
 */
export async function createCheckpoint({ db, key, headFile }: CreateCheckpointOptions): Promise<Checkpoint | null> {
  let newest: Checkpoint | null = null;
  for (;;) {
    const written = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CHECKPOINT_LOCK]);
      await registerPublicKey(tx, key.keyId, key.publicKeyPem);
      const after = await lastCheckpointSeq(tx);
      const rows = await hashesAfter(tx, after, MAX_ENTRIES);
      if (rows.length === 0) return null;
      const unsigned = {
        fromSeq: rows[0]!.seq,
        toSeq: rows.at(-1)!.seq,
        hashes: rows.map((r) => r.hash).join(''),
        signedAt: new Date().toISOString(),
      };
      const checkpoint: Checkpoint = {
        ...unsigned,
        keyId: key.keyId,
        signature: key.sign(checkpointPayload(unsigned)),
      };
      await insertCheckpoint(tx, checkpoint);
      return checkpoint;
    });
    if (!written) break;
    newest = written;
    if (written.toSeq - written.fromSeq + 1 < MAX_ENTRIES) break;
  }
  if (newest) writeHeadFile(headFile, newest);
  return newest;
}

function writeHeadFile(file: string, c: Checkpoint): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.part`, JSON.stringify(c));
  renameSync(`${file}.part`, file);
}
