import { authorize } from '@enlace/access';
import { COP_SUBJECTS } from '@enlace/contracts';
import type { TAlert, TLiveAreaLayer, TLiveKind, TLiveServerMessage, TTrack, TTrackBusEvent } from '@enlace/contracts';
import type { WebSocket } from 'ws';
import { SESSIONS_ENDED } from '../../platform/auth/watch-sessions.ts';
import type { SessionsEnded } from '../../platform/auth/watch-sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { LAWFUL_AREAS_CHANGED_SUBJECT } from '../legal/announce-lawful-areas-changed.ts';
import type { LawfulAreasChanged } from '../legal/announce-lawful-areas-changed.ts';
import { canReadChat } from '../messaging/chat-access.ts';
import type { ReceiptBusEvent } from '../messaging/record-receipt.ts';
import type { ChatBusEvent } from '../messaging/send-message.ts';
import { canReadAlert } from './alert-access.ts';
import { copRuntime } from './cop-runtime.ts';
import { droneVideos } from './drone-videos.ts';
import { presentTrack } from './list-tracks.ts';
import { LiveView, trackLabelsKey, viewKey } from './live-view.ts';
import type { TrackView, ViewBatch } from './live-view.ts';
import type { CopActor } from './track-access.ts';

/** Bytes queued in a socket beyond which a client is skipped this tick (it keeps only the latest state). */
const SLOW_BYTES = 1 << 20;
/** A client skipped this long is disconnected; it resyncs (snapshot) when it reconnects. */
const SLOW_GIVE_UP_MS = 30_000;
/** Alerts, chat and receipts waiting for one client; more means it cannot keep up: disconnect, resync later. */
const MAX_EVENTS = 1000;

/** The permission of the route that serves each layer of areas. */
const LAYER_PERMISSION = { legal: 'legal:read', tasks: 'geofence:read', geofences: 'geofence:read' } as const satisfies Record<TLiveAreaLayer, string>;

export interface LiveSubscription extends TrackView {
  kinds: ReadonlySet<TLiveKind>;
}

/** One browser (or device) connection. */
export class LiveClient {
  private sub: LiveSubscription | null = null;
  /** The view whose tracks this client gets (null: not subscribed to tracks). */
  view: LiveView<LiveClient> | null = null;
  /** Key of the labels this client's user may read, shared with every user who may read the same. */
  readonly labelsKey: string;
  /**
   * What a skipped (slow) client still has to get: latest state per track, null when it left the view. Bounded by
   * the number of tracks; sent as one message when the socket has room again.
   */
  private backlog: Map<string, TTrack | null> | null = null;
  /** Set when the client got its snapshot since the last tick: the hub's change count at that moment. */
  snapshotAt = -1;
  private events: string[] = [];
  private slowSince = 0;
  closed = false;
  /**
   * The session behind the connection (hash of its token) and what to do when the bus says that it ended or that
   * its user changed (live-socket.ts checks it again); null for connections without a session token.
   */
  session: { hash: string; recheck: () => void } | null = null;

  constructor(
    readonly socket: WebSocket,
    readonly actor: CopActor,
    private readonly hub: LiveHub,
  ) {
    this.labelsKey = trackLabelsKey(actor);
  }

  get subscription(): LiveSubscription | null {
    return this.sub;
  }

  /** (Re)subscribes: the filter changes and a full snapshot replaces whatever the client had. */
  subscribe(sub: LiveSubscription): void {
    this.sub = sub;
    this.backlog = null;
  }

  offerEvent(message: TLiveServerMessage): void {
    if (this.events.length >= MAX_EVENTS) {
      this.hub.drop(this, 'too slow');
      return;
    }
    this.events.push(JSON.stringify(message));
  }

  /**
   * Sends what accumulated since the last tick: queued events, then this tick's batch of its view (`shared`, the
   * message already serialised for the whole view). A client whose socket is still busy is skipped; it keeps the
   * latest state of each track and gets it in one message when it has room again.
   */
  flush(now: number, batch: ViewBatch | null, shared: () => Buffer): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > SLOW_BYTES) {
      if (batch) this.hold(batch);
      this.slowSince ||= now;
      if (now - this.slowSince > SLOW_GIVE_UP_MS) this.hub.drop(this, 'too slow');
      return;
    }
    this.slowSince = 0;
    for (const e of this.events) this.socket.send(e);
    this.events = [];
    if (this.backlog) {
      if (batch) this.hold(batch);
      const tracks: TTrack[] = [];
      const removed: string[] = [];
      for (const [uid, t] of this.backlog) {
        if (t) tracks.push(t);
        else removed.push(uid);
      }
      this.backlog = null;
      this.socket.send(this.hub.tracksMessage({ tracks, removed }));
    } else if (batch) {
      this.socket.send(shared(), { binary: false });
    }
  }

  private hold(batch: ViewBatch): void {
    const backlog = (this.backlog ??= new Map());
    for (const t of batch.tracks) backlog.set(t.uid, t);
    for (const uid of batch.removed) backlog.set(uid, null);
  }

  send(message: TLiveServerMessage): void {
    if (!this.closed && this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }
}

/**
 * Fans the operational picture out to browsers: every instance's hub listens to the bus (`cop.track`, `cop.alert`,
 * `cop.chat`, `cop.receipt`), so a report accepted by any instance reaches clients of all of them. Track changes
 * are coalesced (latest state per track) and sent once per tick (ENLACE_LIVE_TICK_MS). Clients that may read the
 * same labels and subscribed to the same area share a {@link LiveView}: each change is checked against their
 * permissions and filter once per view, and the view's message is serialised once for all of its clients.
 * Sending never waits for a client: a client whose socket is still full is skipped (it keeps only the latest
 * state of each track, a bounded map) and, if it stays stuck, dropped; it gets a fresh snapshot when it
 * reconnects. So a slow client never delays the others.
 */
export class LiveHub {
  private readonly clients = new Set<LiveClient>();
  private readonly views = new Map<string, LiveView<LiveClient>>();
  /** Track changes since the last tick, latest per uid (null: removed), and when each came (`received`). */
  private changes = new Map<string, TTrack | null>();
  private changedAt = new Map<string, number>();
  private received = 0;
  /**
   * The JSON of the track states serialised since the last tick, shared by every view and snapshot until then. Kept
   * for one tick only: a state's JSON kept as long as the state (about a second) outlives the young generation, and
   * at thousands of reports a second those strings were the largest share of what filled the old generation.
   */
  private json = new Map<TTrack, string>();
  private readonly offs: (() => void)[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly ctx: AppContext) {
    const bus = ctx.bus;
    this.offs.push(
      bus.subscribe(COP_SUBJECTS.track, (e) => {
        const data = e.data as TTrackBusEvent;
        const at = ++this.received;
        for (const t of data.tracks) {
          this.changes.set(t.uid, t);
          this.changedAt.set(t.uid, at);
        }
        for (const r of data.removed) {
          this.changes.set(r.uid, null);
          this.changedAt.set(r.uid, at);
        }
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
      bus.subscribe(LAWFUL_AREAS_CHANGED_SUBJECT, (e) => {
        // A stored evaluation moves task areas; an instrument registered, changed or revoked moves legal areas and
        // may end the task areas resting on it.
        this.areasChanged((e.data as Partial<LawfulAreasChanged>).cause === 'evaluation' ? ['tasks'] : ['legal', 'tasks']);
      }),
      bus.subscribe(COP_SUBJECTS.geofence, () => {
        this.areasChanged(['geofences']);
      }),
      // Logout, revocation, deactivation or new rights, on any instance: the connections concerned check again.
      bus.subscribe(SESSIONS_ENDED, (e) => {
        const ended = e.data as SessionsEnded;
        for (const c of this.clients) {
          if (c.session && (ended.tokenHashes?.includes(c.session.hash) || ended.userIds?.includes(c.actor.userId))) c.session.recheck();
        }
      }),
    );
    this.timer = setInterval(() => this.tick(), Math.max(10, ctx.config.liveTickMs));
    this.timer.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /**
   * Tells each client subscribed to `areas` which of the changed layers it may read (the route of each layer checks
   * again, per area, when the page reads it).
   */
  private areasChanged(layers: readonly TLiveAreaLayer[]): void {
    for (const c of this.clients) {
      if (!c.subscription?.kinds.has('areas')) continue;
      const readable = layers.filter((l) => authorize(c.actor, LAYER_PERMISSION[l]).allow);
      if (readable.length > 0) c.offerEvent({ type: 'areas', layers: readable });
    }
  }

  /** Views in use (clients grouped by readable labels and subscription). */
  get viewCount(): number {
    return this.views.size;
  }

  /** The JSON of a track as sent to browsers, computed once per state and tick and shared by every client. */
  trackJson(t: TTrack): string {
    let s = this.json.get(t);
    if (s === undefined) {
      s = JSON.stringify(presentTrack(t, droneVideos(this.ctx)));
      this.json.set(t, s);
    }
    return s;
  }

  /** A `tracks` message. */
  tracksMessage(batch: ViewBatch): string {
    return `{"type":"tracks","tracks":[${batch.tracks.map((t) => this.trackJson(t)).join(',')}],"removed":${JSON.stringify(batch.removed)}}`;
  }

  add(socket: WebSocket, actor: CopActor): LiveClient {
    const client = new LiveClient(socket, actor, this);
    this.clients.add(client);
    return client;
  }

  remove(client: LiveClient): void {
    client.closed = true;
    this.clients.delete(client);
    this.leaveView(client);
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
    if (client.closed) return;
    client.subscribe(sub);
    this.leaveView(client);
    let tracks: TTrack[] = [];
    if (sub.kinds.has('tracks')) {
      const key = viewKey(client.labelsKey, sub);
      let view = this.views.get(key);
      if (!view) {
        view = new LiveView<LiveClient>(key, client.actor, sub);
        this.views.set(key, view);
      }
      view.clients.add(client);
      client.view = view;
      tracks = view.snapshot(rt.tracks.values(), Date.now());
      // The snapshot holds every change received so far: the next tick sends this client only what came later.
      client.snapshotAt = this.received;
    }
    if (client.socket.readyState === client.socket.OPEN) {
      client.socket.send(`{"type":"snapshot","tracks":[${tracks.map((t) => this.trackJson(t)).join(',')}]}`);
    }
  }

  private leaveView(client: LiveClient): void {
    const view = client.view;
    if (!view) return;
    view.clients.delete(client);
    client.view = null;
    if (view.clients.size === 0) this.views.delete(view.key);
  }

  private tick(): void {
    const now = Date.now();
    const changes = this.changes;
    const changedAt = this.changedAt;
    this.changes = new Map();
    this.changedAt = new Map();
    this.json = new Map();
    const flush = (c: LiveClient, batch: ViewBatch | null, shared: () => Buffer): void => {
      try {
        c.flush(now, batch, shared);
      } catch (err) {
        this.ctx.log.warn({ err }, 'live client send failed');
        this.drop(c, 'send failed');
      }
    };
    const none = (): Buffer => Buffer.alloc(0);
    for (const view of [...this.views.values()]) {
      const batch = changes.size > 0 ? view.batch(changes, now) : null;
      let bytes: Buffer | undefined;
      const shared = (): Buffer => (bytes ??= Buffer.from(this.tracksMessage(batch!)));
      for (const c of [...view.clients]) {
        if (c.snapshotAt < 0) {
          flush(c, batch, shared);
          continue;
        }
        const since = c.snapshotAt;
        c.snapshotAt = -1;
        const later = (uid: string): boolean => (changedAt.get(uid) ?? 0) > since;
        const own = batch && { tracks: batch.tracks.filter((t) => later(t.uid)), removed: batch.removed.filter(later) };
        const mine = own && (own.tracks.length > 0 || own.removed.length > 0) ? own : null;
        flush(c, mine, () => Buffer.from(this.tracksMessage(mine!)));
      }
    }
    for (const c of this.clients) if (!c.view) flush(c, null, none);
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
