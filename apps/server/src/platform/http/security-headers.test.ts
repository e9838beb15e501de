import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { sharedPgliteDb } from '../../../../../test/support/test-db.ts';
import { securityHeaders } from './security-headers.ts';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(await sharedPgliteDb());
  });
  afterAll(async () => {
    await t.close();
  });

  it('computes Helmet\'s headers for the policy once: same-origin content, no sniffing, no framing, no X-Powered-By', () => {
    const h = securityHeaders();
    expect(h['content-security-policy']).toContain("default-src 'self'");
    expect(h['content-security-policy']).toContain("img-src 'self' data: blob:");
    expect(h['content-security-policy']).toContain("connect-src 'self'");
    expect(h['content-security-policy']).toContain("object-src 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('SAMEORIGIN');
    expect(h['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(h['cross-origin-opener-policy']).toBe('same-origin');
    expect(h).not.toHaveProperty('x-powered-by');
  });

  it('sends them on every answer: an API answer, a refusal and an unknown path', async () => {
    const answers = await Promise.all([
      t.app.inject({ method: 'GET', url: '/healthz' }),
      t.app.inject({ method: 'GET', url: '/api/v1/units' }),
      t.app.inject({ method: 'GET', url: '/api/v1/no-such-route' }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404]);
    for (const a of answers) {
      expect(a.headers['content-security-policy']).toBe(securityHeaders()['content-security-policy']);
      expect(a.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
