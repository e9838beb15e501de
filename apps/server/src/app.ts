import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { copRoutes } from './modules/cop/cop.routes.ts';
import { geographyRoutes } from './modules/geography/geography.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { legalRoutes } from './modules/legal/legal.routes.ts';
import { messagingRoutes } from './modules/messaging/messaging.routes.ts';
import { protocolsRoutes } from './modules/protocols/protocols.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { unitsRoutes } from './modules/units/units.routes.ts';
import { forcesRoutes } from './modules/forces/forces.routes.ts';
import { certificateVerificationRoutes } from './modules/training/certificate-verification.routes.ts';
import { trainingRoutes } from './modules/training/training.routes.ts';
import { readinessRoutes } from './modules/readiness/readiness.routes.ts';
import { incidentsRoutes } from './modules/incidents/incidents.routes.ts';
import { sharingRoutes } from './modules/sharing/sharing.routes.ts';
import { analysisRoutes } from './modules/analysis/analysis.routes.ts';
import { takRoutes } from './modules/tak/tak.routes.ts';
import type { AppContext } from './platform/context.ts';
import { SessionCache } from './platform/auth/session-cache.ts';
import { watchSessions } from './platform/auth/watch-sessions.ts';
import { installAuthentication } from './platform/http/authenticate.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { installErrorHandler, sendError } from './platform/http/error-handler.ts';
import { createMetrics } from './platform/metrics/metrics.ts';

export type AppContextInput = Omit<AppContext, 'log' | 'sessions'>;

export interface BuiltApp {
  app: FastifyInstance;
  ctx: AppContext;
}

/** Every API module, mounted under /api/v1. A new capability adds one line here. */
const API_MODULES = [identityRoutes, unitsRoutes, auditRoutes, geographyRoutes, legalRoutes, protocolsRoutes, importsRoutes, incidentsRoutes, sharingRoutes, analysisRoutes, copRoutes, messagingRoutes, forcesRoutes, trainingRoutes, readinessRoutes, takRoutes] as const;

/**
 * Builds the HTTP application around an opened database and bus: one pipeline for every route
 * (authenticate and authorize, validate with zod, run the use-case, present; errors translated in one place).
 */
export async function buildApp(input: AppContextInput, options: { logger?: boolean } = {}): Promise<BuiltApp> {
  const { config } = input;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel, stream: process.stderr },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy.length > 0 ? [...config.trustProxy] : false,
    return503OnClosing: true,
    requestIdHeader: false,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  const sessions = new SessionCache({ ttlMs: config.sessionCacheSeconds * 1000 });
  const ctx: AppContext = { ...input, log: app.log, sessions };
  const stopWatchingSessions = watchSessions(ctx.db, ctx.bus, sessions, {
    checkMs: config.sessionCheckMs,
    ready: input.ready,
    onError: (err) => app.log.warn({ err }, 'session counter unreadable: sessions are read from the database'),
  });
  app.addHook('onClose', async () => stopWatchingSessions());
  const metrics = createMetrics(ctx.db, ctx.bus);

  // The API speaks JSON only: any other body is refused with 415 rather than parsed as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app, config.bodyLimitBytes);
  await app.register(cookie);
  installSecurityHeaders(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Enlace API', version: '1.0.0', description: 'Joint command and control for citizen security' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'enlace_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  installAuthentication(app, ctx.db, sessions);

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  await app.register(healthRoutes(ctx, metrics));
  await app.register(certificateVerificationRoutes(ctx));
  await app.register(
    async (api) => {
      for (const mod of API_MODULES) await api.register(mod(ctx));
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );

  const indexHtml = join(config.webDist, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && hasWeb;
    if (isPage) return reply.type('text/html').sendFile('index.html');
    return sendError(request, reply, 'ROUTE_NOT_FOUND', { method: request.method, url: request.url.split('?')[0] ?? '' });
  });
  return { app, ctx };
}
