import type { Duplex } from 'node:stream';
import websocket from '@fastify/websocket';
import {
  ZAlert,
  ZAlertAcknowledge,
  ZAlertListQuery,
  ZCopDrawing,
  ZEmergencyCreate,
  ZGeofence,
  ZGeofenceCreate,
  ZGeofenceUpdate,
  ZIdParams,
  ZPositionBatch,
  ZPositionBatchResult,
  ZTrackHistory,
  ZTrackHistoryQuery,
  ZTrackList,
  ZTrackListQuery,
  ZTrackUidParams,
  ZTracksHistory,
  ZTracksHistoryQuery,
} from '@enlace/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth/tokens.ts';
import type { AppContext } from '../../platform/context.ts';
import { auditedRequest } from '../../platform/http/audited-request.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { acknowledgeAlert } from './acknowledge-alert.ts';
import { copRuntime } from './cop-runtime.ts';
import { getTrackHistory } from './get-track-history.ts';
import { getTracksHistory } from './get-tracks-history.ts';
import { ingestReports, reportFrom } from './ingest-reports.ts';
import { listAlerts } from './list-alerts.ts';
import { listLegalAreas } from './list-legal-areas.ts';
import { listTaskAreas } from './list-task-areas.ts';
import { getGeofence, listGeofences } from './list-geofences.ts';
import { listTracks } from './list-tracks.ts';
import { LiveHub } from './live-hub.ts';
import { LIVE_MAX_PAYLOAD, serveLiveConnection } from './live-socket.ts';
import { raiseEmergency } from './raise-emergency.ts';
import { createGeofence, deleteGeofence, updateGeofence } from './save-geofence.ts';
import { startCopJobs } from './start-cop-jobs.ts';

const tags = ['cop'];

const parseBbox = (s: string | undefined): [number, number, number, number] | undefined =>
  s ? (s.split(',').map(Number) as [number, number, number, number]) : undefined;

/** The common operational picture: positions, tracks, history, alerts, geofences, and the live WebSocket. */
export function copRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    await base.register(websocket, { options: { maxPayload: LIVE_MAX_PAYLOAD } });
    const app = base.withTypeProvider<ZodTypeProvider>();
    const hub = new LiveHub(ctx);
    const stopJobs = startCopJobs(ctx);
    // Upgrade requests refused (401/403) or never completed must not keep the server from closing.
    const upgrades = new Set<Duplex>();
    const track = (_req: unknown, socket: Duplex): void => {
      upgrades.add(socket);
      socket.once('close', () => upgrades.delete(socket));
    };
    base.server.on('upgrade', track);
    app.addHook('preClose', async () => {
      base.server.off('upgrade', track);
      hub.close();
      if (upgrades.size > 0) await new Promise((ok) => setTimeout(ok, 200));
      for (const s of upgrades) s.destroy();
    });
    app.addHook('onClose', async () => {
      stopJobs();
      await copRuntime(ctx).close();
    });

    app.post('/positions', {
      config: { access: 'track:write' },
      schema: { tags, body: ZPositionBatch, response: { 200: ZPositionBatchResult } },
    }, async (req) => {
      const actor = actorOf(req);
      return ingestReports(ctx, actor, req.body.reports.map((r) => reportFrom(actor, 'api', r)));
    });

    app.get('/tracks', {
      config: { access: 'track:read' },
      schema: { tags, querystring: ZTrackListQuery, response: { 200: ZTrackList } },
    }, async (req) => {
      const q = req.query;
      return listTracks(ctx, actorOf(req), {
        bbox: parseBbox(q.bbox),
        forces: q.force,
        maxAgeSeconds: q.maxAgeSeconds,
        excludeStale: q.excludeStale === 'true',
        limit: q.limit,
      });
    });

    app.get('/tracks/history', {
      config: { access: 'track:read' },
      schema: {
        tags,
        description: 'Replay: every readable position of every track in a window (at most 24 h) and box, grouped per track.',
        querystring: ZTracksHistoryQuery,
        response: { 200: ZTracksHistory },
      },
    }, async (req) => {
      const q = req.query;
      return getTracksHistory(ctx, actorOf(req), { since: q.since, until: q.until, bbox: parseBbox(q.bbox), forces: q.force, limit: q.limit });
    });

    app.get('/tracks/:uid/history', {
      config: { access: 'track:read' },
      schema: { tags, params: ZTrackUidParams, querystring: ZTrackHistoryQuery, response: { 200: ZTrackHistory } },
    }, async (req) => getTrackHistory(ctx, actorOf(req), { uid: req.params.uid, ...req.query }));

    app.get('/legal-areas', {
      config: { access: 'legal:read' },
      schema: {
        tags,
        description: 'Areas of the legal bases in force today that the caller may read, as map drawings (outline, label, colour).',
        response: { 200: z.object({ items: z.array(ZCopDrawing) }) },
      },
    }, async (req) => ({ items: await listLegalAreas(ctx, actorOf(req)) }));

    app.get('/task-areas', {
      config: { access: 'geofence:read' },
      schema: {
        tags,
        description:
          'Where units are lawfully tasked now: the areas of stored tasking evaluations that allowed the task (or allowed ' +
          'it with conditions), in force and not superseded by a newer evaluation of the same unit and task, that the ' +
          'caller may see (per evaluation agency and classification), as map drawings.',
        response: { 200: z.object({ items: z.array(ZCopDrawing) }) },
      },
    }, async (req) => ({ items: await listTaskAreas(ctx, actorOf(req)) }));

    app.get('/alerts', {
      config: { access: 'alert:read' },
      schema: { tags, querystring: ZAlertListQuery, response: { 200: z.object({ items: z.array(ZAlert) }) } },
    }, async (req) => ({ items: await listAlerts(ctx, actorOf(req), req.query) }));

    app.post('/alerts/:id/acknowledge', {
      config: { access: 'alert:write' },
      schema: { tags, params: ZIdParams, body: ZAlertAcknowledge, response: { 200: ZAlert } },
    }, async (req) => acknowledgeAlert(ctx, actorOf(req), req.params.id, req.body, auditedRequest(ctx, req)));

    app.post('/alerts/emergency', {
      config: { access: 'track:write' },
      schema: { tags, body: ZEmergencyCreate, response: { 201: ZAlert } },
    }, async (req, reply) => reply.status(201).send(await raiseEmergency(ctx, actorOf(req), req.body)));

    app.get('/geofences', {
      config: { access: 'geofence:read' },
      schema: { tags, response: { 200: z.object({ items: z.array(ZGeofence) }) } },
    }, async (req) => ({ items: await listGeofences(ctx, actorOf(req)) }));

    app.get('/geofences/:id', {
      config: { access: 'geofence:read' },
      schema: { tags, params: ZIdParams, response: { 200: ZGeofence } },
    }, async (req) => getGeofence(ctx, actorOf(req), req.params.id));

    app.post('/geofences', {
      config: { access: 'geofence:write' },
      schema: { tags, body: ZGeofenceCreate, response: { 201: ZGeofence } },
    }, async (req, reply) => {
      return reply.status(201).send(await createGeofence(ctx, actorOf(req), req.body, auditedRequest(ctx, req, 201)));
    });

    app.patch('/geofences/:id', {
      config: { access: 'geofence:write' },
      schema: { tags, params: ZIdParams, body: ZGeofenceUpdate, response: { 200: ZGeofence } },
    }, async (req) => updateGeofence(ctx, actorOf(req), req.params.id, req.body, auditedRequest(ctx, req)));

    app.delete('/geofences/:id', {
      config: { access: 'geofence:write' },
      schema: { tags, params: ZIdParams },
    }, async (req, reply) => {
      await deleteGeofence(ctx, actorOf(req), req.params.id, auditedRequest(ctx, req, 204));
      return reply.status(204).send();
    });

    app.get('/live', { config: { access: 'track:read' }, websocket: true, schema: { tags, hide: true } }, (socket, req) => {
      const header = req.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : (req.cookies[SESSION_COOKIE] ?? null);
      serveLiveConnection(ctx, hub, socket, actorOf(req), token);
    });
  };
}
