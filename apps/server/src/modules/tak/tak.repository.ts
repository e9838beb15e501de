import type { TAgencyCode, TClassification, TRole } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';

/** A client certificate issued for a TAK device, as stored (never the private key). */
export interface CertificateRow {
  id: string;
  serial: string;
  fingerprint: string;
  caFingerprint: string;
  userId: string;
  username: string;
  agency: TAgencyCode;
  subject: string;
  callsign: string;
  issuedBy: string | null;
  issuedAt: Date;
  notBefore: Date;
  notAfter: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  revocationReason: string | null;
}

interface Row {
  id: string;
  serial: string;
  fingerprint: string;
  ca_fingerprint: string;
  user_id: string;
  username: string;
  agency: TAgencyCode;
  subject: string;
  callsign: string;
  issued_by: string | null;
  issued_at: Date;
  not_before: Date;
  not_after: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  revocation_reason: string | null;
}

const COLUMNS = `c.id, c.serial, c.fingerprint, c.ca_fingerprint, c.user_id, u.username, u.agency, c.subject, c.callsign,
  c.issued_by, c.issued_at, c.not_before, c.not_after, c.revoked_at, c.revoked_by, c.revocation_reason`;

const toRow = (r: Row): CertificateRow => ({
  id: r.id,
  serial: r.serial,
  fingerprint: r.fingerprint,
  caFingerprint: r.ca_fingerprint,
  userId: r.user_id,
  username: r.username,
  agency: r.agency,
  subject: r.subject,
  callsign: r.callsign,
  issuedBy: r.issued_by,
  issuedAt: r.issued_at,
  notBefore: r.not_before,
  notAfter: r.not_after,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
  revocationReason: r.revocation_reason,
});

export interface NewCertificate {
  serial: string;
  fingerprint: string;
  caFingerprint: string;
  userId: string;
  subject: string;
  callsign: string;
  issuedBy: string | null;
  notBefore: Date;
  notAfter: Date;
}

export async function insertCertificate(db: Queryable, c: NewCertificate): Promise<CertificateRow> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO tak_certificate (serial, fingerprint, ca_fingerprint, user_id, subject, callsign, issued_by, not_before, not_after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [c.serial, c.fingerprint, c.caFingerprint, c.userId, c.subject, c.callsign, c.issuedBy, c.notBefore, c.notAfter],
  );
  const id = r.rows[0]?.id;
  const row = id ? await findCertificate(db, id) : null;
  if (!row) throw new Error('certificate insert returned nothing');
  return row;
}

export async function findCertificate(db: Queryable, id: string): Promise<CertificateRow | null> {
  const r = await db.query<Row>(`SELECT ${COLUMNS} FROM tak_certificate c JOIN app_user u ON u.id = c.user_id WHERE c.id = $1`, [id]);
  return r.rows[0] ? toRow(r.rows[0]) : null;
}

export async function listCertificates(db: Queryable, f: { userId?: string | undefined; limit: number }): Promise<CertificateRow[]> {
  const params: unknown[] = [f.limit];
  let where = '';
  if (f.userId) {
    params.push(f.userId);
    where = 'WHERE c.user_id = $2';
  }
  const r = await db.query<Row>(
    `SELECT ${COLUMNS} FROM tak_certificate c JOIN app_user u ON u.id = c.user_id ${where} ORDER BY c.issued_at DESC LIMIT $1`,
    params,
  );
  return r.rows.map(toRow);
}

/** Marks a certificate revoked; null when it does not exist or was revoked already. */
export async function markRevoked(
  db: Queryable,
  id: string,
  by: string | null,
  reason: string,
): Promise<CertificateRow | null> {
  const r = await db.query<{ id: string }>(
    `UPDATE tak_certificate SET revoked_at = now(), revoked_by = $2, revocation_reason = $3
     WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
    [id, by, reason],
  );
  return r.rows[0] ? findCertificate(db, id) : null;
}

/** Serials revoked under one CA, for its CRL. */
export async function listRevoked(db: Queryable, caFingerprint: string): Promise<{ serial: string; revokedAt: Date }[]> {
  const r = await db.query<{ serial: string; revoked_at: Date }>(
    'SELECT serial, revoked_at FROM tak_certificate WHERE ca_fingerprint = $1 AND revoked_at IS NOT NULL ORDER BY revoked_at',
    [caFingerprint],
  );
  return r.rows.map((x) => ({ serial: x.serial, revokedAt: x.revoked_at }));
}

/** The user a TLS client's certificate was issued to, if the certificate is known, valid and not revoked. */
export interface CertificateHolder {
  certificateId: string;
  callsign: string;
  userId: string;
  username: string;
  displayName: string;
  agency: TAgencyCode;
  role: TRole;
  clearance: TClassification;
  active: boolean;
}

export async function findHolderByFingerprint(db: Queryable, fingerprint: string): Promise<CertificateHolder | null> {
  const r = await db.query<{
    id: string;
    callsign: string;
    user_id: string;
    username: string;
    display_name: string;
    agency: TAgencyCode;
    role: TRole;
    clearance: TClassification;
    active: boolean;
  }>(
    `SELECT c.id, c.callsign, u.id AS user_id, u.username, u.display_name, u.agency, u.role, u.clearance, u.active
     FROM tak_certificate c JOIN app_user u ON u.id = c.user_id
     WHERE c.fingerprint = $1 AND c.revoked_at IS NULL AND c.not_after > now()`,
    [fingerprint],
  );
  const x = r.rows[0];
  if (!x) return null;
  return {
    certificateId: x.id,
    callsign: x.callsign,
    userId: x.user_id,
    username: x.username,
    displayName: x.display_name,
    agency: x.agency,
    role: x.role,
    clearance: x.clearance,
    active: x.active,
  };
}

/** A user to issue a certificate for. */
export async function findEnrollee(
  db: Queryable,
  userId: string,
): Promise<{ id: string; username: string; displayName: string; agency: TAgencyCode; active: boolean } | null> {
  const r = await db.query<{ id: string; username: string; display_name: string; agency: TAgencyCode; active: boolean }>(
    'SELECT id, username, display_name, agency, active FROM app_user WHERE id = $1',
    [userId],
  );
  const x = r.rows[0];
  return x ? { id: x.id, username: x.username, displayName: x.display_name, agency: x.agency, active: x.active } : null;
}

/** Current rights of users, to cut off TAK connections whose user was deactivated or changed. */
export async function findUserRights(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, { active: boolean; role: TRole; agency: TAgencyCode; clearance: TClassification }>> {
  if (ids.length === 0) return new Map();
  const r = await db.query<{ id: string; active: boolean; role: TRole; agency: TAgencyCode; clearance: TClassification }>(
    'SELECT id, active, role, agency, clearance FROM app_user WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(r.rows.map((x) => [x.id, { active: x.active, role: x.role, agency: x.agency, clearance: x.clearance }]));
}
