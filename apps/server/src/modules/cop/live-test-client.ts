import type { TLiveServerMessage } from '@enlace/contracts';
import WebSocket from 'ws';

/**
 * A `ws` client of `/api/v1/live` for tests and benchmarks: collects every message and waits for the one a
 * predicate picks, with no sleeps.
 */
export class LiveTestClient {
  readonly messages: TLiveServerMessage[] = [];
  private waiters: { pick: (m: TLiveServerMessage) => boolean; ok: (m: TLiveServerMessage) => void }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const m = JSON.parse(data.toString('utf8')) as TLiveServerMessage;
      this.messages.push(m);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pick(m)) return true;
        w.ok(m);
        return false;
      });
    });
  }

  /** Connects with a bearer token (or none) to `baseUrl` (http://host:port). */
  static connect(baseUrl: string, token: string | null): Promise<LiveTestClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/v1/live`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return new Promise((ok, ko) => {
      socket.once('open', () => ok(new LiveTestClient(socket)));
      socket.once('unexpected-response', (req, res) => {
        req.destroy();
        ko(new Error(`HTTP ${res.statusCode}`));
      });
      socket.once('error', ko);
    });
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  /** The first message (already received or to come) that `pick` accepts; rejects after `timeoutMs`. */
  next<T extends TLiveServerMessage>(pick: (m: TLiveServerMessage) => boolean, timeoutMs = 15_000): Promise<T> {
    const seen = this.messages.find(pick);
    if (seen) return Promise.resolve(seen as T);
    return new Promise((ok, ko) => {
      const timer = setTimeout(() => ko(new Error('no matching live message in time')), timeoutMs);
      this.waiters.push({
        pick,
        ok: (m) => {
          clearTimeout(timer);
          ok(m as T);
        },
      });
    });
  }

  /** Every track uid this client was sent so far (snapshot and updates). */
  trackUids(): Set<string> {
    const uids = new Set<string>();
    for (const m of this.messages) if (m.type === 'snapshot' || m.type === 'tracks') for (const t of m.tracks) uids.add(t.uid);
    return uids;
  }

  close(): Promise<void> {
    return new Promise((ok) => {
      if (this.socket.readyState === WebSocket.CLOSED) return ok();
      const timer = setTimeout(() => this.socket.terminate(), 1000);
      this.socket.once('close', () => {
        clearTimeout(timer);
        ok();
      });
      this.socket.close();
    });
  }
}

/** Whether a message carries a track with this uid. */
export const hasTrack = (uid: string) => (m: TLiveServerMessage): boolean =>
  (m.type === 'tracks' || m.type === 'snapshot') && m.tracks.some((t) => t.uid === uid);
