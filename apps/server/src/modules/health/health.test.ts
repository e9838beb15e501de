import { afterAll, describe, expect, it } from 'vitest';
import { openPgliteFromTemplate, sharedPgliteDb } from '../../../../../test/support/test-db.ts';
import { testApp } from '../../../../../test/support/test-app.ts';

describe('health, readiness and metrics', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of closers) await c();
  });

  it('answers /readyz 503 until migrations are applied, 200 after, 503 once the database is closed', async () => {
    const db = await openPgliteFromTemplate();
    let migrated = false;
    const t = await testApp(db, { ready: () => migrated });
    closers.push(() => t.close());
    const before = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(before.statusCode).toBe(503);
    expect(before.json()).toMatchObject({ status: 'not_ready', migrations: 'pending', database: 'ok' });
    migrated = true;
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    await db.close();
    const after = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(after.statusCode).toBe(503);
    expect(after.json()).toMatchObject({ status: 'not_ready', database: 'closed' });
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
  });

  it('exposes Prometheus metrics with request counts, latencies, pool and event-bus lag', async () => {
    const t = await testApp(await sharedPgliteDb());
    closers.push(() => t.close());
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/enlace_http_requests_total\{method="GET",route="\/healthz",status="200"\} 1/);
    expect(res.body).toContain('enlace_http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/enlace_db_pool_connections\{state="total"\} 1/);
    expect(res.body).toContain('enlace_event_bus_lag_seconds{bus="memory"}');
  });

  it('publishes an OpenAPI 3 document generated from the zod schemas, without a session', async () => {
    const t = await testApp(await sharedPgliteDb());
    closers.push(() => t.close());
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/units', '/api/v1/units/{id}', '/api/v1/audit/verify', '/api/v1/users']),
    );
    const login = doc.paths['/api/v1/auth/login']!.post as { requestBody: { content: Record<string, { schema: { required: string[] } }> } };
    expect(login.requestBody.content['application/json']!.schema.required).toEqual(['username', 'password']);
  });
});
