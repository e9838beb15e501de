import { ZAssessForceInput, ZAssessForceResult, ZRuleSet, ZScenarioResult, ZTaskingInput } from '@enlace/rules';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { languageOf } from '../../platform/errors/translate.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { announceLawfulAreasChanged } from './announce-lawful-areas-changed.ts';
import { assessForceIncident } from './assess-force.ts';
import { changeRuleSet } from './change-rule-set.ts';
import { evaluateScenarioFile } from './evaluate-scenario-file.ts';
import { evaluateTasking } from './evaluate-tasking.ts';
import { getInstrument } from './get-instrument.ts';
import { getRuleSet } from './get-rule-set.ts';
import {
  ZEvaluationListQuery,
  ZExpiringQuery,
  ZInstrumentCreate,
  ZInstrumentIdParams,
  ZInstrumentListQuery,
  ZInstrumentRecord,
  ZRevocationRequest,
  ZRuleSetChange,
  ZStoredTaskingResult,
  ZTaskingEvaluation,
} from './legal.schemas.ts';
import { listEvaluations } from './list-evaluations.ts';
import { listExpiringInstruments } from './list-expiring-instruments.ts';
import { listInstruments } from './list-instruments.ts';
import { registerInstrument } from './register-instrument.ts';
import { digestRequestBody, requestBodyDigest } from './request-body-digest.ts';
import { revokeInstrument } from './revoke-instrument.ts';
import { updateInstrument } from './update-instrument.ts';
import { auditedRequest } from '../../platform/http/audited-request.ts';

const tags = ['legal'];
/** Scenario files hold thousands of requests well under this. */
const SCENARIO_BODY_LIMIT = 5 * 1024 * 1024;

const ZExpiring = z.object({
  id: z.string(),
  kind: z.string(),
  validTo: z.string(),
  daysLeft: z.number(),
  chainRoot: z.string(),
});

/** The legal registry (instruments, rule set) and the evaluation of tasking requests. */
export function legalRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.post('/tasking/evaluate-scenario', {
      config: { access: 'legal:evaluate' },
      bodyLimit: SCENARIO_BODY_LIMIT,
      schema: {
        tags,
        description: 'Evaluates every request of a legal scenario file (docs/scenario.schema.json) without storing anything.',
        body: z.record(z.string(), z.unknown()),
        response: { 200: z.object({ results: z.array(ZScenarioResult) }) },
      },
    }, async (req) => {
      const evaluation = evaluateScenarioFile({ input: { value: req.body }, now: new Date() });
      if (!evaluation.ok) {
        const lang = languageOf(req.headers['accept-language']);
        const first = evaluation.errors[0];
        throw new AppError(
          'SCENARIO_INVALID',
          { path: first?.path ?? '$', reason: first?.message[lang] ?? '' },
          evaluation.errors,
        );
      }
      return { results: [...evaluation.results] };
    });

    app.get('/legal/instruments', {
      config: { access: 'legal:read' },
      schema: { tags, querystring: ZInstrumentListQuery, response: { 200: z.object({ items: z.array(ZInstrumentRecord), total: z.number() }) } },
    }, async (req) => listInstruments({ ctx, actor: actorOf(req), ...req.query }));

    app.get('/legal/instruments/expiring', {
      config: { access: 'legal:read' },
      schema: {
        tags,
        description: 'Instruments whose last day falls within `days` days (default: the rule set\'s expiryAlertDays), soonest first.',
        querystring: ZExpiringQuery,
        response: { 200: z.object({ withinDays: z.number(), items: z.array(ZExpiring) }) },
      },
    }, async (req) => listExpiringInstruments({ ctx, actor: actorOf(req), days: req.query.days, now: new Date() }));

    app.get('/legal/instruments/:id', {
      config: { access: 'legal:read' },
      schema: { tags, params: ZInstrumentIdParams, response: { 200: ZInstrumentRecord } },
    }, async (req) => getInstrument({ ctx, actor: actorOf(req), id: req.params.id }));

    app.post('/legal/instruments', {
      config: { access: 'legal:write' },
      schema: {
        tags,
        description: 'Registers an instrument; one that breaks a legal rule is refused with 422 and the coded findings (es/en).',
        body: ZInstrumentCreate,
        response: { 201: ZInstrumentRecord },
      },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(
        auditedRequest(ctx, req, 201),
        (tx, audit) => registerInstrument({ tx, audit, actor, draft: req.body }),
      );
      await announceLawfulAreasChanged(ctx, { cause: 'instrument', id: value.id });
      return reply.status(201).send(value);
    });

    app.put('/legal/instruments/:id', {
      config: { access: 'legal:write' },
      schema: {
        tags,
        description:
          'Replaces an instrument, re-validated with the registration rules (422 with the coded findings), and refused when it ' +
          'would invalidate an instrument that extends or applies to it. Sending the stored values again changes nothing.',
        params: ZInstrumentIdParams,
        body: ZInstrumentCreate,
        response: { 200: ZInstrumentRecord },
      },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(
        auditedRequest(ctx, req),
        (tx, audit) => updateInstrument({ tx, audit, actor, id: req.params.id, draft: req.body }),
      );
      await announceLawfulAreasChanged(ctx, { cause: 'instrument', id: value.id });
      return value;
    });

    app.post('/legal/instruments/:id/revoke', {
      config: { access: 'legal:write' },
      schema: {
        tags,
        description:
          'Records that the instrument was revoked (derogated) from `revokedOn` by another instrument: from that day it is no ' +
          'longer a legal basis and the extensions that would follow it fall with it. Sending the same revocation again ' +
          'changes nothing; a different one is refused with 409.',
        params: ZInstrumentIdParams,
        body: ZRevocationRequest,
        response: { 200: ZInstrumentRecord },
      },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(
        auditedRequest(ctx, req),
        (tx, audit) => revokeInstrument({ tx, audit, actor, id: req.params.id, revocation: req.body }),
      );
      await announceLawfulAreasChanged(ctx, { cause: 'revocation', id: req.params.id });
      return value;
    });

    app.get('/legal/rule-set', {
      config: { access: 'legal:read' },
      schema: { tags, description: 'The rule set in force.', response: { 200: ZRuleSet } },
    }, async () => getRuleSet(ctx.db));

    app.put('/legal/rule-set', {
      config: { access: 'legal:admin' },
      schema: {
        tags,
        description: 'Puts a new rule-set version in force: the one in force with these thresholds and rules replaced.',
        body: ZRuleSetChange,
        response: { 200: ZRuleSet },
      },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(
        auditedRequest(ctx, req),
        (tx, audit) => changeRuleSet({ tx, audit, actor, change: req.body }),
      );
      return value;
    });

    app.post('/tasking/evaluate', {
      config: { access: 'legal:evaluate' },
      schema: {
        tags,
        description:
          'Decides whether a unit may be given a task in an area over a period, against the registry and the rule set in ' +
          'force (revocations applied); the evaluation is stored and audited. Members and equipment the request does not list ' +
          'come from the unit\'s records. The stored input replaces the member list by its count and SHA-256.',
        body: ZTaskingInput,
        response: { 200: ZStoredTaskingResult },
      },
      preParsing: digestRequestBody,
    }, async (req) => {
      const result = await evaluateTasking({
        db: ctx.db,
        audited: auditedRequest(ctx, req),
        actor: actorOf(req),
        input: req.body,
        bodyDigest: requestBodyDigest(req),
        now: new Date(),
      });
      await announceLawfulAreasChanged(ctx, { cause: 'evaluation', id: result.evaluationId });
      return result;
    });

    app.get('/tasking/evaluations', {
      config: { access: 'legal:evaluate' },
      schema: { tags, description: 'The newest stored evaluations the caller may read.', querystring: ZEvaluationListQuery, response: { 200: z.object({ items: z.array(ZTaskingEvaluation) }) } },
    }, async (req) => ({ items: await listEvaluations({ ctx, actor: actorOf(req), limit: req.query.limit }) }));

    app.post('/legal/assess-force', {
      config: { access: 'legal:evaluate' },
      schema: {
        tags,
        description:
          'Assesses one incident of differentiated use of force (DL 1186 art. 7 and 8; the DL 1095 ladder for the FF.AA.): ' +
          'force above the resistance met without justification, lethal force without a lawful ground, no warning where one ' +
          'was possible. Computed against the rule set in force; nothing is stored.',
        body: ZAssessForceInput,
        response: { 200: ZAssessForceResult },
      },
    }, async (req) => assessForceIncident({ db: ctx.db, input: req.body }));
  };
}
