import { encodeTakStreamFrame, serializeEvent } from '@enlace/cot';
import type { CotEvent } from '@enlace/cot';

/**
 * One outgoing CoT event shared by every connection it goes to: it is serialised at most once per format
 * (XML, TAK protocol frame) however many clients receive it.
 */
export class SharedEvent {
  private xml: Buffer | undefined;
  private frame: Buffer | undefined;
  constructor(readonly event: CotEvent) {}

  bytes(protocol: 'xml' | 'protobuf'): Buffer {
    if (protocol === 'xml') {
      this.xml ??= Buffer.from(serializeEvent(this.event, { declaration: true }));
      return this.xml;
    }
    this.frame ??= Buffer.from(encodeTakStreamFrame({ event: this.event }));
    return this.frame;
  }
}

/** Limits of one connection's queue. */
export interface OutboundLimits {
  /** Most distinct latest states held (tracks, drawings) before the oldest are dropped. */
  maxStates: number;
  /** Most messages that must be delivered in order (chat, alerts, receipts) held before the oldest are dropped. */
  maxMessages: number;
}

/**
 * What a connection still has to send. Position-like items are kept by key, latest state only: a client that
 * reads slowly gets the newest position of each track, not a backlog. Messages (chat, alerts) are kept in order
 * up to a bound. Nothing here ever waits for the socket: the writer takes from it when the socket can take more.
 */
export class OutboundQueue {
  private readonly states = new Map<string, SharedEvent>();
  private readonly messages: SharedEvent[] = [];
  private head = 0;
  dropped = 0;

  constructor(private readonly limits: OutboundLimits) {}

  get size(): number {
    return this.states.size + this.messages.length - this.head;
  }

  /** Replaces the pending state under `key` (or adds it). */
  putState(key: string, item: SharedEvent): void {
    if (this.states.has(key)) {
      this.states.set(key, item);
      this.dropped++;
      return;
    }
    if (this.states.size >= this.limits.maxStates) {
      const oldest = this.states.keys().next();
      if (!oldest.done) this.states.delete(oldest.value);
      this.dropped++;
    }
    this.states.set(key, item);
  }

  /** Appends a message that must not be coalesced. */
  pushMessage(item: SharedEvent): void {
    if (this.messages.length - this.head >= this.limits.maxMessages) {
      this.head++;
      this.dropped++;
    }
    this.messages.push(item);
  }

  /** The next item to write: messages first (alerts and chat matter more than one more position), then states. */
  take(): SharedEvent | undefined {
    if (this.head < this.messages.length) {
      const item = this.messages[this.head++];
      if (this.head > 1024 && this.head * 2 > this.messages.length) {
        this.messages.splice(0, this.head);
        this.head = 0;
      }
      return item;
    }
    if (this.head > 0) {
      this.messages.length = 0;
      this.head = 0;
    }
    const first = this.states.entries().next();
    if (first.done) return undefined;
    this.states.delete(first.value[0]);
    return first.value[1];
  }

  clear(): void {
    this.states.clear();
    this.messages.length = 0;
    this.head = 0;
  }
}
