/** A domain event as it travels between instances. */
export interface DomainEvent<T = unknown> {
  /** Dotted subject, e.g. `unit.created`, `audit.appended`. */
  readonly subject: string;
  readonly data: T;
  /** Epoch milliseconds when published. */
  readonly publishedAt: number;
  /** The instance that published it. */
  readonly origin: string;
}

export type EventHandler = (event: DomainEvent) => void;

/**
 * Live events: in-process by default, NATS JetStream when `NATS_URL` is set, so that several server
 * instances share one picture. Publish after the transaction that caused the event has committed.
 */
export interface EventBus {
  readonly kind: 'memory' | 'nats';
  publish(subject: string, data: unknown): Promise<void>;
  /** `pattern` is a subject or a prefix ending in `.>` (`unit.>`), or `>` for everything. */
  subscribe(pattern: string, handler: EventHandler): () => void;
  /** Seconds between publication and delivery of the most recent event delivered. */
  lagSeconds(): number;
  close(): Promise<void>;
}

export function matches(pattern: string, subject: string): boolean {
  if (pattern === '>') return true;
  if (pattern.endsWith('.>')) return subject.startsWith(pattern.slice(0, -1));
  return pattern === subject;
}
