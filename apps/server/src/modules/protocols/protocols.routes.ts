import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { auditedRequest } from '../../platform/http/audited-request.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { approveProtocol } from './approve-protocol.ts';
import { compareProtocolVersions } from './compare-protocol-versions.ts';
import { draftProtocol } from './draft-protocol.ts';
import { getProtocol } from './get-protocol.ts';
import { listProtocols } from './list-protocols.ts';
import {
  ZProtocolCompareQuery,
  ZProtocolComparisonResponse,
  ZProtocolCreate,
  ZProtocolIdParams,
  ZProtocolListQuery,
  ZProtocolRecord,
} from './protocols.schemas.ts';

const tags = ['protocols'];

/** Joint intervention protocols: versions per force, two-force approval, step-by-step comparison. */
export function protocolsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/protocols', {
      config: { access: 'legal:read' },
      schema: { tags, querystring: ZProtocolListQuery, response: { 200: z.object({ items: z.array(ZProtocolRecord) }) } },
    }, async (req) => ({ items: await listProtocols({ db: ctx.db, actor: actorOf(req), ...req.query }) }));

    app.get('/protocols/compare', {
      config: { access: 'legal:read' },
      schema: {
        tags,
        description: 'Compares two protocol versions step by step (steps matched by code): changed force levels, equipment, training, steps only on one side.',
        querystring: ZProtocolCompareQuery,
        response: { 200: ZProtocolComparisonResponse },
      },
    }, async (req) => compareProtocolVersions({ db: ctx.db, actor: actorOf(req), ...req.query }));

    app.get('/protocols/:id', {
      config: { access: 'legal:read' },
      schema: { tags, params: ZProtocolIdParams, response: { 200: ZProtocolRecord } },
    }, async (req) => getProtocol({ db: ctx.db, actor: actorOf(req), id: req.params.id }));

    app.post('/protocols', {
      config: { access: 'legal:write' },
      schema: {
        tags,
        description: 'Drafts a new version of a procedure for one force; it takes effect only once approved by one PNP and one FF.AA. approver.',
        body: ZProtocolCreate,
        response: { 201: ZProtocolRecord },
      },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) => draftProtocol({ tx, audit, actor, draft: req.body }));
      return reply.status(201).send(value);
    });

    app.post('/protocols/:id/approvals', {
      config: { access: 'protocol:approve' },
      schema: {
        tags,
        description:
          'Approves a pending version for the caller\'s force. The same user twice, or two approvers of one force, are refused (409); ' +
          'the approval that completes one PNP and one FF.AA. signature puts the version in force and supersedes the previous one.',
        params: ZProtocolIdParams,
        response: { 200: ZProtocolRecord },
      },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) => approveProtocol({ tx, audit, actor, id: req.params.id }));
      return value;
    });
  };
}
