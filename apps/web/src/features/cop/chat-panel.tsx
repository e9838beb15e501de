import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { TChatMessage, TChatRoom } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { useResource } from '../../app/use-resource.ts';
import { listRoomMessages, listRooms, markRead, sendChatMessage } from './cop-api.ts';
import type { CopStore } from './cop-store.ts';

export interface ChatPanelProps {
  store: CopStore;
  userId: string;
  canWrite: boolean;
}

/** A client message id: a retried send is stored once (the server dedupes on it). */
function newClientMessageId(): string {
  return `web-${crypto.randomUUID()}`;
}

/** Chat between command posts and patrols (rooms shared by both forces, TAK GeoChat included), with receipts. */
export function ChatPanel({ store, userId, canWrite }: ChatPanelProps) {
  const { t } = useTranslation();
  const rooms = useResource('chat-rooms', (signal) => listRooms(signal));
  const [roomId, setRoomId] = useState<string | null>(null);
  const room: TChatRoom | undefined = rooms.data?.find((r) => r.id === roomId) ?? rooms.data?.[0];

  useSyncExternalStore((l) => store.subscribeChat(l), store.getChatVersion);
  const messages = room ? store.roomMessages(room.id) : [];

  // Load the room's recent messages when it is opened.
  const roomKey = room?.id;
  useEffect(() => {
    if (!roomKey) return;
    const controller = new AbortController();
    listRoomMessages(roomKey, controller.signal).then(
      (items) => { store.setRoomMessages(roomKey, items); },
      () => undefined,
    );
    return () => { controller.abort(); };
  }, [roomKey, store]);

  // Messages of others shown here are marked read once (the sender sees the receipt).
  const sentReceipts = useRef(new Set<string>());
  useEffect(() => {
    if (!canWrite) return;
    for (const m of messages) {
      if (m.senderId === userId || sentReceipts.current.has(m.id)) continue;
      if (m.receipts.some((r) => r.kind === 'read' && r.by === userId)) continue;
      sentReceipts.current.add(m.id);
      void markRead(m.id).catch(() => sentReceipts.current.delete(m.id));
    }
  }, [messages, userId, canWrite]);

  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messages.length, roomKey]);

  if (rooms.error) return <p className="cop-error small">{errorMessage(rooms.error)}</p>;
  if (rooms.data && rooms.data.length === 0) return <p className="cop-muted small">{t('cop.chat.noRooms')}</p>;

  return (
    <section className="cop-chat" aria-labelledby="cop-chat-title">
      <h2 id="cop-chat-title" className="visually-hidden">{t('cop.chat.title')}</h2>
      <label className="cop-field">
        <span>{t('cop.chat.room')}</span>
        <select value={room?.id ?? ''} onChange={(e) => { setRoomId(e.target.value); }}>
          {(rooms.data ?? []).map((r) => (
            <option key={r.id} value={r.id}>{r.name}</option>
          ))}
        </select>
      </label>
      <ol className="cop-messages" ref={listRef} aria-live="polite">
        {messages.length === 0 ? <li className="cop-muted small">{t('cop.chat.empty')}</li> : null}
        {messages.map((m) => (
          <ChatMessage key={m.id} message={m} mine={m.senderId === userId} />
        ))}
      </ol>
      {canWrite && room ? <Composer roomId={room.id} onSent={(m) => { store.chat(m); }} /> : null}
    </section>
  );
}

function ChatMessage({ message, mine }: { message: TChatMessage; mine: boolean }) {
  const { t } = useTranslation();
  const readers = message.receipts.filter((r) => r.kind === 'read').map((r) => r.byName);
  const delivered = message.receipts.some((r) => r.kind === 'delivered');
  return (
    <li className={mine ? 'cop-message cop-message-mine' : 'cop-message'}>
      <div className="cop-message-head">
        <strong>{message.senderName}</strong>
        {message.source === 'cot' ? <span className="cop-tag">{t('cop.chat.fromTak')}</span> : null}
        <time className="cop-muted small" dateTime={message.sentAt}>{formatDateTime(message.sentAt)}</time>
      </div>
      <p className="cop-message-text">{message.text}</p>
      {mine && (readers.length > 0 || delivered) ? (
        <p className="cop-receipt small">
          {readers.length > 0 ? `✓✓ ${t('cop.chat.readBy', { names: readers.join(', ') })}` : `✓ ${t('cop.chat.delivered')}`}
        </p>
      ) : null}
    </li>
  );
}

function Composer({ roomId, onSent }: { roomId: string; onSent: (message: TChatMessage) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The same id is reused when a failed send is retried, so the server stores the message once.
  const pendingId = useRef<string | null>(null);

  const send = async (): Promise<void> => {
    const body = text.trim();
    if (!body) return;
    pendingId.current ??= newClientMessageId();
    setBusy(true);
    setError(null);
    try {
      onSent(await sendChatMessage(roomId, body, pendingId.current));
      pendingId.current = null;
      setText('');
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="cop-composer" onSubmit={(e) => { e.preventDefault(); void send(); }}>
      <label className="visually-hidden" htmlFor="cop-chat-input">{t('cop.chat.message')}</label>
      <input
        id="cop-chat-input"
        value={text}
        maxLength={4000}
        autoComplete="off"
        placeholder={t('cop.chat.message')}
        onChange={(e) => { setText(e.target.value); pendingId.current = null; }}
      />
      <button type="submit" className="cop-button cop-button-primary" disabled={busy || text.trim() === ''}>
        {busy ? t('cop.chat.sending') : t('cop.chat.send')}
      </button>
      {error ? <p role="alert" className="cop-error small">{error}</p> : null}
    </form>
  );
}
