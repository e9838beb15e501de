import { randomUUID } from 'node:crypto';
import type { DomainEvent, EventBus, EventHandler } from './event-bus.ts';
import { matches } from './event-bus.ts';

/** The in-process bus of a single server. Handlers run on the next tick so publishers never wait on them. */
export function createMemoryBus(origin: string = randomUUID()): EventBus {
  const subs = new Set<{ pattern: string; handler: EventHandler }>();
  let lag = 0;
  return {
    kind: 'memory',
    async publish(subject, data) {
      const event: DomainEvent = { subject, data, publishedAt: Date.now(), origin };
      setImmediate(() => {
        lag = (Date.now() - event.publishedAt) / 1000;
        for (const s of subs) if (matches(s.pattern, subject)) s.handler(event);
      });
      return Promise.resolve();
    },
    subscribe(pattern, handler) {
      const sub = { pattern, handler };
      subs.add(sub);
      return () => subs.delete(sub);
    },
    lagSeconds: () => lag,
    async close() {
      subs.clear();
      return Promise.resolve();
    },
  };
}
