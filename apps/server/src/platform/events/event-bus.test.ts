import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DomainEvent, EventBus } from './event-bus.ts';
import { matches } from './event-bus.ts';
import { createMemoryBus } from './memory-bus.ts';
import { createNatsBus } from './nats-bus.ts';

const natsUrl = process.env.ENLACE_TEST_NATS_URL ?? '';
if (!natsUrl) console.warn('[skip] ENLACE_TEST_NATS_URL is not set; the NATS JetStream event-bus test is skipped');

function next(bus: EventBus, pattern: string): Promise<DomainEvent> {
  return new Promise((ok) => {
    const off = bus.subscribe(pattern, (e) => {
      off();
      ok(e);
    });
  });
}

describe('event bus', () => {
  it('matches subjects and prefixes', () => {
    expect(matches('unit.>', 'unit.created')).toBe(true);
    expect(matches('unit.>', 'units.created')).toBe(false);
    expect(matches('>', 'anything')).toBe(true);
    expect(matches('unit.created', 'unit.updated')).toBe(false);
  });

  it('delivers in-process events to matching subscribers only', async () => {
    const bus = createMemoryBus();
    const other: DomainEvent[] = [];
    bus.subscribe('alert.>', (e) => other.push(e));
    const got = next(bus, 'unit.>');
    await bus.publish('unit.created', { id: 'u1' });
    expect(await got).toMatchObject({ subject: 'unit.created', data: { id: 'u1' } });
    expect(other).toEqual([]);
    await bus.close();
  });

  it.skipIf(!natsUrl)('carries an event published on one instance to another through JetStream', async () => {
    const prefix = `${process.env.ENLACE_TEST_NATS_PREFIX ?? 'ENLACETEST'}_${randomBytes(3).toString('hex').toUpperCase()}`;
    const a = await createNatsBus({ url: natsUrl, prefix, origin: 'instance-a' });
    const b = await createNatsBus({ url: natsUrl, prefix, origin: 'instance-b' });
    try {
      const got = next(b, 'unit.>');
      await a.publish('unit.created', { id: 'u-42' });
      const event = await got;
      expect(event).toMatchObject({ subject: 'unit.created', data: { id: 'u-42' }, origin: 'instance-a' });
      expect(b.lagSeconds()).toBeGreaterThanOrEqual(0);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
