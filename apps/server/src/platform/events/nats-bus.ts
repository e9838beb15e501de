import { randomUUID } from 'node:crypto';
import { DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { ConsumerMessages } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { DomainEvent, EventBus, EventHandler } from './event-bus.ts';
import { matches } from './event-bus.ts';

export interface NatsBusOptions {
  url: string;
  /** Stream name prefix; tests use a per-run prefix so CI can delete what they made. */
  prefix: string;
  origin?: string;
  onError?: (err: unknown) => void;
}

/**
 * The shared bus for several instances: events go to a JetStream stream `<prefix>_EVENTS` (subjects
 * `<prefix>.events.>`, kept 24 h) and every instance reads it with its own ordered consumer, from new messages.
 */
export async function createNatsBus(options: NatsBusOptions): Promise<EventBus> {
  const origin = options.origin ?? randomUUID();
  const nc = await connect({ servers: options.url, name: `enlace-${origin}`, timeout: 5000 });
  const stream = `${options.prefix}_EVENTS`;
  const root = `${options.prefix.toLowerCase()}.events`;
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(stream);
  } catch {
    await jsm.streams.add({ name: stream, subjects: [`${root}.>`], max_age: 24 * 3600 * 1e9 });
  }
  const js = jetstream(nc);
  const subs = new Set<{ pattern: string; handler: EventHandler }>();
  let lag = 0;
  const consumer = await js.consumers.get(stream, { deliver_policy: DeliverPolicy.New });
  const messages: ConsumerMessages = await consumer.consume();
  const pump = (async () => {
    for await (const m of messages) {
      try {
        const event = m.json<DomainEvent>();
        lag = Math.max(0, (Date.now() - Number(m.info.timestampNanos) / 1e6) / 1000);
        for (const s of subs) if (matches(s.pattern, event.subject)) s.handler(event);
      } catch (err) {
        options.onError?.(err);
      }
    }
  })();
  return {
    kind: 'nats',
    async publish(subject, data) {
      const event: DomainEvent = { subject, data, publishedAt: Date.now(), origin };
      await js.publish(`${root}.${subject}`, JSON.stringify(event));
    },
    subscribe(pattern, handler) {
      const sub = { pattern, handler };
      subs.add(sub);
      return () => subs.delete(sub);
    },
    lagSeconds: () => lag,
    async close() {
      subs.clear();
      messages.stop();
      await pump.catch(() => undefined);
      await nc.drain();
    },
  };
}
