import { authorize } from '@enlace/access';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import { resolveSession } from '../auth/sessions.ts';
import { SESSION_COOKIE } from '../auth/tokens.ts';
import type { Db } from '../db/db.ts';
import { AppError } from '../errors/app-error.ts';
import './access.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie && cookie.length > 0 ? cookie : null;
}

/**
 * Authentication and route-level authorization, before the body is even parsed: every route declares its
 * access (`config.access`); API routes that do not are refused at start-up (default deny).
 */
export function installAuthentication(app: FastifyInstance, db: Db, sessions?: SessionCache): void {
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access !== undefined) return;
    if (route.url.startsWith('/api/')) throw new Error(`Route ${String(route.method)} ${route.url} declares no access`);
    // Web assets and documentation outside /api are public.
    route.config = { ...(route.config ?? {}), access: 'public' };
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access ?? 'public';
    const token = tokenOf(request);
    request.actor = token && !db.closed ? await resolveSession(db, token, sessions) : null;
    if (access === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED');
    if (access === 'session') return;
    const decision = authorize(request.actor, access);
    if (!decision.allow) throw new AppError('FORBIDDEN', {}, { reason: decision.reason, permission: access });
  });
}

/** The signed-in actor of a request whose route requires a session. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** The Idempotency-Key of a write, validated, or null. */
export function idempotencyOf(request: FastifyRequest) {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return null;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new AppError('VALIDATION_FAILED', { summary: 'headers.idempotency-key: 1-200 printable ASCII characters' });
  }
  const actor = actorOf(request);
  return { userId: actor.userId, key, method: request.method, path: request.url.split('?')[0] ?? request.url };
}
