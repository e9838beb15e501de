import type { ResourceLabel } from '@enlace/access';
import type { TProtocolApproval, TProtocolDraft, TProtocolForce, TProtocolStatus } from '@enlace/rules';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys, labelPredicate } from '../../platform/db/label-filter.ts';
import type { TProtocolRecord } from './protocols.schemas.ts';

interface ProtocolRow {
  id: string;
  procedure: TProtocolRecord['procedure'];
  force: TProtocolForce;
  version: number;
  title: TProtocolRecord['title'];
  tasks: TProtocolRecord['tasks'];
  body: Pick<TProtocolDraft, 'steps' | 'equipment' | 'training' | 'legalRefs' | 'notes'>;
  status: TProtocolStatus;
  in_force_from: Date | null;
  superseded_at: Date | null;
  agency: TProtocolRecord['agency'];
  classification: TProtocolRecord['classification'];
  created_by: string;
  created_at: Date;
  approvals: TProtocolApproval[] | null;
}

const COLUMNS = `p.id, p.procedure, p.force, p.version, p.title, p.tasks, p.body, p.status, p.in_force_from, p.superseded_at,
  p.agency, p.classification, p.created_by, p.created_at,
  (SELECT json_agg(json_build_object('userId', a.user_id, 'username', a.username, 'displayName', a.display_name,
            'agency', a.agency, 'side', a.side, 'role', a.role,
            'approvedAt', to_char(a.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY a.approved_at, a.side)
     FROM protocol_approval a WHERE a.protocol_id = p.id) AS approvals`;

function toRecord(r: ProtocolRow): TProtocolRecord {
  return {
    id: r.id,
    procedure: r.procedure,
    force: r.force,
    version: r.version,
    title: r.title,
    tasks: r.tasks,
    steps: r.body.steps,
    equipment: r.body.equipment,
    training: r.body.training,
    legalRefs: r.body.legalRefs,
    ...(r.body.notes ? { notes: r.body.notes } : {}),
    status: r.status,
    approvals: r.approvals ?? [],
    inForceFrom: r.in_force_from?.toISOString() ?? null,
    supersededAt: r.superseded_at?.toISOString() ?? null,
    agency: r.agency,
    classification: r.classification,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}

export interface ProtocolFilter {
  labels: readonly ResourceLabel[];
  procedure?: string | undefined;
  force?: string | undefined;
  status?: string | undefined;
  limit: number;
}

/** Versions with one of the labels, by procedure, force and newest version first. */
export async function listProtocols(db: Queryable, f: ProtocolFilter): Promise<TProtocolRecord[]> {
  const params: unknown[] = [labelKeys(f.labels)];
  const where = [labelPredicate(1, 'p.')];
  if (f.procedure) where.push(`p.procedure = $${params.push(f.procedure)}`);
  if (f.force) where.push(`p.force = $${params.push(f.force)}`);
  if (f.status) where.push(`p.status = $${params.push(f.status)}`);
  const r = await db.query<ProtocolRow>(
    `SELECT ${COLUMNS} FROM protocol_version p WHERE ${where.join(' AND ')}
      ORDER BY p.procedure, p.force, p.version DESC LIMIT $${params.length + 1}`,
    [...params, f.limit],
  );
  return r.rows.map(toRecord);
}

/** The versions in force with one of the labels. */
export async function protocolsInForce(db: Queryable, labels: readonly ResourceLabel[]): Promise<TProtocolRecord[]> {
  const r = await db.query<ProtocolRow>(
    `SELECT ${COLUMNS} FROM protocol_version p WHERE p.status = 'in_force' AND ${labelPredicate(1, 'p.')} ORDER BY p.procedure, p.force`,
    [labelKeys(labels)],
  );
  return r.rows.map(toRecord);
}

/** One version; `lock` takes a row lock so concurrent approvals of it are serialized. */
export async function findProtocol(db: Queryable, id: string, { lock = false } = {}): Promise<TProtocolRecord | null> {
  if (lock) await db.query('SELECT id FROM protocol_version WHERE id = $1 FOR UPDATE', [id]);
  const r = await db.query<ProtocolRow>(`SELECT ${COLUMNS} FROM protocol_version p WHERE p.id = $1`, [id]);
  return r.rows[0] ? toRecord(r.rows[0]) : null;
}

/** Serializes the drafting and approval of the versions of one procedure for one force. */
export async function lockProcedure(db: Queryable, procedure: string, force: TProtocolForce): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`protocol:${procedure}:${force}`]);
}

export type ProtocolValues = TProtocolDraft & Pick<TProtocolRecord, 'agency' | 'classification'> & { createdBy: string; createdById: string | null };

/** Stores a pending version, numbered after the last one of its procedure and force. */
export async function insertProtocol(db: Queryable, v: ProtocolValues): Promise<TProtocolRecord> {
  const body = { steps: v.steps, equipment: v.equipment, training: v.training, legalRefs: v.legalRefs, ...(v.notes ? { notes: v.notes } : {}) };
  const r = await db.query<{ id: string }>(
    `INSERT INTO protocol_version (procedure, force, version, title, tasks, body, agency, classification, created_by, created_by_id)
     VALUES ($1, $2, (SELECT COALESCE(max(version), 0) + 1 FROM protocol_version WHERE procedure = $1 AND force = $2),
             $3::jsonb, $4::text[], $5::jsonb, $6, $7, $8, $9)
     RETURNING id`,
    [v.procedure, v.force, JSON.stringify(v.title), v.tasks, JSON.stringify(body), v.agency, v.classification, v.createdBy, v.createdById],
  );
  return (await findProtocol(db, r.rows[0]!.id))!;
}

export interface ApprovalValues {
  protocolId: string;
  userId: string;
  username: string;
  displayName: string;
  agency: string;
  side: TProtocolForce;
  role: string;
}

export async function insertApproval(db: Queryable, a: ApprovalValues): Promise<void> {
  await db.query(
    `INSERT INTO protocol_approval (protocol_id, user_id, username, display_name, agency, side, role)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [a.protocolId, a.userId, a.username, a.displayName, a.agency, a.side, a.role],
  );
}

/**
 * Puts a version in force: the version of the same procedure and force in force until now is superseded first
 * (the partial unique index allows one in force). Returns the id of the superseded version, if any.
 */
export async function putInForce(db: Queryable, p: Pick<TProtocolRecord, 'id' | 'procedure' | 'force'>): Promise<string | null> {
  const old = await db.query<{ id: string }>(
    `UPDATE protocol_version SET status = 'superseded', superseded_at = now()
      WHERE procedure = $1 AND force = $2 AND status = 'in_force' RETURNING id`,
    [p.procedure, p.force],
  );
  await db.query(`UPDATE protocol_version SET status = 'in_force', in_force_from = now() WHERE id = $1`, [p.id]);
  return old.rows[0]?.id ?? null;
}

/** The number of the version of a procedure and force in force, whatever its labels (versions are ordered globally). */
export async function inForceVersion(db: Queryable, procedure: string, force: TProtocolForce): Promise<number | null> {
  const r = await db.query<{ version: number }>(
    "SELECT version FROM protocol_version WHERE procedure = $1 AND force = $2 AND status = 'in_force'",
    [procedure, force],
  );
  return r.rows[0]?.version ?? null;
}
