import { Readable } from 'node:stream';
import {
  ZCrimeTypeCatalog,
  ZCrimeTypeMapping,
  ZCrimeTypeMappingKey,
  ZCrimeTypeMappingPut,
  ZIdParams,
  ZIncident,
  ZIncidentCreate,
  ZIncidentExportQuery,
  ZIncidentListQuery,
  ZIncidentPage,
  ZPersons,
  ZSuspect,
  ZSuspectCreate,
  ZVictim,
  ZVictimCreate,
} from '@enlace/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { auditedRequest } from '../../platform/http/audited-request.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { addSuspect } from './add-suspect.ts';
import { addVictim } from './add-victim.ts';
import { createIncident } from './create-incident.ts';
import { exportIncidents } from './export-incidents.ts';
import { getIncident } from './get-incident.ts';
import { listCrimeTypes } from './list-crime-types.ts';
import { listIncidents } from './list-incidents.ts';
import { listPersons } from './list-persons.ts';
import { putCrimeTypeMapping } from './put-crime-type-mapping.ts';
import { removeCrimeTypeMapping } from './remove-crime-type-mapping.ts';

const tags = ['incidents'];

/** Incident and crime records; victims and suspects apart, with stricter access; exports honouring the filters. */
export function incidentsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/incidents/crime-types', {
      config: { access: 'incident:read' },
      schema: { tags, response: { 200: ZCrimeTypeCatalog } },
    }, async () => listCrimeTypes({ ctx }));

    app.put('/incidents/crime-types/mappings', {
      config: { access: 'incident:mapping:write' },
      schema: {
        tags,
        description: "Adds a row of the mapping table from a source system's local codes to Enlace's crime types, or changes its crime type or note (the code is stored normalised). Sending the same row again changes nothing.",
        body: ZCrimeTypeMappingPut,
        response: { 200: ZCrimeTypeMapping },
      },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) => putCrimeTypeMapping(tx, audit, actor, req.body));
      return value;
    });

    app.delete('/incidents/crime-types/mappings', {
      config: { access: 'incident:mapping:write' },
      schema: {
        tags,
        description: 'Removes a row of the mapping table that no incident or district-month count uses (409 INCIDENT_MAPPING_IN_USE with the count otherwise); removing an absent row changes nothing.',
        querystring: ZCrimeTypeMappingKey,
      },
    }, async (req, reply) => {
      const actor = actorOf(req);
      await runAudited(auditedRequest(ctx, req, 204), (tx, audit) => removeCrimeTypeMapping(tx, audit, actor, req.query));
      return reply.status(204).send();
    });

    app.get('/incidents', {
      config: { access: 'incident:read' },
      schema: { tags, querystring: ZIncidentListQuery, response: { 200: ZIncidentPage } },
    }, async (req) => {
      const { limit, offset, ...filter } = req.query;
      return listIncidents({ ctx, actor: actorOf(req), filter, limit, offset });
    });

    app.get('/incidents/export', {
      config: { access: 'incident:read' },
      schema: { tags, description: 'The incidents matching the filters as CSV or GeoJSON, streamed.', querystring: ZIncidentExportQuery },
    }, async (req, reply) => {
      const { format, ...filter } = req.query;
      const chunks = await exportIncidents({ ctx, actor: actorOf(req), filter, format });
      const ext = format === 'csv' ? 'csv' : 'geojson';
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json')
        .header('content-disposition', `attachment; filename="incidencias.${ext}"`)
        .send(Readable.from(chunks));
    });

    app.get('/incidents/:id', {
      config: { access: 'incident:read' },
      schema: { tags, params: ZIdParams, response: { 200: ZIncident } },
    }, async (req) => getIncident({ ctx, actor: actorOf(req), id: req.params.id }));

    app.post('/incidents', {
      config: { access: 'incident:write' },
      schema: { tags, body: ZIncidentCreate, response: { 201: ZIncident } },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) => createIncident(tx, audit, actor, req.body));
      return reply.status(201).send(value);
    });

    app.get('/incidents/:id/persons', {
      config: { access: 'incident:person:read' },
      schema: { tags, description: 'Victims and suspects (personal data; every read audited).', params: ZIdParams, response: { 200: ZPersons } },
    }, async (req) => listPersons({ ctx, actor: actorOf(req), id: req.params.id }));

    app.post('/incidents/:id/victims', {
      config: { access: 'incident:person:write' },
      schema: { tags, params: ZIdParams, body: ZVictimCreate, response: { 201: ZVictim } },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) =>
        addVictim(tx, audit, actor, req.params.id, req.body));
      return reply.status(201).send(value);
    });

    app.post('/incidents/:id/suspects', {
      config: { access: 'incident:person:write' },
      schema: { tags, params: ZIdParams, body: ZSuspectCreate, response: { 201: ZSuspect } },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) =>
        addSuspect(tx, audit, actor, req.params.id, req.body));
      return reply.status(201).send(value);
    });
  };
}
