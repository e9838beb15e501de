import { randomUUID } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import {
  CotStreamDecoder,
  TakStreamDecoder,
  buildPing,
  buildProtocolRequest,
  encodeTakStreamFrame,
  readProtocolResponse,
  serializeEvent,
} from '@enlace/cot';
import type { TCopDrawing } from '@enlace/contracts';
import type { CotEvent } from '@enlace/cot';
import type { EventBus } from '../../apps/server/src/platform/events/event-bus.ts';
import { TEST_PASSWORD } from './factories.ts';

/** How long a wait for the server may take before the test fails (a condition, not a timing assumption). */
const WAIT_MS = 15_000;

interface Waiter {
  match: (e: CotEvent) => boolean;
  resolve: (e: CotEvent) => void;
}

/**
 * A TAK client simulator (what ATAK/iTAK/WinTAK do on a streaming connection): connects over TCP or TLS, sends XML
 * events, negotiates TAK protocol v1 and then sends and reads `0xBF` frames, answers nothing on its own. Everything
 * received is kept in `received`; `waitFor` resolves on the first event (past or future) that matches.
 */
export class TakClient {
  readonly received: CotEvent[] = [];
  protocol: 'xml' | 'protobuf' = 'xml';
  /** Resolves when the connection is closed, with the error that closed it if any. */
  readonly closed: Promise<Error | null>;
  isClosed = false;
  private readonly xml = new CotStreamDecoder({ maxEventBytes: 1 << 20 });
  private tak: TakStreamDecoder | null = null;
  private waiters: Waiter[] = [];
  private nextNegotiation = 0;

  private constructor(readonly socket: net.Socket) {
    let error: Error | null = null;
    this.closed = new Promise((resolve) => {
      socket.on('error', (e) => (error = e));
      socket.on('close', () => {
        this.isClosed = true;
        resolve(error);
      });
    });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  /** Connects to the plain streaming port. */
  static tcp(port: number, host = '127.0.0.1'): Promise<TakClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host }, () => resolve(new TakClient(socket)));
      socket.once('error', reject);
    });
  }

  /**
   * Connects to the TLS port with a client certificate (.p12 from an enrolment data package) trusting `ca`.
   * Resolves once the client side of the handshake completed (with TLS 1.3 the server may still refuse the
   * certificate right after: watch `closed`).
   */
  static tls(port: number, o: { pfx?: Uint8Array; passphrase?: string; ca: string; maxVersion?: tls.SecureVersion }): Promise<TakClient> {
    return new Promise((resolve, reject) => {
      const socket = tls.connect({
        port,
        host: '127.0.0.1',
        servername: 'localhost',
        ca: [o.ca],
        ...(o.pfx ? { pfx: Buffer.from(o.pfx), passphrase: o.passphrase ?? '' } : {}),
        ...(o.maxVersion ? { maxVersion: o.maxVersion } : {}),
      });
      socket.once('secureConnect', () => resolve(new TakClient(socket)));
      socket.once('error', reject);
      socket.once('close', () => reject(new Error('closed during the handshake')));
    });
  }

  /** Sends an event in the negotiated format. */
  send(event: CotEvent): void {
    this.socket.write(this.protocol === 'xml' ? serializeEvent(event, { declaration: true }) : encodeTakStreamFrame({ event }));
  }

  /** Sends raw bytes (hostile input, split packets). */
  write(data: string | Uint8Array): Promise<void> {
    return new Promise((resolve) => {
      if (this.isClosed) return resolve();
      this.socket.write(data, () => resolve());
    });
  }

  /** The first received event that matches, waiting for it if needed. */
  waitFor(match: (e: CotEvent) => boolean, what = 'event'): Promise<CotEvent> {
    const seen = this.received.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { match, resolve };
      this.waiters.push(waiter);
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`TAK client: no ${what} within ${WAIT_MS} ms (received ${this.received.map((e) => e.type).join(', ')})`));
      }, WAIT_MS);
      waiter.resolve = (e) => {
        clearTimeout(timer);
        resolve(e);
      };
    });
  }

  /** Sends a ping and waits for its pong: everything sent before it has been handled by the server. */
  async roundTrip(): Promise<void> {
    const before = this.received.length;
    this.send(buildPing({ uid: 'SIM' }));
    await this.waitFor((e) => e.type === 't-x-c-t-r' && this.received.indexOf(e) >= before, 'pong');
  }

  /** Asks for TAK protocol v1 (after the server's offer) and switches to protobuf framing once accepted. */
  async negotiate(): Promise<void> {
    await this.waitFor((e) => e.type === 't-x-takp-v', 'protocol offer');
    const uid = `neg-${++this.nextNegotiation}`;
    this.send(buildProtocolRequest({ uid, version: 1 }));
    const response = await this.waitFor((e) => e.type === 't-x-takp-r' && e.uid === uid, 'protocol response');
    if (!readProtocolResponse(response)?.accepted) throw new Error('server refused TAK protocol v1');
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    (this.tak ?? this.xml).push(chunk);
    for (;;) {
      const item = this.tak ? this.tak.read() : this.xml.read();
      if (!item) return;
      if (item.kind !== 'event') continue;
      const event = item.event;
      this.received.push(event);
      if (!this.tak && readProtocolResponse(event)?.accepted) {
        this.protocol = 'protobuf';
        this.tak = new TakStreamDecoder({ maxMessageBytes: 1 << 20 });
        this.tak.push(this.xml.remainder());
      }
      const ready = this.waiters.filter((w) => w.match(event));
      this.waiters = this.waiters.filter((w) => !w.match(event));
      for (const w of ready) w.resolve(event);
    }
  }
}

/**
 * Resolves once everything the server queued for `client` before the call has arrived: a public sentinel drawing is
 * published and awaited (a connection's queue keeps insertion order).
 */
export async function drainedThrough(bus: Pick<EventBus, 'publish'>, client: TakClient): Promise<void> {
  const uid = `SENTINEL-${randomUUID()}`;
  const drawing: TCopDrawing = { uid, name: 'fin', geometry: { type: 'Point', coordinates: [-77, -12] }, agency: 'PNP', classification: 'PUBLICO' };
  await bus.publish('cop.drawing', { drawings: [drawing] });
  await client.waitFor((e) => e.uid === uid, 'sentinel');
}

/** A plain-port client of the CoT server on `port`, signed in as `username` (the test password), after the server's protocol offer. */
export async function signedInTakClient(port: number, username: string): Promise<TakClient> {
  const c = await TakClient.tcp(port);
  await c.write(`<auth><cot username="${username}" password="${TEST_PASSWORD}" uid="SIM-${randomUUID()}" callsign="${username}"/></auth>`);
  await c.waitFor((e) => e.type === 't-x-takp-v', 'protocol offer');
  return c;
}
