import rateLimit from '@fastify/rate-limit';
import { ZCertificateVerification } from '@enlace/contracts';
import type { TLanguage } from '@enlace/contracts';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { languageOf } from '../../platform/errors/translate.ts';
import { renderRateLimitedPage, renderVerificationPage } from './verification-page.ts';
import { verifyCertificate } from './verify-certificate.ts';

/** Verifications allowed per client address per window (page and JSON share the budget). */
export const VERIFY_RATE_LIMIT = { max: 30, timeWindow: 60_000 } as const;

const ZCodeParams = z.object({ code: z.string().max(200) }).strict();
const ZPageQuery = z.object({ lang: z.enum(['es', 'en']).optional() }).strict();

const pageLanguage = (req: FastifyRequest, asked: TLanguage | undefined): TLanguage => asked ?? languageOf(req.headers['accept-language']);

/**
 * Certificate verification without login: `GET /verify/<code>` (a small server-rendered page, es/en) and
 * `GET /api/v1/certificates/verify/<code>` (JSON). Both show only what the certificate proves and share one rate
 * limit per client address, so codes cannot be enumerated. Mounted at the root (not under /api/v1 only) because
 * the QR code on a certificate points at the page.
 */
export function certificateVerificationRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    await base.register(rateLimit, { global: false });
    const app = base.withTypeProvider<ZodTypeProvider>();
    const limiter = app.createRateLimit({ ...VERIFY_RATE_LIMIT, keyGenerator: (req) => req.ip });
    const noStore = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };

    app.get('/api/v1/certificates/verify/:code', {
      config: { access: 'public' },
      schema: {
        tags: ['training'],
        description: 'Public verification of a certificate by code: holder name, course and validity only; rate-limited per address.',
        params: ZCodeParams,
        response: { 200: ZCertificateVerification },
      },
    }, async (req, reply) => {
      const limit = await limiter(req);
      if (!limit.isAllowed && limit.isExceeded) {
        void reply.header('retry-after', limit.ttlInSeconds);
        throw new AppError('VERIFY_RATE_LIMITED', { retryAfter: limit.ttlInSeconds });
      }
      void reply.headers(noStore);
      return verifyCertificate(ctx.db, req.params.code);
    });

    app.get('/verify/:code', {
      config: { access: 'public' },
      schema: { hide: true, params: ZCodeParams, querystring: ZPageQuery },
    }, async (req, reply) => {
      const lang = pageLanguage(req, req.query.lang);
      const switchHref = `?lang=${lang === 'es' ? 'en' : 'es'}`;
      void reply.type('text/html; charset=utf-8').headers({ ...noStore, 'content-language': lang });
      const limit = await limiter(req);
      if (!limit.isAllowed && limit.isExceeded) {
        return reply.status(429).header('retry-after', limit.ttlInSeconds).send(renderRateLimitedPage(lang, limit.ttlInSeconds, switchHref));
      }
      return reply.send(renderVerificationPage(await verifyCertificate(ctx.db, req.params.code), lang, switchHref));
    });
  };
}
