import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config/config.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { newCertificateCode } from './certificate-code.ts';
import { VERIFY_RATE_LIMIT } from './certificate-verification.routes.ts';

const PROXY = '10.20.30.40';

/**
 * Behind a reverse proxy every visitor arrives from the proxy's address: the public verification page would give them
 * all one budget. With ENLACE_TRUST_PROXY naming the proxy, each client's forwarded address has its own; a forwarded
 * address from anyone else is not believed.
 */
describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('certificate verification behind a proxy on %s', (_n, backend) => {
  let t: TestApp;
  beforeAll(async () => { t = await testApp(await backend.db(), { config: { trustProxy: [PROXY] } }); });
  afterAll(async () => t.close());

  const verify = (remoteAddress: string, forwardedFor?: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/certificates/verify/${newCertificateCode()}`, remoteAddress, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

  it('counts each client behind the trusted proxy apart, and not a forwarded address from an untrusted peer', async () => {
    for (let i = 0; i < VERIFY_RATE_LIMIT.max; i++) expect((await verify(PROXY, '203.0.113.7')).statusCode).toBe(200);
    expect((await verify(PROXY, '203.0.113.7')).statusCode).toBe(429);
    // Another visitor through the same proxy still has a full budget.
    expect((await verify(PROXY, '203.0.113.8')).statusCode).toBe(200);
    // A client that is not the proxy cannot pick a fresh address by sending the header: its own address counts.
    const direct = '198.51.100.9';
    for (let i = 0; i < VERIFY_RATE_LIMIT.max; i++) expect((await verify(direct, `192.0.2.${i + 1}`)).statusCode).toBe(200);
    expect((await verify(direct, '192.0.2.250')).statusCode).toBe(429);
  });

  it('reads the proxies from ENLACE_TRUST_PROXY and refuses a malformed list', () => {
    expect(loadConfig({ ENLACE_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(() => loadConfig({ ENLACE_TRUST_PROXY: 'proxy.example' })).toThrow(/ENLACE_TRUST_PROXY/);
  });
});
