import type { ChainEntry, Checkpoint } from '@enlace/audit-chain';
import type { Queryable } from '../../platform/db/db.ts';

interface EntryRow {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor: string | null;
  agency: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  state_hash: string | null;
  prev_hash: string;
  hash: string;
}

const ENTRY_COLUMNS =
  'seq, at, actor_id, actor, agency, action, entity_type, entity_id, state_hash, prev_hash, hash';

function toEntry(r: EntryRow): ChainEntry {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actor: r.actor,
    agency: r.agency,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    stateHash: r.state_hash,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** A page of entries after `afterSeq`, in seq order (for verification). */
export async function entriesAfter(db: Queryable, afterSeq: number, limit: number): Promise<ChainEntry[]> {
  const r = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [afterSeq, limit],
  );
  return r.rows.map(toEntry);
}

export interface EntryFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  beforeSeq?: number | undefined;
  agencies?: readonly string[] | null;
  limit: number;
}

/** Newest entries first, filtered. `agencies` null means every agency. */
export async function listEntries(db: Queryable, f: EntryFilter): Promise<ChainEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown): void => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (f.entityType) add('entity_type = ?', f.entityType);
  if (f.entityId) add('entity_id = ?', f.entityId);
  if (f.actor) add('actor = ?', f.actor);
  if (f.beforeSeq) add('seq < ?', f.beforeSeq);
  if (f.agencies) add('agency = ANY(?::text[])', f.agencies);
  params.push(f.limit);
  const sql = `SELECT ${ENTRY_COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY seq DESC LIMIT $${params.length}`;
  return (await db.query<EntryRow>(sql, params)).rows.map(toEntry);
}

interface CheckpointRow {
  from_seq: number;
  to_seq: number;
  hashes: string;
  signed_at: string;
  key_id: string;
  signature: string;
}

const toCheckpoint = (r: CheckpointRow): Checkpoint => ({
  fromSeq: r.from_seq,
  toSeq: r.to_seq,
  hashes: r.hashes,
  signedAt: r.signed_at,
  keyId: r.key_id,
  signature: r.signature,
});

export async function allCheckpoints(db: Queryable): Promise<Checkpoint[]> {
  const r = await db.query<CheckpointRow>(
    'SELECT from_seq, to_seq, hashes, signed_at, key_id, signature FROM audit_checkpoint ORDER BY from_seq',
  );
  return r.rows.map(toCheckpoint);
}

export async function lastCheckpointSeq(db: Queryable): Promise<number> {
  const r = await db.query<{ s: number | null }>('SELECT max(to_seq) AS s FROM audit_checkpoint');
  return r.rows[0]?.s ?? 0;
}

/** seq and hash of the entries after `afterSeq` (to sign a checkpoint). */
export async function hashesAfter(
  db: Queryable,
  afterSeq: number,
  limit: number,
): Promise<{ seq: number; hash: string }[]> {
  const r = await db.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2',
    [afterSeq, limit],
  );
  return r.rows;
}

export async function insertCheckpoint(db: Queryable, c: Checkpoint): Promise<void> {
  await db.query(
    `INSERT INTO audit_checkpoint (from_seq, to_seq, hashes, signed_at, key_id, signature)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [c.fromSeq, c.toSeq, c.hashes, c.signedAt, c.keyId, c.signature],
  );
}

export async function registerPublicKey(db: Queryable, keyId: string, publicKeyPem: string): Promise<void> {
  await db.query(
    'INSERT INTO audit_signing_key (key_id, public_key) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING',
    [keyId, publicKeyPem],
  );
}

export async function publicKeys(db: Queryable): Promise<Map<string, string>> {
  const r = await db.query<{ key_id: string; public_key: string }>('SELECT key_id, public_key FROM audit_signing_key');
  return new Map(r.rows.map((row) => [row.key_id, row.public_key]));
}

export async function countEntries(db: Queryable): Promise<number> {
  const r = await db.query<{ n: number }>('SELECT count(*)::bigint AS n FROM audit_log');
  return r.rows[0]?.n ?? 0;
}
