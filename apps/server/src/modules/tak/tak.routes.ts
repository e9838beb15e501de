import { ZIdParams, ZTakCertificate, ZTakCertificateListQuery, ZTakConnection, ZTakEnrollment, ZTakEnrollmentCreate, ZTakRevoke } from '@enlace/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { auditedRequest } from '../../platform/http/audited-request.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { runningCotServer } from './cot-server.ts';
import { issueCertificate } from './issue-certificate.ts';
import { listCertificates } from './list-certificates.ts';
import { revokeCertificate } from './revoke-certificate.ts';

const tags = ['tak'];

/** TAK enrolment (client certificates as data packages), revocation, and the connected TAK clients. */
export function takRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.post('/tak/enrollments', {
      config: { access: 'user:admin' },
      schema: { tags, body: ZTakEnrollmentCreate, response: { 201: ZTakEnrollment } },
    }, async (req, reply) => reply.status(201).send(await issueCertificate(ctx, actorOf(req), req.body)));

    app.get('/tak/certificates', {
      config: { access: 'user:admin' },
      schema: { tags, querystring: ZTakCertificateListQuery, response: { 200: z.object({ items: z.array(ZTakCertificate) }) } },
    }, async (req) => ({ items: await listCertificates(ctx, req.query) }));

    app.post('/tak/certificates/:id/revoke', {
      config: { access: 'user:admin' },
      schema: { tags, params: ZIdParams, body: ZTakRevoke, response: { 200: ZTakCertificate } },
    }, async (req) => revokeCertificate(ctx, auditedRequest(ctx, req), actorOf(req), req.params.id, req.body.reason));

    app.get('/tak/connections', {
      config: { access: 'user:admin' },
      schema: { tags, response: { 200: z.object({ items: z.array(ZTakConnection) }) } },
    }, async () => ({ items: runningCotServer(ctx)?.connections() ?? [] }));
  };
}
