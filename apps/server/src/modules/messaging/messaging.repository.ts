import type { TAgencyCode, TChatMessage, TChatReceipt, TChatRoom, TClassification, TRole } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';

interface RoomRow {
  id: string;
  name: string;
  kind: TChatRoom['kind'];
  agencies: TAgencyCode[];
  members: string[];
  classification: TClassification;
  agency: TAgencyCode;
  exercise: boolean;
  created_at: Date;
}

const toRoom = (r: RoomRow): TChatRoom => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  agencies: r.agencies,
  members: r.members,
  classification: r.classification,
  agency: r.agency,
  exercise: r.exercise,
  createdAt: r.created_at.toISOString(),
});

const ROOM_COLUMNS = 'id, name, kind, agencies, members, classification, agency, exercise, created_at';

export async function findRoom(db: Queryable, id: string): Promise<TChatRoom | null> {
  const r = await db.query<RoomRow>(`SELECT ${ROOM_COLUMNS} FROM chat_room WHERE id = $1`, [id]);
  return r.rows[0] ? toRoom(r.rows[0]) : null;
}

/** Rooms listing this agency, direct conversations of this user; every room for oversight (filtered by the caller). */
export async function listRoomRows(db: Queryable, f: { agency: TAgencyCode; userId: string; all: boolean }): Promise<TChatRoom[]> {
  const r = await db.query<RoomRow>(
    `SELECT ${ROOM_COLUMNS} FROM chat_room
      WHERE $3 OR (kind = 'room' AND $1 = ANY(agencies)) OR (kind = 'direct' AND $2::uuid = ANY(members))
      ORDER BY kind DESC, name`,
    [f.agency, f.userId, f.all],
  );
  return r.rows.map(toRoom);
}

export async function insertRoom(
  db: Queryable,
  v: Omit<TChatRoom, 'id' | 'createdAt'> & { directKey: string | null },
): Promise<TChatRoom | null> {
  const r = await db.query<RoomRow>(
    `INSERT INTO chat_room (name, kind, agencies, members, direct_key, agency, classification, exercise)
     VALUES ($1, $2, $3::text[], $4::uuid[], $5, $6, $7, $8)
     ON CONFLICT (direct_key) DO NOTHING RETURNING ${ROOM_COLUMNS}`,
    [v.name, v.kind, v.agencies, v.members, v.directKey, v.agency, v.classification, v.exercise],
  );
  return r.rows[0] ? toRoom(r.rows[0]) : null;
}

export async function findDirectRoom(db: Queryable, directKey: string): Promise<TChatRoom | null> {
  const r = await db.query<RoomRow>(`SELECT ${ROOM_COLUMNS} FROM chat_room WHERE direct_key = $1`, [directKey]);
  return r.rows[0] ? toRoom(r.rows[0]) : null;
}

/** The people a direct message may go to: an active user's labels (read from the users table). */
export async function findRecipient(
  db: Queryable,
  id: string,
): Promise<{ userId: string; username: string; displayName: string; agency: TAgencyCode; role: TRole; clearance: TClassification } | null> {
  const r = await db.query<{ id: string; username: string; display_name: string; agency: TAgencyCode; role: TRole; clearance: TClassification }>(
    'SELECT id, username, display_name, agency, role, clearance FROM app_user WHERE id = $1 AND active',
    [id],
  );
  const u = r.rows[0];
  return u ? { userId: u.id, username: u.username, displayName: u.display_name, agency: u.agency, role: u.role, clearance: u.clearance } : null;
}

interface MessageRow {
  id: string;
  room_id: string;
  sender_id: string | null;
  sender_name: string;
  sender_uid: string | null;
  text: string;
  client_message_id: string | null;
  source: TChatMessage['source'];
  sent_at: Date;
  agency: TAgencyCode;
  classification: TClassification;
  receipts: { kind: 'delivered' | 'read'; by: string; byName: string; at: string }[] | null;
}

const toMessage = (r: MessageRow): TChatMessage => ({
  id: r.id,
  roomId: r.room_id,
  senderId: r.sender_id,
  senderName: r.sender_name,
  senderUid: r.sender_uid,
  text: r.text,
  clientMessageId: r.client_message_id,
  source: r.source,
  sentAt: r.sent_at.toISOString(),
  agency: r.agency,
  classification: r.classification,
  receipts: (r.receipts ?? []).map((x) => ({ ...x, at: new Date(x.at).toISOString() })),
});

const MESSAGE_COLUMNS = `m.id, m.room_id, m.sender_id, m.sender_name, m.sender_uid, m.text, m.client_message_id, m.source, m.sent_at,
  m.agency, m.classification,
  (SELECT json_agg(json_build_object('kind', c.kind, 'by', c.by_key, 'byName', c.by_name, 'at', c.at) ORDER BY c.at)
     FROM chat_receipt c WHERE c.message_id = m.id) AS receipts`;

export async function insertMessage(
  db: Queryable,
  v: Omit<TChatMessage, 'id' | 'sentAt' | 'receipts'>,
): Promise<TChatMessage | null> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO chat_message (room_id, sender_id, sender_name, sender_uid, text, client_message_id, source, agency, classification)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (room_id, sender_name, client_message_id) WHERE client_message_id IS NOT NULL DO NOTHING RETURNING id`,
    [v.roomId, v.senderId, v.senderName, v.senderUid, v.text, v.clientMessageId, v.source, v.agency, v.classification],
  );
  return r.rows[0] ? findMessage(db, r.rows[0].id) : null;
}

export async function findMessage(db: Queryable, id: string): Promise<TChatMessage | null> {
  const r = await db.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM chat_message m WHERE m.id = $1`, [id]);
  return r.rows[0] ? toMessage(r.rows[0]) : null;
}

/** The newest message with this client id (GeoChat messageId), optionally from this sender. */
export async function findMessageByClientId(db: Queryable, clientId: string, senderName?: string): Promise<TChatMessage | null> {
  const r = await db.query<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM chat_message m
      WHERE m.client_message_id = $1 AND ($2::text IS NULL OR m.sender_name = $2) ORDER BY m.sent_at DESC LIMIT 1`,
    [clientId, senderName ?? null],
  );
  return r.rows[0] ? toMessage(r.rows[0]) : null;
}

export async function listMessageRows(
  db: Queryable,
  f: { roomId: string; classifications: readonly TClassification[]; before: string | null; limit: number },
): Promise<TChatMessage[]> {
  const r = await db.query<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM chat_message m
      WHERE m.room_id = $1 AND m.classification = ANY($2::text[]) AND ($3::timestamptz IS NULL OR m.sent_at < $3)
      ORDER BY m.sent_at DESC LIMIT $4`,
    [f.roomId, f.classifications, f.before, f.limit],
  );
  return r.rows.map(toMessage).reverse();
}

/** Stores a receipt; false when the same person already sent that kind for that message. */
export async function insertReceipt(db: Queryable, v: Omit<TChatReceipt, 'roomId' | 'agency' | 'classification'>): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO chat_receipt (message_id, kind, by_key, by_name, at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (message_id, kind, by_key) DO NOTHING`,
    [v.messageId, v.kind, v.by, v.byName, v.at],
  );
  return r.rowCount > 0;
}

export async function findRoomByName(db: Queryable, name: string): Promise<TChatRoom | null> {
  const r = await db.query<RoomRow>(`SELECT ${ROOM_COLUMNS} FROM chat_room WHERE name = $1 AND kind = 'room' LIMIT 1`, [name]);
  return r.rows[0] ? toRoom(r.rows[0]) : null;
}
