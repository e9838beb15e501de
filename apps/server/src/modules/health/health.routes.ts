import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { Metrics } from '../../platform/metrics/metrics.ts';
import { checkReadiness } from './check-readiness.ts';

const ZReady = z.object({ status: z.enum(['ready', 'not_ready']), database: z.string(), migrations: z.string() });

/** Liveness, readiness and Prometheus metrics (public, no session). */
export function healthRoutes(ctx: AppContext, metrics: Metrics): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get('/healthz', {
      config: { access: 'public' },
      schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } },
    }, async () => ({ status: 'ok' as const }));

    app.get('/readyz', {
      config: { access: 'public' },
      schema: { tags: ['health'], response: { 200: ZReady, 503: ZReady } },
    }, async (_req, reply) => {
      const r = await checkReadiness(ctx);
      return reply.status(r.status === 'ready' ? 200 : 503).send(r);
    });

    app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
      const text = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(text);
    });
  };
}
