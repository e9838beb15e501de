/**
 * The browser end of `/api/v1/live`: one WebSocket per COP page. It subscribes (area, forces, kinds, freshness),
 * receives a snapshot then coalesced updates, and reconnects with backoff; after a reconnect the server sends a new
 * snapshot, so the picture resyncs by itself. The session cookie authenticates the socket (same origin).
 */
import { LIVE_AREA_LAYERS, LIVE_KINDS } from '@enlace/contracts';
import type { TAlert, TChatMessage, TChatReceipt, TForce, TLiveAreaLayer, TLiveClientMessage, TTrack } from '@enlace/contracts';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface LiveHandlers {
  snapshot(tracks: TTrack[]): void;
  tracks(tracks: TTrack[], removed: string[]): void;
  alert(alert: TAlert): void;
  chat(message: TChatMessage): void;
  receipt(receipt: TChatReceipt): void;
  /** Areas of these layers changed on the server: read them again. */
  areas(layers: TLiveAreaLayer[]): void;
  state(state: LiveState, detail?: string): void;
}

const AREA_LAYERS: ReadonlySet<string> = new Set(LIVE_AREA_LAYERS);

export interface LiveSubscription {
  bbox?: [number, number, number, number];
  forces?: TForce[];
  maxAgeSeconds?: number;
}

/** Backoff between reconnects: 0.5 s doubling to 15 s, with jitter so a restarted server is not hit at once. */
export function reconnectDelay(attempt: number, random = Math.random): number {
  const base = Math.min(15_000, 500 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.75 + random() * 0.5));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Keeps only well-formed tracks (a server bug must not break the map). */
export function cleanTracks(value: unknown): TTrack[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (t): t is TTrack =>
      isRecord(t) && typeof t['uid'] === 'string' && Number.isFinite(t['lat']) && Number.isFinite(t['lon']) && typeof t['stale'] === 'string',
  );
}

/** Dispatches one server message to the handlers; returns false for a message it does not understand. */
export function dispatchLiveMessage(raw: string, handlers: LiveHandlers): boolean {
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch {
    return false;
  }
  if (!isRecord(message)) return false;
  switch (message['type']) {
    case 'snapshot':
      handlers.snapshot(cleanTracks(message['tracks']));
      return true;
    case 'tracks': {
      const removed = Array.isArray(message['removed']) ? message['removed'].filter((u): u is string => typeof u === 'string') : [];
      handlers.tracks(cleanTracks(message['tracks']), removed);
      return true;
    }
    case 'alert':
      if (!isRecord(message['alert'])) return false;
      handlers.alert(message['alert'] as unknown as TAlert);
      return true;
    case 'chat':
      if (!isRecord(message['message'])) return false;
      handlers.chat(message['message'] as unknown as TChatMessage);
      return true;
    case 'receipt':
      if (!isRecord(message['receipt'])) return false;
      handlers.receipt(message['receipt'] as unknown as TChatReceipt);
      return true;
    case 'areas': {
      const layers = Array.isArray(message['layers']) ? message['layers'].filter((l): l is TLiveAreaLayer => typeof l === 'string' && AREA_LAYERS.has(l)) : [];
      if (layers.length === 0) return false;
      handlers.areas(layers);
      return true;
    }
    case 'pong':
    case 'reported':
      return true;
    case 'error':
      handlers.state('live', typeof message['message'] === 'string' ? message['message'] : undefined);
      return true;
    default:
      return false;
  }
}

/** Opens and keeps open the live socket. `close()` ends it for good. */
export class LiveClient {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private closed = false;

  constructor(
    private readonly handlers: LiveHandlers,
    private subscription: LiveSubscription = {},
    private readonly url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/api/v1/live`,
  ) {}

  start(): void {
    this.closed = false;
    this.open();
  }

  /** Changes the subscription; the server answers with a fresh snapshot. */
  resubscribe(subscription: LiveSubscription): void {
    this.subscription = subscription;
    this.send(this.subscribeMessage());
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.socket?.close(1000);
    this.socket = null;
    this.handlers.state('closed');
  }

  private subscribeMessage(): TLiveClientMessage {
    return { type: 'subscribe', kinds: [...LIVE_KINDS], ...this.subscription };
  }

  private send(message: TLiveClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private open(): void {
    this.handlers.state(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.handlers.state('live');
      this.send(this.subscribeMessage());
      // Keeps proxies from closing an idle socket and shows a dead link within half a minute.
      this.pingTimer = setInterval(() => { this.send({ type: 'ping' }); }, 25_000);
    };
    socket.onmessage = (event: MessageEvent) => {
      if (typeof event.data === 'string') dispatchLiveMessage(event.data, this.handlers);
    };
    socket.onclose = () => {
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.pingTimer = null;
      if (this.closed || this.socket !== socket) return;
      this.handlers.state('reconnecting');
      this.timer = setTimeout(() => { this.open(); }, reconnectDelay(this.attempt++));
    };
  }
}
