import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { createMemoryBus } from '../events/memory-bus.ts';
import type { Actor } from './actor.ts';
import { SessionCache } from './session-cache.ts';
import { SESSIONS_ENDED, watchSessions } from './watch-sessions.ts';

const actor = (userId: string, hash: string): Actor => ({
  userId,
  username: `u-${userId}`,
  displayName: 'U',
  role: 'operator',
  agency: 'PNP',
  clearance: 'RESERVADO',
  language: 'es',
  sessionHash: hash,
});

describe('SessionCache', () => {
  it('keeps nothing before the first counter reading, then keeps a session until its time to live', () => {
    let now = 1_000_000;
    const cache = new SessionCache({ ttlMs: 30_000, now: () => now });
    cache.set('h1', actor('a', 'h1'), now + 3_600_000, cache.ticket());
    expect(cache.get('h1')).toBeUndefined();
    cache.observeCounter('7');
    cache.set('h1', actor('a', 'h1'), now + 3_600_000, cache.ticket());
    expect(cache.get('h1')?.userId).toBe('a');
    now += 29_999;
    expect(cache.get('h1')?.userId).toBe('a');
    now += 1;
    expect(cache.get('h1')).toBeUndefined();
  });

  it('never trusts a session past its own expiry', () => {
    let now = 0;
    const cache = new SessionCache({ ttlMs: 30_000, now: () => now });
    cache.observeCounter('1');
    cache.set('h', actor('a', 'h'), 5_000, cache.ticket());
    now = 4_999;
    expect(cache.get('h')).toBeDefined();
    now = 5_000;
    expect(cache.get('h')).toBeUndefined();
    cache.set('late', actor('a', 'late'), 4_000, cache.ticket());
    expect(cache.get('late')).toBeUndefined();
  });

  it('does not store an answer read before a revocation that landed while it was read', () => {
    const cache = new SessionCache({ ttlMs: 30_000 });
    cache.observeCounter('1');
    const ticket = cache.ticket();
    cache.forgetTokens(['h']); // the revocation arrives while the read is in flight
    cache.set('h', actor('a', 'h'), Date.now() + 60_000, ticket);
    expect(cache.get('h')).toBeUndefined();
  });

  it('drops by token, by user, and everything when the change counter moves', () => {
    const cache = new SessionCache({ ttlMs: 30_000 });
    cache.observeCounter('1');
    const exp = Date.now() + 60_000;
    for (const [u, h] of [['a', 'h1'], ['a', 'h2'], ['b', 'h3'], ['c', 'h4']] as const) cache.set(h, actor(u, h), exp, cache.ticket());
    cache.forgetTokens(['h1']);
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.get('h2')).toBeDefined();
    cache.forgetUsers(['a']);
    expect(cache.get('h2')).toBeUndefined();
    expect(cache.get('h3')).toBeDefined();
    cache.observeCounter('1');
    expect(cache.size).toBe(2);
    cache.observeCounter('2');
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries, dropping the least recently used', () => {
    const cache = new SessionCache({ ttlMs: 30_000, maxEntries: 2 });
    cache.observeCounter('1');
    const exp = Date.now() + 60_000;
    cache.set('h1', actor('a', 'h1'), exp, cache.ticket());
    cache.set('h2', actor('b', 'h2'), exp, cache.ticket());
    expect(cache.get('h1')).toBeDefined(); // h1 now most recently used
    cache.set('h3', actor('c', 'h3'), exp, cache.ticket());
    expect(cache.get('h2')).toBeUndefined();
    expect(cache.get('h1')).toBeDefined();
    expect(cache.get('h3')).toBeDefined();
  });

  it('is off with a zero time to live', () => {
    const cache = SessionCache.disabled();
    cache.observeCounter('1');
    cache.set('h', actor('a', 'h'), Date.now() + 60_000, cache.ticket());
    expect(cache.enabled).toBe(false);
    expect(cache.get('h')).toBeUndefined();
  });

  it('forgets what the bus reports ended (another instance logged a session out)', async () => {
    const bus = createMemoryBus();
    const cache = new SessionCache({ ttlMs: 30_000 });
    const db = { closed: false, query: vi.fn(async () => ({ rows: [{ version: '1' }], rowCount: 1 })) };
    const stop = watchSessions(db as never, bus, cache, { checkMs: 60_000, onError: () => undefined });
    await vi.waitFor(() => expect(db.query).toHaveBeenCalled());
    await new Promise((r) => setImmediate(r));
    const exp = Date.now() + 60_000;
    cache.set('h1', actor('a', 'h1'), exp, cache.ticket());
    cache.set('h2', actor('b', 'h2'), exp, cache.ticket());
    expect(cache.size).toBe(2);
    await bus.publish(SESSIONS_ENDED, { tokenHashes: ['h1'] });
    await vi.waitFor(() => expect(cache.get('h1')).toBeUndefined());
    expect(cache.get('h2')).toBeDefined();
    await bus.publish(SESSIONS_ENDED, { userIds: ['b'] });
    await vi.waitFor(() => expect(cache.get('h2')).toBeUndefined());
    stop();
    await bus.close();
  });
  it('waits for the migrations before reading the counter: no error reported, nothing cached meanwhile', async () => {
    const bus = createMemoryBus();
    const cache = new SessionCache({ ttlMs: 30_000 });
    let migrated = false;
    const db = { closed: false, query: vi.fn(async () => ({ rows: [{ version: '1' }], rowCount: 1 })) };
    const onError = vi.fn();
    const stop = watchSessions(db as never, bus, cache, { checkMs: 5, onError, ready: () => migrated });
    await new Promise((r) => setTimeout(r, 50));
    expect(db.query).not.toHaveBeenCalled();
    cache.set('h', actor('a', 'h'), Date.now() + 60_000, cache.ticket());
    expect(cache.get('h')).toBeUndefined();
    migrated = true;
    await vi.waitFor(() => expect(db.query).toHaveBeenCalled());
    await new Promise((r) => setImmediate(r));
    cache.set('h', actor('a', 'h'), Date.now() + 60_000, cache.ticket());
    expect(cache.get('h')).toBeDefined();
    expect(onError).not.toHaveBeenCalled();
    stop();
    await bus.close();
  });
});

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('cached sessions on %s', (_n, backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await testApp(await backend.db(), { config: { sessionCheckMs: 20 } });
  });
  afterAll(async () => t.close());

  const me = (auth: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth });
  const sessionReads = (calls: readonly (readonly unknown[])[]): number =>
    calls.filter((c) => String(c[0]).includes('FROM session s JOIN app_user')).length;

  it('answers repeated requests of a session without reading it from the database again', async () => {
    const u = await makeUser(await backend.db(), { role: 'operator', agency: 'PNP' });
    // Wait for the counter reading that lets the cache keep sessions.
    await vi.waitFor(async () => {
      expect((await me(u.auth)).statusCode).toBe(200);
      const spy = vi.spyOn(t.ctx.db, 'query');
      try {
        expect((await me(u.auth)).statusCode).toBe(200);
        expect(sessionReads(spy.mock.calls)).toBe(0);
      } finally {
        spy.mockRestore();
      }
    });
  });

  it('refuses a cached session at once after logout, and after a change made outside the product', async () => {
    const db = await backend.db();
    const u = await makeUser(db, { role: 'operator', agency: 'PNP' });
    await vi.waitFor(async () => {
      expect((await me(u.auth)).statusCode).toBe(200);
      expect(t.ctx.sessions.get(u.actor.sessionHash)).toBeDefined();
    });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: u.auth })).statusCode).toBe(204);
    expect((await me(u.auth)).statusCode).toBe(401);

    // Deactivated straight in the database (no event): the change counter drops the cached copy.
    const v = await makeUser(db, { role: 'operator', agency: 'PNP' });
    await vi.waitFor(async () => {
      expect((await me(v.auth)).statusCode).toBe(200);
      expect(t.ctx.sessions.get(v.actor.sessionHash)).toBeDefined();
    });
    await db.query('UPDATE app_user SET active = false WHERE id = $1', [v.user.id]);
    await vi.waitFor(async () => expect((await me(v.auth)).statusCode).toBe(401), { timeout: 5_000 });
  });

  it('applies a new role at once: the user is signed out of every session', async () => {
    const db = await backend.db();
    const admin = await makeUser(db, { role: 'admin', agency: 'MININTER' });
    const u = await makeUser(db, { role: 'analyst', agency: 'PNP' });
    await vi.waitFor(async () => {
      expect((await me(u.auth)).statusCode).toBe(200);
      expect(t.ctx.sessions.get(u.actor.sessionHash)).toBeDefined();
    });
    const changed = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${u.user.id}`, headers: admin.auth, payload: { role: 'operator' } });
    expect(changed.statusCode).toBe(200);
    expect((await me(u.auth)).statusCode).toBe(401);
  });
});
