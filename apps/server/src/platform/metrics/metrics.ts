import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';

/** Prometheus metrics of one server instance (its own registry, so tests can run several apps). */
export interface Metrics {
  readonly registry: Registry;
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly duration: Histogram<'method' | 'route'>;
}

export function createMetrics(db: Db, bus: EventBus): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'enlace_' });
  const requests = new Counter({
    name: 'enlace_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'enlace_http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'enlace_db_pool_connections',
    help: 'Database connections by state (the embedded database has one)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const s = db.stats();
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });
  new Gauge({
    name: 'enlace_db_up',
    help: '1 when the database is open',
    registers: [registry],
    collect() {
      this.set(db.closed ? 0 : 1);
    },
  });
  new Gauge({
    name: 'enlace_event_bus_lag_seconds',
    help: 'Delay between publication and delivery of the latest event',
    labelNames: ['bus'] as const,
    registers: [registry],
    collect() {
      this.set({ bus: bus.kind }, bus.lagSeconds());
    },
  });
  return { registry, requests, duration };
}
