import {
  ZEquipment,
  ZEquipmentCreate,
  ZEquipmentListQuery,
  ZEquipmentSummaryRow,
  ZEquipmentUpdate,
  ZIdParams,
  ZPerson,
  ZPersonCreate,
  ZPersonListQuery,
  ZPersonUpdate,
  ZSecondment,
  ZSecondmentCreate,
  ZSecondmentDecision,
  ZSecondmentListQuery,
} from '@enlace/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { auditedRequest } from '../../platform/http/audited-request.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { decideSecondment } from './decide-secondment.ts';
import { getPerson } from './get-person.ts';
import { getEquipment } from './get-equipment.ts';
import { listEquipment } from './list-equipment.ts';
import { listPersonnel } from './list-personnel.ts';
import { listSecondments } from './list-secondments.ts';
import { requestSecondment } from './request-secondment.ts';
import { createEquipment } from './create-equipment.ts';
import { createPerson } from './create-person.ts';
import { updateEquipment } from './update-equipment.ts';
import { updatePerson } from './update-person.ts';
import { summarizeUnitEquipment } from './summarize-unit-equipment.ts';

const tags = ['forces'];
const flag = (v: 'true' | 'false' | undefined): boolean | undefined => (v === undefined ? undefined : v === 'true');

/** Personnel, secondments and equipment of both forces. */
export function forcesRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/personnel', {
      config: { access: 'personnel:read' },
      schema: {
        tags,
        description: 'Members the caller may read; with unitId the roster (home members and members seconded in today). ' +
          'Personal data (document number, birth date, phone, e-mail) only for roles with personnel:read-personal.',
        querystring: ZPersonListQuery,
        response: { 200: z.object({ items: z.array(ZPerson), total: z.number() }) },
      },
    }, async (req) => {
      const { subordinates, exercise, ...q } = req.query;
      return listPersonnel({ ctx, actor: actorOf(req), ...q, subordinates: flag(subordinates), exercise: flag(exercise) });
    });

    app.get('/personnel/:id', {
      config: { access: 'personnel:read' },
      schema: { tags, params: ZIdParams, response: { 200: ZPerson } },
    }, async (req) => getPerson({ ctx, actor: actorOf(req), id: req.params.id }));

    app.post('/personnel', {
      config: { access: 'personnel:write' },
      schema: { tags, description: 'Adds a member to a unit of the caller\'s agency.', body: ZPersonCreate, response: { 201: ZPerson } },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) => createPerson(tx, audit, actor, req.body));
      return reply.status(201).send(value);
    });

    app.patch('/personnel/:id', {
      config: { access: 'personnel:write' },
      schema: { tags, params: ZIdParams, body: ZPersonUpdate, response: { 200: ZPerson } },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) => updatePerson(tx, audit, actor, req.params.id, req.body));
      return value;
    });

    app.get('/secondments', {
      config: { access: 'personnel:read' },
      schema: { tags, querystring: ZSecondmentListQuery, response: { 200: z.object({ items: z.array(ZSecondment) }) } },
    }, async (req) => ({ items: await listSecondments({ ctx, actor: actorOf(req), ...req.query }) }));

    app.post('/secondments', {
      config: { access: 'personnel:write' },
      schema: {
        tags,
        description: 'Asks to lend a member to another unit for a period; effective once a commander of the lending agency approves.',
        body: ZSecondmentCreate,
        response: { 201: ZSecondment },
      },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) => requestSecondment(tx, audit, actor, req.body));
      return reply.status(201).send(value);
    });

    app.post('/secondments/:id/decision', {
      config: { access: 'personnel:write' },
      schema: { tags, params: ZIdParams, body: ZSecondmentDecision, response: { 200: ZSecondment } },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) => decideSecondment(tx, audit, actor, req.params.id, req.body));
      return value;
    });

    app.get('/equipment', {
      config: { access: 'equipment:read' },
      schema: { tags, querystring: ZEquipmentListQuery, response: { 200: z.object({ items: z.array(ZEquipment), total: z.number() }) } },
    }, async (req) => listEquipment({ ctx, actor: actorOf(req), ...req.query }));

    app.get('/equipment/:id', {
      config: { access: 'equipment:read' },
      schema: { tags, params: ZIdParams, response: { 200: ZEquipment } },
    }, async (req) => getEquipment({ ctx, actor: actorOf(req), id: req.params.id }));

    app.post('/equipment', {
      config: { access: 'equipment:write' },
      schema: {
        tags,
        description: 'Registers equipment: a quantity of a lot (added to the same lot if it exists) or one item by serial; ' +
          'lethal weapons only by serial, assigned to a designated member of the unit.',
        body: ZEquipmentCreate,
        response: { 201: ZEquipment },
      },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) => createEquipment(tx, audit, actor, req.body));
      return reply.status(201).send(value);
    });

    app.patch('/equipment/:id', {
      config: { access: 'equipment:write' },
      schema: { tags, params: ZIdParams, body: ZEquipmentUpdate, response: { 200: ZEquipment } },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) => updateEquipment(tx, audit, actor, req.params.id, req.body));
      return value;
    });

    app.get('/units/:id/equipment-summary', {
      config: { access: 'equipment:read' },
      schema: {
        tags,
        description: 'Per category, the quantities of the unit\'s readable equipment by condition.',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZEquipmentSummaryRow) }) },
      },
    }, async (req) => ({ items: await summarizeUnitEquipment({ ctx, actor: actorOf(req), unitId: req.params.id }) }));
  };
}
