import { ZIdParams, ZUnit, ZUnitCreate, ZUnitHierarchy, ZUnitListQuery, ZUnitTreeNode, ZUnitTreeQuery, ZUnitUpdate } from '@enlace/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { getUnit } from './get-unit.ts';
import { getUnitHierarchy, getUnitTree } from './get-unit-hierarchy.ts';
import { listUnits } from './list-units.ts';
import { createUnit, updateUnit } from './save-unit.ts';
import { auditedRequest } from '../../platform/http/audited-request.ts';

const tags = ['units'];

/** Units of both forces. */
export function unitsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/units', {
      config: { access: 'unit:read' },
      schema: { tags, querystring: ZUnitListQuery, response: { 200: z.object({ items: z.array(ZUnit), total: z.number() }) } },
    }, async (req) => {
      const { exercise, ...q } = req.query;
      return listUnits({ ctx, actor: actorOf(req), ...q, exercise: exercise === undefined ? undefined : exercise === 'true' });
    });

    app.get('/units/tree', {
      config: { access: 'unit:read' },
      schema: {
        tags,
        description: 'Every readable unit as a forest, by chain of command (a unit under an unreadable parent is a root).',
        querystring: ZUnitTreeQuery,
        response: { 200: z.object({ roots: z.array(ZUnitTreeNode) }) },
      },
    }, async (req) => ({
      roots: await getUnitTree({
        ctx,
        actor: actorOf(req),
        force: req.query.force,
        exercise: req.query.exercise === undefined ? undefined : req.query.exercise === 'true',
      }),
    }));

    app.get('/units/:id/hierarchy', {
      config: { access: 'unit:read' },
      schema: {
        tags,
        description: 'The chain of command above a unit (nearest first) and its readable subordinates as a tree.',
        params: ZIdParams,
        response: { 200: ZUnitHierarchy },
      },
    }, async (req) => getUnitHierarchy({ ctx, actor: actorOf(req), id: req.params.id }));

    app.get('/units/:id', {
      config: { access: 'unit:read' },
      schema: { tags, params: ZIdParams, response: { 200: ZUnit } },
    }, async (req) => getUnit({ ctx, actor: actorOf(req), id: req.params.id }));

    app.post('/units', {
      config: { access: 'unit:write' },
      schema: { tags, body: ZUnitCreate, response: { 201: ZUnit } },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(
        auditedRequest(ctx, req, 201),
        (tx, audit) => createUnit(tx, audit, actor, req.body),
      );
      return reply.status(201).send(value);
    });

    app.patch('/units/:id', {
      config: { access: 'unit:write' },
      schema: { tags, params: ZIdParams, body: ZUnitUpdate, response: { 200: ZUnit } },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(
        auditedRequest(ctx, req),
        (tx, audit) => updateUnit(tx, audit, actor, req.params.id, req.body),
      );
      return value;
    });
  };
}
