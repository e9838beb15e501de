import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, makeUser } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('login and sessions on %s', (_n, backend) => {
  let t: TestApp;
  let officer: TestUser;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    officer = await makeUser(db, { role: 'operator', agency: 'PNP' });
  });
  afterAll(async () => t.close());

  const login = (username: string, password: string, ip = '10.1.1.1', lang = 'es') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: ip,
      headers: { 'accept-language': lang },
    });

  it('returns a token, its expiry and the user, and sets an HttpOnly SameSite cookie', async () => {
    const res = await login(officer.user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ token: string; expiresAt: string; user: { username: string; agency: string } }>();
    expect(body.token.length).toBeGreaterThanOrEqual(40);
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(body.user).toMatchObject({ username: officer.user.username, agency: 'PNP' });
    expect(body.user).not.toHaveProperty('passwordHash');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/enlace_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.json()).toMatchObject({ user: { username: officer.user.username }, agency: { code: 'PNP' } });
    const viaCookie = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { enlace_session: body.token } });
    expect(viaCookie.statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown user with the same 401, in the request language', async () => {
    const wrong = await login(officer.user.username, 'not-the-password', '10.2.2.2');
    const unknown = await login('nobody-here', 'not-the-password', '10.2.2.3');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'Usuario o contraseña incorrectos.' } });
    const en = await login(officer.user.username, 'nope', '10.2.2.4', 'en-GB,en;q=0.9');
    expect(en.json()).toMatchObject({ error: { message: 'Incorrect username or password.' } });
  });

  it('refuses the 6th failed attempt within a minute with 429, even with the right password', async () => {
    const victim = await makeUser(await backend.db(), { role: 'analyst', agency: 'PNP' });
    for (let i = 0; i < 5; i++) expect((await login(victim.user.username, `wrong-${i}`, `10.3.3.${i}`)).statusCode).toBe(401);
    const sixth = await login(victim.user.username, TEST_PASSWORD, '10.3.3.9');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
  });

  it('throttles one address trying many accounts', async () => {
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await login(`guess-${i}`, 'x', '10.4.4.4')).statusCode;
    expect(last).toBe(429);
  });

  it('revokes the token on logout: the same token then gets 401', async () => {
    const res = await login(officer.user.username, TEST_PASSWORD, '10.5.5.5');
    const headers = { authorization: `Bearer ${res.json<{ token: string }>().token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units', headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/units', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('rejects an expired token and a deactivated user', async () => {
    const db = await backend.db();
    const u = await makeUser(db, { role: 'field', agency: 'EP' });
    await db.query("UPDATE session SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [u.actor.sessionHash]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: u.auth })).statusCode).toBe(401);
    const v = await makeUser(db, { role: 'field', agency: 'EP' });
    await db.query('UPDATE app_user SET active = false WHERE id = $1', [v.user.id]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: v.auth })).statusCode).toBe(401);
  });

  it('keeps everything but health, metrics, OpenAPI and login behind a session', async () => {
    for (const url of ['/api/v1/units', '/api/v1/users', '/api/v1/agencies', '/api/v1/audit', '/api/v1/audit/verify', '/api/v1/auth/me']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    for (const url of ['/healthz', '/readyz', '/metrics', '/api/v1/openapi.json']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
  });

  it('lets only admins manage users; changing a role ends the sessions of that user', async () => {
    const db = await backend.db();
    const admin = await makeUser(db, { role: 'admin', agency: 'MININTER' });
    const target = await makeUser(db, { role: 'analyst', agency: 'PNP' });
    const denied = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: officer.auth });
    expect(denied.statusCode).toBe(403);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.auth,
      payload: { username: `nuevo.${target.user.id.slice(0, 6)}`, displayName: 'Nuevo', password: 'una-clave-larga', agency: 'EP', role: 'trainer' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ clearance: 'CONFIDENCIAL', agency: 'EP' });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${target.user.id}`,
      headers: admin.auth,
      payload: { role: 'planner' },
    });
    expect(patched.json()).toMatchObject({ role: 'planner' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: target.auth })).statusCode).toBe(401);
  });
});
