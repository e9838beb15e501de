import { permissionsOf } from '@enlace/access';
import {
  ZAgency,
  ZAgencyCode,
  ZAgencyUpdate,
  ZIdParams,
  ZLoginRequest,
  ZLoginResponse,
  ZUser,
  ZUserCreate,
  ZUserUpdate,
} from '@enlace/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth/tokens.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { createUser } from './create-user.ts';
import { announceSessionsEnded } from '../../platform/auth/watch-sessions.ts';
import { findAgency, findUserById, listAgencies, listUsers } from './identity.repository.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { updateAgency } from './update-agency.ts';
import { updateUser } from './update-user.ts';
import { auditedRequest } from '../../platform/http/audited-request.ts';

const tags = ['identity'];

/** Sign-in, sessions, users and agencies. */
export function identityRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.post('/auth/login', {
      config: { access: 'public' },
      schema: { tags, body: ZLoginRequest, response: { 200: ZLoginResponse } },
    }, async (req, reply) => {
      const result = await login({ ctx, username: req.body.username, password: req.body.password, address: req.ip });
      void reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.config.cookieSecure,
        expires: new Date(result.expiresAt),
      });
      return result;
    });

    app.post('/auth/logout', { config: { access: 'session' }, schema: { tags } }, async (req, reply) => {
      await logout({ ctx, actor: actorOf(req) });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    });

    app.get('/auth/me', {
      config: { access: 'session' },
      schema: { tags, response: { 200: z.object({ user: ZUser, agency: ZAgency, permissions: z.array(z.string()) }) } },
    }, async (req) => {
      const actor = actorOf(req);
      const [user, agency] = await Promise.all([findUserById(ctx.db, actor.userId), findAgency(ctx.db, actor.agency)]);
      if (!user || !agency) throw notFound();
      return { user, agency, permissions: [...permissionsOf(actor.role)] };
    });

    app.get('/users', {
      config: { access: 'user:admin' },
      schema: { tags, response: { 200: z.object({ items: z.array(ZUser) }) } },
    }, async () => ({ items: await listUsers(ctx.db) }));

    app.get('/users/:id', {
      config: { access: 'user:admin' },
      schema: { tags, params: ZIdParams, response: { 200: ZUser } },
    }, async (req) => {
      const user = await findUserById(ctx.db, req.params.id);
      if (!user) throw notFound();
      return user;
    });

    app.post('/users', {
      config: { access: 'user:admin' },
      schema: { tags, body: ZUserCreate, response: { 201: ZUser } },
    }, async (req, reply) => {
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) => createUser(tx, audit, req.body));
      return reply.status(201).send(value);
    });

    app.patch('/users/:id', {
      config: { access: 'user:admin' },
      schema: { tags, params: ZIdParams, body: ZUserUpdate, response: { 200: ZUser } },
    }, async (req) => {
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) => updateUser(tx, audit, req.params.id, req.body));
      // Cached identities of this user are out of date (ended sessions, or a new name or language).
      await announceSessionsEnded(ctx, { userIds: [req.params.id] });
      return value;
    });

    app.get('/agencies', {
      config: { access: 'session' },
      schema: { tags, response: { 200: z.object({ items: z.array(ZAgency) }) } },
    }, async () => ({ items: await listAgencies(ctx.db) }));

    app.patch('/agencies/:code', {
      config: { access: 'agency:admin' },
      schema: { tags, params: z.object({ code: ZAgencyCode }).strict(), body: ZAgencyUpdate, response: { 200: ZAgency } },
    }, async (req) => {
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) =>
        updateAgency(tx, audit, req.params.code, req.body),
      );
      return value;
    });
  };
}
