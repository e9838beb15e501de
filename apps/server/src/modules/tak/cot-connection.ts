import type { Socket } from 'node:net';
import {
  CotStreamDecoder,
  TakStreamDecoder,
  buildPong,
  buildProtocolOffer,
  buildProtocolResponse,
  isPing,
  readProtocolRequest,
  serializeEvent,
} from '@enlace/cot';
import type { CotAuth, CotEvent } from '@enlace/cot';
import type { CotSubject } from './cot-subject.ts';
import { OutboundQueue, SharedEvent } from './outbound-queue.ts';

/** What a connection asks of the server it belongs to. */
export interface ConnectionHost {
  readonly maxEventBytes: number;
  /** Plain port: the first message must be `<auth>`. */
  readonly requireAuth: boolean;
  /** Checks `<auth>` credentials; null refuses them. */
  authenticate(auth: CotAuth, conn: CotConnection): Promise<CotSubject | null>;
  /** The subject of a plain-port client that sent no `<auth>`, or null to refuse it. */
  anonymous(): CotSubject | null;
  /** A decoded event from a bound client (not a ping or a negotiation message). */
  onEvent(conn: CotConnection, event: CotEvent): void;
  /** Called once when the connection is bound to its subject (it may now receive). */
  onBound(conn: CotConnection): void;
  onClose(conn: CotConnection, reason: string): void;
}

let nextId = 1;

/**
 * One TAK client on the plain or TLS port. Reads the XML stream (switching to TAK protocol frames after a
 * successful negotiation), answers pings, binds the connection to its Enlace user, hands events to the server,
 * and writes what the server queues for it at the pace the client reads. Framing violations drop the connection;
 * a malformed event is counted and skipped.
 */
export class CotConnection {
  readonly id = `cot-${nextId++}`;
  readonly connectedAt = new Date();
  readonly remote: string;
  subject: CotSubject | null = null;
  protocol: 'xml' | 'protobuf' = 'xml';
  /** Device uids this client reported (its own position first): never echoed back, used to route chat. */
  readonly uids = new Set<string>();
  callsign: string | null = null;
  received = 0;
  sent = 0;
  malformed = 0;
  closed = false;
  closeReason = '';
  readonly queue = new OutboundQueue({ maxStates: 20_000, maxMessages: 2_000 });
  private readonly xml: CotStreamDecoder;
  private tak: TakStreamDecoder | null = null;
  private busy = false;
  private flushScheduled = false;
  private waitingDrain = false;
  private sawFirstMessage = false;

  constructor(
    readonly socket: Socket,
    readonly transport: 'tcp' | 'tls',
    private readonly host: ConnectionHost,
  ) {
    this.remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`;
    this.xml = new CotStreamDecoder({ maxEventBytes: host.maxEventBytes, maxBufferBytes: Math.max(1 << 20, 4 * host.maxEventBytes) });
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => {
      this.waitingDrain = false;
      this.flush();
    });
    socket.on('error', () => this.close('socket error'));
    socket.on('close', () => this.close('closed by peer'));
    socket.on('end', () => this.close('closed by peer'));
  }

  /** Binds the connection to its subject, offers TAK protocol v1, and starts delivering. */
  bind(subject: CotSubject): void {
    if (this.closed || this.subject) return;
    this.subject = subject;
    this.writeNow(serializeEvent(buildProtocolOffer(), { declaration: true }));
    this.host.onBound(this);
  }

  /** Queues an item that replaces any pending one with the same key (positions, drawings). */
  sendState(key: string, item: SharedEvent): void {
    if (this.closed) return;
    this.queue.putState(key, item);
    this.scheduleFlush();
  }

  /** Queues an item delivered in order (chat, alerts, receipts). */
  sendMessage(item: SharedEvent): void {
    if (this.closed) return;
    this.queue.pushMessage(item);
    this.scheduleFlush();
  }

  /** Drops the connection (idempotent). */
  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.closeReason = reason;
    this.queue.clear();
    this.socket.destroy();
    this.host.onClose(this, reason);
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    (this.tak ?? this.xml).push(chunk);
    this.drain();
  }

  /** Handles every complete message received so far, unless an `<auth>` check is in progress. */
  private drain(): void {
    while (!this.busy && !this.closed) {
      const item = this.tak ? this.tak.read() : this.xml.read();
      if (!item) return;
      if (item.kind === 'fatal') {
        this.close(`framing violation: ${item.error.code}`);
        return;
      }
      if (item.kind === 'malformed') {
        this.malformed++;
        continue;
      }
      if (item.kind === 'control') continue;
      const first = !this.sawFirstMessage;
      this.sawFirstMessage = true;
      if (item.kind === 'auth') {
        if (this.subject || this.transport === 'tls') continue; // the certificate already says who this is
        this.busy = true;
        this.socket.pause();
        const auth = item.auth;
        void this.host.authenticate(auth, this).then(
          (subject) => this.afterAuth(subject, auth),
          () => this.afterAuth(null, auth),
        );
        return;
      }
      if (!this.subject) {
        const anonymous = this.transport === 'tcp' && !(this.host.requireAuth && first) ? this.host.anonymous() : null;
        if (!anonymous) {
          this.close(this.host.requireAuth ? 'authentication required' : 'authentication required (no anonymous access)');
          return;
        }
        this.bind(anonymous);
      }
      this.received++;
      this.handle(item.event);
    }
  }

  private afterAuth(subject: CotSubject | null, auth: CotAuth): void {
    this.busy = false;
    if (this.closed) return;
    if (!subject) {
      this.close('authentication failed');
      return;
    }
    if (auth.callsign) this.callsign = auth.callsign;
    this.bind(subject);
    this.socket.resume();
    this.drain();
  }

  private handle(event: CotEvent): void {
    if (isPing(event)) {
      this.writeNow(this.encode(buildPong()));
      return;
    }
    const request = readProtocolRequest(event);
    if (request) {
      const accepted = request.version === 1 && this.protocol === 'xml';
      this.writeNow(serializeEvent(buildProtocolResponse({ uid: event.uid, accepted }), { declaration: true }));
      if (accepted) {
        this.protocol = 'protobuf';
        this.tak = new TakStreamDecoder({ maxMessageBytes: this.host.maxEventBytes });
        this.tak.push(this.xml.remainder());
      }
      return;
    }
    this.host.onEvent(this, event);
  }

  private encode(event: CotEvent): Buffer {
    return new SharedEvent(event).bytes(this.protocol);
  }

  /** Writes a protocol reply at once, ahead of queued items. */
  private writeNow(data: string | Buffer): void {
    if (this.closed) return;
    if (!this.socket.write(data)) this.waitingDrain = true;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.waitingDrain || !this.subject) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /** Writes queued items while the socket accepts them; resumes on 'drain'. Never blocks other clients. */
  private flush(): void {
    if (this.closed || !this.subject) return;
    if (this.socket.writableNeedDrain) {
      this.waitingDrain = true;
      return;
    }
    for (;;) {
      const item = this.queue.take();
      if (!item) return;
      this.sent++;
      if (!this.socket.write(item.bytes(this.protocol))) {
        this.waitingDrain = true; // 'drain' resumes
        return;
      }
    }
  }
}
