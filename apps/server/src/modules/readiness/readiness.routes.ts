import {
  ZDepartmentUbigeo,
  ZForce,
  ZIdParams,
  ZNationalQuery,
  ZNationalReadiness,
  ZReadinessComputeBody,
  ZReadinessOverrideCreate,
  ZReadinessRecomputeSummary,
  ZTrainingPlan,
  ZTrainingPlanQuery,
  ZUnitReadiness,
} from '@enlace/contracts';
import { ZStandardChange, ZStandardVersion, ZStandardVersionInfo } from '@enlace/rules';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { auditedRequest } from '../../platform/http/audited-request.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { changeReadinessStandard } from './change-readiness-standard.ts';
import { computeUnitReadiness } from './compute-unit-readiness.ts';
import { getReadinessStandard } from './get-readiness-standard.ts';
import { getReadinessStandardVersion } from './get-readiness-standard-version.ts';
import { listReadinessStandardVersions } from './list-readiness-standard-versions.ts';
import { getUnitReadiness } from './get-unit-readiness.ts';
import { listUnitReadiness } from './list-unit-readiness.ts';
import { nationalReadiness } from './national-readiness.ts';
import { overrideReadiness } from './override-readiness.ts';
import { withdrawReadinessOverride } from './withdraw-readiness-override.ts';
import { planRegionTraining } from './plan-region-training.ts';
import { recomputeNationalReadiness } from './recompute-national-readiness.ts';
import { startDailyReadinessRecompute } from './daily-readiness-recompute.ts';

const tags = ['readiness'];
const ZListQuery = z
  .object({
    department: ZDepartmentUbigeo.optional(),
    force: ZForce.optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
const ZPlanQuery = ZTrainingPlanQuery.extend({ targetLevel: z.enum(['1', '2', '3']).optional() }).strict();

/** Readiness of units and of the country: computation, stored results, commander's overrides, national view. */
export function readinessRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const stopDaily = startDailyReadinessRecompute(ctx);
    app.addHook('onClose', async () => stopDaily());

    app.get('/readiness/units', {
      config: { access: 'readiness:read' },
      schema: { tags, querystring: ZListQuery, response: { 200: z.object({ items: z.array(ZUnitReadiness) }) } },
    }, async (req) => ({ items: await listUnitReadiness({ ctx, actor: actorOf(req), ...req.query }) }));

    app.get('/readiness/units/:id', {
      config: { access: 'readiness:read' },
      schema: { tags, description: 'The unit\'s stored readiness: P/S/R/T, C-level, METs Y/Q/N, gap list, override.', params: ZIdParams, response: { 200: ZUnitReadiness } },
    }, async (req) => getUnitReadiness({ ctx, actor: actorOf(req), unitId: req.params.id }));

    app.post('/readiness/units/:id/compute', {
      config: { access: 'readiness:compute' },
      schema: { tags, description: 'Computes and stores the unit\'s readiness now (or as of a day).', params: ZIdParams, body: ZReadinessComputeBody, response: { 200: ZUnitReadiness } },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) => computeUnitReadiness(tx, audit, actor, req.params.id, req.body.asOf));
      return value;
    });

    app.post('/readiness/recompute', {
      config: { access: 'readiness:compute' },
      schema: { tags, description: 'Recomputes every unit the caller may compute (the whole country for national users).', body: ZReadinessComputeBody, response: { 200: ZReadinessRecomputeSummary } },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) => recomputeNationalReadiness(tx, audit, actor, req.body.asOf));
      return value;
    });

    app.post('/readiness/units/:id/override', {
      config: { access: 'readiness:write' },
      schema: { tags, description: 'The commander\'s override of the overall level; refused without a written remark.', params: ZIdParams, body: ZReadinessOverrideCreate, response: { 200: ZUnitReadiness } },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) => overrideReadiness(tx, audit, actor, req.params.id, req.body));
      return value;
    });

    app.delete('/readiness/units/:id/override', {
      config: { access: 'readiness:write' },
      schema: { tags, params: ZIdParams, response: { 200: ZUnitReadiness } },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) => withdrawReadinessOverride(tx, audit, actor, req.params.id));
      return value;
    });

    app.get('/readiness/national', {
      config: { access: 'readiness:read' },
      schema: { tags, description: 'Readiness by department and force, capabilities by unit, certified members, expiring certificates.', querystring: ZNationalQuery, response: { 200: ZNationalReadiness } },
    }, async (req) => {
      const { exercise, ...q } = req.query;
      return nationalReadiness({ ctx, actor: actorOf(req), ...q, exercise: exercise === undefined ? undefined : exercise === 'true' });
    });

    app.get('/readiness/standard', {
      config: { access: 'readiness:read' },
      schema: { tags, description: 'The readiness standard in force, with its version, author, time and references.', response: { 200: ZStandardVersion } },
    }, async () => getReadinessStandard({ ctx }));

    app.get('/readiness/standard/versions', {
      config: { access: 'readiness:read' },
      schema: { tags, description: 'Every version of the readiness standard, newest first; the last is the seed.', response: { 200: z.object({ items: z.array(ZStandardVersionInfo) }) } },
    }, async () => ({ items: await listReadinessStandardVersions({ ctx }) }));

    app.get('/readiness/standard/versions/:version', {
      config: { access: 'readiness:read' },
      schema: { tags, params: z.object({ version: z.string().min(1).max(64) }).strict(), response: { 200: ZStandardVersion } },
    }, async (req) => getReadinessStandardVersion({ ctx, version: req.params.version }));

    app.post('/readiness/standard/versions', {
      config: { access: 'readiness:admin' },
      schema: {
        tags,
        description: 'Puts a new version of the readiness standard in force (a new version string; checked, stored, audited). ' +
          'Every later computation uses it and names it.',
        body: ZStandardChange,
        response: { 201: ZStandardVersion },
      },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) => changeReadinessStandard({ tx, audit, actor, change: req.body }));
      return reply.status(201).send(value);
    });

    app.get('/readiness/training-plan', {
      config: { access: 'readiness:read' },
      schema: { tags, description: 'The course seats that close a department\'s training gaps at least cost.', querystring: ZPlanQuery, response: { 200: ZTrainingPlan } },
    }, async (req) => planRegionTraining({
      ctx,
      actor: actorOf(req),
      department: req.query.department,
      force: req.query.force,
      targetLevel: req.query.targetLevel ? (Number(req.query.targetLevel) as 1 | 2 | 3) : undefined,
    }));
  };
}
