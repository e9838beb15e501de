import {
  ZIdParams,
  ZImportCreate,
  ZImportErrorsQuery,
  ZImportKindInfo,
  ZImportListQuery,
  ZImportMapping,
  ZImportRevalidate,
  ZImportRowError,
  ZImportRun,
} from '@enlace/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { auditedRequest } from '../../platform/http/audited-request.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { applyImportRun } from './apply-import-run.ts';
import { createImportRun } from './create-import-run.ts';
import { getImportRun } from './get-import-run.ts';
import { MAX_IMPORT_BYTES } from './import-files.ts';
import { listImportErrors } from './list-import-errors.ts';
import { listImportKinds, suggestMapping } from './list-import-kinds.ts';
import { listImportRuns } from './list-import-runs.ts';
import { uploadImportFile } from './upload-import-file.ts';
import { revalidateImportRun } from './validate-import-run.ts';

const tags = ['imports'];

/** Content types accepted for an uploaded file; the body reaches the use-case as a stream, never buffered. */
const FILE_TYPES = ['text/csv', 'application/octet-stream', 'application/vnd.ms-excel'];

/**
 * Bulk import from CSV in steps: create a run (kind, file name, mapping) → upload the file (streamed; validated
 * whole, per-row error report) → correct the mapping and validate again if needed → apply (one transaction).
 * `GET /imports/:id` shows progress meanwhile. Which kinds a user may import follows each kind's permission.
 */
export function importsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    // Scoped to this plugin: only the upload route takes a raw body.
    app.addContentTypeParser(FILE_TYPES, (_req, payload, done) => done(null, payload));

    app.get('/imports/kinds', {
      config: { access: 'session' },
      schema: { tags, response: { 200: z.object({ items: z.array(ZImportKindInfo) }) } },
    }, async (req) => ({ items: listImportKinds(actorOf(req)) }));

    app.post('/imports/mapping', {
      config: { access: 'session' },
      schema: {
        tags,
        body: z.object({ kind: z.string().min(1).max(50), headers: z.array(z.string().max(200)).max(300) }).strict(),
        response: { 200: z.object({ mapping: ZImportMapping }) },
      },
    }, async (req) => ({ mapping: suggestMapping(actorOf(req), req.body.kind, req.body.headers) }));

    app.get('/imports', {
      config: { access: 'session' },
      schema: { tags, querystring: ZImportListQuery, response: { 200: z.object({ items: z.array(ZImportRun), total: z.number() }) } },
    }, async (req) => listImportRuns({ ctx, actor: actorOf(req), ...req.query }));

    app.post('/imports', {
      config: { access: 'session' },
      schema: { tags, body: ZImportCreate, response: { 201: ZImportRun } },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) => createImportRun(tx, audit, actor, req.body));
      return reply.status(201).send(value);
    });

    app.get('/imports/:id', {
      config: { access: 'session' },
      schema: { tags, params: ZIdParams, response: { 200: ZImportRun } },
    }, async (req) => getImportRun({ ctx, actor: actorOf(req), id: req.params.id }));

    app.put('/imports/:id/file', {
      config: { access: 'session' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: { tags, params: ZIdParams, response: { 200: ZImportRun } },
    }, async (req) => {
      const declared = Number(req.headers['content-length']);
      return uploadImportFile({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        body: req.body,
        declaredBytes: Number.isFinite(declared) ? declared : null,
      });
    });

    app.post('/imports/:id/validate', {
      config: { access: 'session' },
      schema: { tags, params: ZIdParams, body: ZImportRevalidate, response: { 200: ZImportRun } },
    }, async (req) => revalidateImportRun({ ctx, actor: actorOf(req), id: req.params.id, changes: req.body }));

    app.post('/imports/:id/apply', {
      config: { access: 'session' },
      schema: { tags, params: ZIdParams, response: { 200: ZImportRun } },
    }, async (req) => applyImportRun({ ctx, actor: actorOf(req), id: req.params.id, audited: auditedRequest(ctx, req) }));

    app.get('/imports/:id/errors', {
      config: { access: 'session' },
      schema: { tags, params: ZIdParams, querystring: ZImportErrorsQuery, response: { 200: z.object({ items: z.array(ZImportRowError), total: z.number() }) } },
    }, async (req) => listImportErrors({ ctx, actor: actorOf(req), id: req.params.id, ...req.query }));
  };
}
