import {
  ZBeforeAfterExportRequest,
  ZBeforeAfterRequest,
  ZBeforeAfterResult,
  ZEvaluateExportRequest,
  ZEvaluateRequest,
  ZEvaluateResult,
  ZHotspotExportRequest,
  ZHotspotRequest,
  ZHotspotResult,
  ZNearRepeatExportRequest,
  ZNearRepeatRequest,
  ZNearRepeatResult,
  ZTrendExportQuery,
  ZTrendQuery,
  ZTrendResult,
} from '@enlace/contracts';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { buildHotspot } from './build-hotspot.ts';
import { evaluateHotspotMap } from './evaluate-hotspots.ts';
import { evaluateOperation } from './evaluate-operation.ts';
import { beforeAfterCsv, evaluationCsv, hotspotCsv, hotspotGeoJson, nearRepeatCsv, trendsCsv } from './export-analysis.ts';
import { monthlyTrends } from './monthly-trends.ts';
import { nearRepeat } from './near-repeat.ts';

const tags = ['analysis'];

/** A CSV result as a download. */
const csvAttachment = (reply: FastifyReply, name: string, body: string): FastifyReply =>
  reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(body);

/** Crime analysis over the incidents the user may read: hot spots, trends, near repeats, evaluations. */
export function analysisRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.post('/analysis/hotspot', {
      config: { access: 'incident:read' },
      schema: { tags, description: 'Hot spots (quartic KDE or Gi* with FDR) as a GeoJSON grid with legend and explanation.', body: ZHotspotRequest, response: { 200: ZHotspotResult } },
    }, async (req) => buildHotspot({ ctx, actor: actorOf(req), request: req.body }));

    app.post('/analysis/hotspot/export', {
      config: { access: 'incident:read' },
      schema: { tags, description: 'A hotspot map as CSV or GeoJSON (attachment).', body: ZHotspotExportRequest },
    }, async (req, reply) => {
      const result = await buildHotspot({ ctx, actor: actorOf(req), request: req.body.request });
      const csv = req.body.format === 'csv';
      return reply
        .type(csv ? 'text/csv; charset=utf-8' : 'application/geo+json')
        .header('content-disposition', `attachment; filename="puntos-calientes.${csv ? 'csv' : 'geojson'}"`)
        .send(csv ? hotspotCsv(result) : hotspotGeoJson(result));
    });

    app.get('/analysis/trends', {
      config: { access: 'incident:read' },
      schema: { tags, description: 'Monthly counts by district and crime type (points and SIDPOL aggregates, kept apart).', querystring: ZTrendQuery, response: { 200: ZTrendResult } },
    }, async (req) => monthlyTrends({ ctx, actor: actorOf(req), ...req.query }));

    app.get('/analysis/trends/export', {
      config: { access: 'incident:read' },
      schema: { tags, querystring: ZTrendExportQuery },
    }, async (req, reply) => {
      const { format: _format, ...query } = req.query;
      const result = await monthlyTrends({ ctx, actor: actorOf(req), ...query });
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="tendencias.csv"').send(trendsCsv(result));
    });

    app.post('/analysis/near-repeat', {
      config: { access: 'incident:read' },
      schema: { tags, description: 'Knox near-repeat table by distance and time band.', body: ZNearRepeatRequest, response: { 200: ZNearRepeatResult } },
    }, async (req) => nearRepeat({ ctx, actor: actorOf(req), request: req.body }));

    app.post('/analysis/evaluate', {
      config: { access: 'incident:read' },
      schema: { tags, description: 'Model vs naive last-period baseline, both built on period t, scored on t + 1 (hit rate, PAI, PEI).', body: ZEvaluateRequest, response: { 200: ZEvaluateResult } },
    }, async (req) => evaluateHotspotMap({ ctx, actor: actorOf(req), request: req.body }));

    app.post('/analysis/near-repeat/export', {
      config: { access: 'incident:read' },
      schema: { tags, description: 'A Knox near-repeat table as CSV (attachment).', body: ZNearRepeatExportRequest },
    }, async (req, reply) => csvAttachment(reply, 'casi-repeticion.csv', nearRepeatCsv(await nearRepeat({ ctx, actor: actorOf(req), request: req.body.request }))));

    app.post('/analysis/evaluate/export', {
      config: { access: 'incident:read' },
      schema: { tags, description: 'A hotspot evaluation (model and naive baseline) as CSV (attachment).', body: ZEvaluateExportRequest },
    }, async (req, reply) => csvAttachment(reply, 'evaluacion-puntos-calientes.csv', evaluationCsv(await evaluateHotspotMap({ ctx, actor: actorOf(req), request: req.body.request }))));

    app.post('/analysis/before-after/export', {
      config: { access: 'incident:read' },
      schema: { tags, description: 'A before/after evaluation of an operation area as CSV (attachment).', body: ZBeforeAfterExportRequest },
    }, async (req, reply) => csvAttachment(reply, 'antes-despues.csv', beforeAfterCsv(await evaluateOperation({ ctx, actor: actorOf(req), request: req.body.request }))));

    app.post('/analysis/before-after', {
      config: { access: 'incident:read' },
      schema: { tags, description: 'Operation area vs comparable areas: difference in differences with CIs, displacement to neighbours.', body: ZBeforeAfterRequest, response: { 200: ZBeforeAfterResult } },
    }, async (req) => evaluateOperation({ ctx, actor: actorOf(req), request: req.body }));
  };
}
