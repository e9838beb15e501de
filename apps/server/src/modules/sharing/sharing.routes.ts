import { ZAgreement, ZAgreementCreate, ZAgreementEnd, ZIdParams, ZPageQuery, ZSharedIncidentPage, ZSharedIncidentQuery, ZSharingRead } from '@enlace/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { auditedRequest } from '../../platform/http/audited-request.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { createAgreement } from './create-agreement.ts';
import { endAgreement } from './end-agreement.ts';
import { getAgreement } from './get-agreement.ts';
import { listAgreements } from './list-agreements.ts';
import { listSharingReads } from './list-sharing-reads.ts';
import { readSharedIncidents } from './read-shared-incidents.ts';

const tags = ['sharing'];

const ZReadsQuery = ZPageQuery.extend({ agreementId: z.uuid().optional(), incidentId: z.uuid().optional() }).strict();

/** Sharing agreements: one force's incidents visible to another while a legal basis is in force, every read audited. */
export function sharingRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/sharing/agreements', {
      config: { access: 'sharing:read' },
      schema: { tags, querystring: ZPageQuery, response: { 200: z.object({ items: z.array(ZAgreement), total: z.number() }) } },
    }, async (req) => listAgreements({ ctx, actor: actorOf(req), ...req.query }));

    app.post('/sharing/agreements', {
      config: { access: 'sharing:write' },
      schema: { tags, body: ZAgreementCreate, response: { 201: ZAgreement } },
    }, async (req, reply) => {
      const agreement = await createAgreement({ ctx, actor: actorOf(req), draft: req.body, audited: auditedRequest(ctx, req, 201) });
      return reply.status(201).send(agreement);
    });

    app.get('/sharing/agreements/:id', {
      config: { access: 'sharing:read' },
      schema: { tags, params: ZIdParams, response: { 200: ZAgreement } },
    }, async (req) => getAgreement({ ctx, actor: actorOf(req), id: req.params.id }));

    app.post('/sharing/agreements/:id/end', {
      config: { access: 'sharing:write' },
      schema: { tags, params: ZIdParams, body: ZAgreementEnd, response: { 200: ZAgreement } },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) => endAgreement(tx, audit, actor, req.params.id, req.body.reason));
      return value;
    });

    app.get('/sharing/agreements/:id/incidents', {
      config: { access: 'sharing:read' },
      schema: { tags, description: 'Incidents shared through an active agreement, redacted to its fields; every read audited.', params: ZIdParams, querystring: ZSharedIncidentQuery, response: { 200: ZSharedIncidentPage } },
    }, async (req) => readSharedIncidents({ ctx, actor: actorOf(req), id: req.params.id, query: req.query }));

    app.get('/sharing/reads', {
      config: { access: 'sharing:oversee' },
      schema: { tags, description: 'Who saw which incidents through which agreement, and when.', querystring: ZReadsQuery, response: { 200: z.object({ items: z.array(ZSharingRead), total: z.number() }) } },
    }, async (req) => listSharingReads({ ctx, actor: actorOf(req), ...req.query }));
  };
}
