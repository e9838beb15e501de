import { COP_SUBJECTS } from '@enlace/contracts';
import type { TAlert, TForce, TLiveServerMessage, TTrack, TTrackBusEvent } from '@enlace/contracts';
import type { WebSocket } from 'ws';
import type { AppContext } from '../../platform/context.ts';
import { canReadChat } from '../messaging/chat-access.ts';
import type { ReceiptBusEvent } from '../messaging/record-receipt.ts';
import type { ChatBusEvent } from '../messaging/send-message.ts';
import { canReadAlert } from './alert-access.ts';
import { copRuntime } from './cop-runtime.ts';
import { presentTrack } from './list-tracks.ts';
import { LabelSet } from './track-access.ts';
import type { CopActor } from './track-access.ts';
import { trackMatches } from './track-store.ts';
import type { TrackFilter } from './track-store.ts';

/** Bytes queued in a socket beyond which a client is skipped this tick (it keeps only the latest state). */
const SLOW_BYTES = 1 << 20;
/** A client skipped this long is disconnected; it resyncs (snapshot) when it reconnects. */
const SLOW_GIVE_UP_MS = 30_000;
/** Alerts, chat and receipts waiting for one client; more means it cannot keep up: disconnect, resync later. */
const MAX_EVENTS = 1000;

export interface LiveSubscription {
  bbox?: readonly [number, number, number, number] | undefined;
  forces?: readonly TForce[] | undefined;
  kinds: ReadonlySet<'tracks' | 'alerts' | 'chat'>;
  maxAgeSeconds?: number | undefined;
}

/** One browser (or device) connection. */
export class LiveClient {
  private sub: LiveSubscription | null = null;
  private filter: TrackFilter;
  /** Latest state per track waiting for the next tick: a fast-moving track is sent once per tick. */
  private readonly pending = new Map<string, TTrack>();
  private readonly removed = new Set<string>();
  /** Tracks this client has been sent and not told removed (to remove what leaves its view). */
  private readonly shown = new Set<string>();
  private events: string[] = [];
  private slowSince = 0;
  closed = false;

  constructor(
    readonly socket: WebSocket,
    readonly actor: CopActor,
    private readonly hub: LiveHub,
  ) {
    this.filter = { labels: new LabelSet(actor, 'track:read') };
  }

  get subscription(): LiveSubscription | null {
    return this.sub;
  }

  /** (Re)subscribes: the filter changes and a full snapshot replaces whatever the client had. */
  subscribe(sub: LiveSubscription): void {
    this.sub = sub;
    this.filter = { bbox: sub.bbox, forces: sub.forces, maxAgeSeconds: sub.maxAgeSeconds, labels: this.filter.labels };
    this.pending.clear();
    this.removed.clear();
    this.shown.clear();
  }

  snapshotTracks(all: Iterable<TTrack>, now: number): TTrack[] {
    const out: TTrack[] = [];
    if (!this.sub?.kinds.has('tracks')) return out;
    for (const t of all) {
      if (trackMatches(t, this.filter, now)) {
        out.push(t);
        this.shown.add(t.uid);
      }
    }
    return out;
  }

  offerTracks(event: TTrackBusEvent, now: number): void {
    if (!this.sub?.kinds.has('tracks')) return;
    for (const t of event.tracks) {
      if (trackMatches(t, this.filter, now)) {
        this.pending.set(t.uid, t);
        this.removed.delete(t.uid);
      } else if (this.shown.has(t.uid) || this.pending.has(t.uid)) {
        // Left the client's view (moved out of the box, reclassified): tell it to drop the track.
        this.pending.delete(t.uid);
        this.removed.add(t.uid);
      }
    }
    for (const r of event.removed) {
      this.pending.delete(r.uid);
      if (this.shown.has(r.uid)) this.removed.add(r.uid);
    }
  }

  offerEvent(message: TLiveServerMessage): void {
    if (this.events.length >= MAX_EVENTS) {
      this.hub.drop(this, 'too slow');
      return;
    }
    this.events.push(JSON.stringify(message));
  }

  /** Sends what accumulated since the last tick, unless the socket is still busy with earlier data. */
  flush(now: number): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > SLOW_BYTES) {
      this.slowSince ||= now;
      if (now - this.slowSince > SLOW_GIVE_UP_MS) this.hub.drop(this, 'too slow');
      return;
    }
    this.slowSince = 0;
    for (const e of this.events) this.socket.send(e);
    this.events = [];
    if (this.pending.size === 0 && this.removed.size === 0) return;
    const parts: string[] = [];
    for (const t of this.pending.values()) {
      parts.push(this.hub.trackJson(t));
      this.shown.add(t.uid);
    }
    for (const uid of this.removed) this.shown.delete(uid);
    this.socket.send(`{"type":"tracks","tracks":[${parts.join(',')}],"removed":${JSON.stringify([...this.removed])}}`);
    this.pending.clear();
    this.removed.clear();
  }

  send(message: TLiveServerMessage): void {
    if (!this.closed && this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }
}

/**
 * Fans the operational picture out to browsers: every instance's hub listens to the bus (`cop.track`, `cop.alert`,
 * `cop.chat`, `cop.receipt`), so a report accepted by any instance reaches clients of all of them. Track updates
 * are coalesced per client and sent once per tick (ENLACE_LIVE_TICK_MS); every item is checked against the
 * client's permissions before it is queued. Sending never waits for a client: a client whose socket is still
 * full is skipped (it keeps only the latest state of each track, a bounded map) and, if it stays stuck, dropped;
 * it gets a fresh snapshot when it reconnects. So a slow client never delays the others.
 */
export class LiveHub {
  private readonly clients = new Set<LiveClient>();
  private readonly json = new WeakMap<TTrack, string>();
  private readonly offs: (() => void)[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly ctx: AppContext) {
    const bus = ctx.bus;
    this.offs.push(
      bus.subscribe(COP_SUBJECTS.track, (e) => {
        const now = Date.now();
        for (const c of this.clients) c.offerTracks(e.data as TTrackBusEvent, now);
      }),
      bus.subscribe(COP_SUBJECTS.alert, (e) => {
        const { alert } = e.data as { alert: TAlert };
        for (const c of this.clients) {
          if (c.subscription?.kinds.has('alerts') && canReadAlert(c.actor, alert)) c.offerEvent({ type: 'alert', alert });
        }
      }),
      bus.subscribe(COP_SUBJECTS.chat, (e) => {
        const { message, room } = e.data as ChatBusEvent;
        for (const c of this.clients) {
          if (c.subscription?.kinds.has('chat') && canReadChat(c.actor, room, message.classification)) c.offerEvent({ type: 'chat', message });
        }
      }),
      bus.subscribe(COP_SUBJECTS.receipt, (e) => {
        const { receipt, room } = e.data as ReceiptBusEvent;
        for (const c of this.clients) {
          if (c.subscription?.kinds.has('chat') && canReadChat(c.actor, room, receipt.classification)) c.offerEvent({ type: 'receipt', receipt });
        }
      }),
    );
    this.timer = setInterval(() => this.tick(), Math.max(10, ctx.config.liveTickMs));
    this.timer.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** The JSON of a track as sent to browsers, computed once per state and shared by every client. */
  trackJson(t: TTrack): string {
    let s = this.json.get(t);
    if (s === undefined) {
      s = JSON.stringify(presentTrack(t));
      this.json.set(t, s);
    }
    return s;
  }

  add(socket: WebSocket, actor: CopActor): LiveClient {
    const client = new LiveClient(socket, actor, this);
    this.clients.add(client);
    return client;
  }

  remove(client: LiveClient): void {
    client.closed = true;
    this.clients.delete(client);
  }

  /** Disconnects a client that cannot keep up (1013: try again later); it resyncs on reconnect. */
  drop(client: LiveClient, reason: string): void {
    this.remove(client);
    client.socket.close(1013, reason);
    setTimeout(() => client.socket.terminate(), 5000).unref();
  }

  /** Subscribes a client and sends its snapshot: current tracks it may see in its view. */
  async subscribe(client: LiveClient, sub: LiveSubscription): Promise<void> {
    const rt = copRuntime(this.ctx);
    await rt.loaded();
    client.subscribe(sub);
    const tracks = client.snapshotTracks(rt.tracks.values(), Date.now());
    const parts = tracks.map((t) => this.trackJson(t));
    if (!client.closed && client.socket.readyState === client.socket.OPEN) {
      client.socket.send(`{"type":"snapshot","tracks":[${parts.join(',')}]}`);
    }
  }

  private tick(): void {
    const now = Date.now();
    for (const c of this.clients) {
      try {
        c.flush(now);
      } catch (err) {
        this.ctx.log.warn({ err }, 'live client send failed');
        this.drop(c, 'send failed');
      }
    }
  }

  close(): void {
    clearInterval(this.timer);
    for (const off of this.offs) off();
    for (const c of [...this.clients]) {
      this.remove(c);
      c.socket.close(1001, 'server stopping');
    }
  }
}
