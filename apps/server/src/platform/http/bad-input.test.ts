import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import type { Db } from '../db/db.ts';

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  status: number;
  code: string;
  field?: string;
}

const unit = { name: 'Patrulla', shortName: 'P1', force: 'PNP', echelon: 'peloton', classification: 'PUBLICO' };
const json = (v: unknown): string => JSON.stringify(v);

function cases(existingUsername: string): Case[] {
  return [
    { name: 'truncated JSON', method: 'POST', url: '/api/v1/units', body: '{"name":', status: 400, code: 'INVALID_JSON' },
    { name: 'empty JSON body', method: 'POST', url: '/api/v1/units', body: '', status: 400, code: 'INVALID_JSON' },
    { name: 'array instead of object', method: 'POST', url: '/api/v1/units', body: '[]', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'unknown field', method: 'POST', url: '/api/v1/units', body: json({ ...unit, hacked: true }), status: 400, code: 'VALIDATION_FAILED', field: 'body.hacked' },
    { name: 'wrong type', method: 'POST', url: '/api/v1/units', body: json({ ...unit, name: 123 }), status: 400, code: 'VALIDATION_FAILED', field: 'body.name' },
    { name: 'missing field', method: 'POST', url: '/api/v1/units', body: json({ name: 'x' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.shortName' },
    { name: 'unknown classification', method: 'POST', url: '/api/v1/units', body: json({ ...unit, classification: 'ULTRA' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.classification' },
    { name: 'latitude out of range', method: 'POST', url: '/api/v1/units', body: json({ ...unit, home: { lon: -77, lat: 200 } }), status: 400, code: 'VALIDATION_FAILED', field: 'body.home.lat' },
    { name: 'malformed parent id', method: 'POST', url: '/api/v1/units', body: json({ ...unit, parentId: "1' OR '1'='1" }), status: 400, code: 'VALIDATION_FAILED', field: 'body.parentId' },
    { name: 'forged parent id', method: 'POST', url: '/api/v1/units', body: json({ ...unit, parentId: randomUUID() }), status: 422, code: 'REFERENCE_NOT_FOUND' },
    { name: 'unknown district', method: 'POST', url: '/api/v1/units', body: json({ ...unit, homeUbigeo: '999999' }), status: 422, code: 'REFERENCE_NOT_FOUND' },
    { name: 'NUL byte in text', method: 'POST', url: '/api/v1/units', body: json({ ...unit, name: 'a\u0000b' }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'oversized body', method: 'POST', url: '/api/v1/units', body: json({ ...unit, name: 'x'.repeat(2 * 1024 * 1024) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'text/plain body', method: 'POST', url: '/api/v1/units', body: 'name=x', contentType: 'text/plain', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'prototype pollution', method: 'POST', url: '/api/v1/units', body: '{"__proto__":{"admin":true},"name":"x"}', status: 400, code: 'INVALID_JSON' },
    { name: 'constructor pollution', method: 'POST', url: '/api/v1/units', body: '{"constructor":{"prototype":{"admin":true}}}', status: 400, code: 'INVALID_JSON' },
    { name: 'SQL in a path id', method: 'GET', url: "/api/v1/units/1';DROP%20TABLE%20unit;--", status: 400, code: 'VALIDATION_FAILED', field: 'params.id' },
    { name: 'SQL in a patch id', method: 'PATCH', url: "/api/v1/units/'or'1'='1", body: json({ name: 'x' }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'forged record id', method: 'PATCH', url: `/api/v1/units/${randomUUID()}`, body: json({ name: 'x' }), status: 404, code: 'NOT_FOUND' },
    { name: 'limit too large', method: 'GET', url: '/api/v1/units?limit=100000', status: 400, code: 'VALIDATION_FAILED', field: 'querystring.limit' },
    { name: 'limit not a number', method: 'GET', url: '/api/v1/units?limit=abc', status: 400, code: 'VALIDATION_FAILED', field: 'querystring.limit' },
    { name: 'unknown query parameter', method: 'GET', url: '/api/v1/units?evil=1', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'invalid username', method: 'POST', url: '/api/v1/users', body: json({ username: 'Admin Root', displayName: 'x', password: 'long-enough-1', agency: 'PNP', role: 'admin' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.username' },
    { name: 'short password', method: 'POST', url: '/api/v1/users', body: json({ username: 'ok.name', displayName: 'x', password: 'short', agency: 'PNP', role: 'admin' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.password' },
    { name: 'taken username', method: 'POST', url: '/api/v1/users', body: json({ username: existingUsername, displayName: 'x', password: 'long-enough-1', agency: 'PNP', role: 'field' }), status: 409, code: 'USERNAME_TAKEN' },
    { name: 'unknown agency', method: 'PATCH', url: '/api/v1/agencies/XYZ', body: json({ name: 'x' }), status: 400, code: 'VALIDATION_FAILED', field: 'params.code' },
    { name: 'bad idempotency key', method: 'POST', url: '/api/v1/units', body: json(unit), headers: { 'idempotency-key': 'k'.repeat(300) }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'deeply nested JSON', method: 'POST', url: '/api/v1/units', body: `${'['.repeat(5000)}${']'.repeat(5000)}`, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'unknown route', method: 'GET', url: '/api/v1/nothing-here', status: 404, code: 'ROUTE_NOT_FOUND' },
  ];
}

async function fingerprint(db: Db): Promise<unknown> {
  const r = await db.query(`SELECT
    (SELECT count(*)::int FROM unit) AS units, (SELECT max(updated_at) FROM unit) AS unit_changed,
    (SELECT count(*)::int FROM app_user) AS users, (SELECT max(updated_at) FROM app_user) AS user_changed,
    (SELECT max(updated_at) FROM agency) AS agency_changed, (SELECT count(*)::int FROM idempotency_key) AS idem,
    (SELECT max(seq) FROM audit_log) AS audit_head`);
  return r.rows[0];
}

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('bad input on %s', (_n, backend) => {
  let t: TestApp;
  let admin: TestUser;
  let db: Db;

  beforeAll(async () => {
    db = await backend.db();
    t = await testApp(db);
    admin = await makeUser(db, { role: 'admin', agency: 'PNP' });
  });
  afterAll(async () => t.close());

  it('answers each malformed request with 4xx, a stable code and the field, and writes nothing', async () => {
    const list = cases(admin.user.username);
    expect(list.length).toBeGreaterThanOrEqual(20);
    const before = await fingerprint(db);
    for (const c of list) {
      const res = await t.app.inject({
        method: c.method,
        url: c.url,
        headers: { ...admin.auth, 'content-type': c.contentType ?? 'application/json', ...c.headers },
        ...(c.body !== undefined ? { payload: c.body } : {}),
      });
      expect(res.statusCode, c.name).toBe(c.status);
      const body = res.json<{ error: { code: string; message: string; details?: { field: string }[] } }>();
      expect(body.error.code, c.name).toBe(c.code);
      expect(body.error.message.length, c.name).toBeGreaterThan(0);
      if (c.field) expect(body.error.details?.map((d) => d.field), c.name).toContain(c.field);
    }
    expect(await fingerprint(db)).toEqual(before);
  });

  it('stores SQL typed into a text field as plain text', async () => {
    const name = "Robert'); DROP TABLE unit; --";
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: admin.auth, payload: { ...unit, name } });
    expect(res.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'GET', url: `/api/v1/units/${res.json<{ id: string }>().id}`, headers: admin.auth });
    expect(again.json()).toMatchObject({ name });
  });

  it('makes a retried write with the same Idempotency-Key return the first result without writing twice', async () => {
    const headers = { ...admin.auth, 'idempotency-key': `retry-${randomUUID()}` };
    const payload = { ...unit, name: `Idempotente ${randomUUID()}` };
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers, payload });
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers, payload });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    const n = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM unit WHERE name = $1', [payload.name]);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('answers errors in English when asked', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/units?limit=0', headers: { ...admin.auth, 'accept-language': 'en' } });
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/^The request is not valid/);
  });
});
