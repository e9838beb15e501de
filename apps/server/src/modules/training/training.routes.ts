import {
  ZCertificate,
  ZCertificateCreate,
  ZCertificateListQuery,
  ZCertificateRevoke,
  ZCourse,
  ZCourseCreate,
  ZIdParams,
  ZJointExercise,
  ZJointExerciseCreate,
  ZJointExerciseEvaluate,
  ZTrainingRecord,
  ZTrainingRecordsBody,
  ZTrainingSession,
  ZTrainingSessionCreate,
  ZTrainingSessionListQuery,
} from '@enlace/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { auditedRequest } from '../../platform/http/audited-request.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { certificateQrSvg } from './certificate-qr-svg.ts';
import { getCertificate } from './get-certificate.ts';
import { listCertificates } from './list-certificates.ts';
import { revokeCertificate } from './revoke-certificate.ts';
import { createCourse } from './create-course.ts';
import { listCourses } from './list-courses.ts';
import { issueCertificate } from './issue-certificate.ts';
import { createJointExercise } from './create-joint-exercise.ts';
import { evaluateJointExercise } from './evaluate-joint-exercise.ts';
import { getJointExercise } from './get-joint-exercise.ts';
import { listJointExercises } from './list-joint-exercises.ts';
import { recordResults } from './record-results.ts';
import { createSession } from './create-session.ts';
import { getSession } from './get-session.ts';
import { listSessions } from './list-sessions.ts';

const tags = ['training'];

/** The course catalogue, training sessions and results, certificates, joint exercises. */
export function trainingRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/training/courses', {
      config: { access: 'training:read' },
      schema: { tags, description: 'The course catalogue with validity (recertification) periods.', response: { 200: z.object({ items: z.array(ZCourse) }) } },
    }, async () => ({ items: await listCourses(ctx.db) }));

    app.post('/training/courses', {
      config: { access: 'training:write' },
      schema: { tags, description: 'Adds a course to the catalogue (administrators).', body: ZCourseCreate, response: { 201: ZCourse } },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) => createCourse(tx, audit, actor, req.body));
      return reply.status(201).send(value);
    });

    app.get('/training/sessions', {
      config: { access: 'training:read' },
      schema: { tags, description: 'The training calendar.', querystring: ZTrainingSessionListQuery, response: { 200: z.object({ items: z.array(ZTrainingSession) }) } },
    }, async (req) => ({ items: await listSessions({ ctx, actor: actorOf(req), ...req.query }) }));

    app.post('/training/sessions', {
      config: { access: 'training:write' },
      schema: { tags, body: ZTrainingSessionCreate, response: { 201: ZTrainingSession } },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) => createSession(tx, audit, actor, req.body));
      return reply.status(201).send(value);
    });

    app.get('/training/sessions/:id', {
      config: { access: 'training:read' },
      schema: { tags, params: ZIdParams, response: { 200: z.object({ session: ZTrainingSession, records: z.array(ZTrainingRecord) }) } },
    }, async (req) => getSession({ ctx, actor: actorOf(req), id: req.params.id }));

    app.put('/training/sessions/:id/records', {
      config: { access: 'training:write' },
      schema: {
        tags,
        description: 'Attendance and results (all rows or none); a certificate for each member who passed.',
        params: ZIdParams,
        body: ZTrainingRecordsBody,
        response: { 200: z.object({ records: z.array(ZTrainingRecord) }) },
      },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) => recordResults(tx, audit, actor, req.params.id, req.body));
      return { records: value };
    });

    app.get('/certificates', {
      config: { access: 'training:read' },
      schema: { tags, querystring: ZCertificateListQuery, response: { 200: z.object({ items: z.array(ZCertificate) }) } },
    }, async (req) => ({ items: await listCertificates({ ctx, actor: actorOf(req), ...req.query }) }));

    app.post('/certificates', {
      config: { access: 'training:write' },
      schema: { tags, description: 'Issues a certificate directly (e.g. recognising training given elsewhere).', body: ZCertificateCreate, response: { 201: ZCertificate } },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) => issueCertificate(tx, audit, actor, req.body));
      return reply.status(201).send(value);
    });

    app.get('/certificates/:id', {
      config: { access: 'training:read' },
      schema: { tags, params: ZIdParams, response: { 200: ZCertificate } },
    }, async (req) => getCertificate({ ctx, actor: actorOf(req), id: req.params.id }));

    app.get('/certificates/:id/qr.svg', {
      config: { access: 'training:read' },
      schema: { tags, description: 'QR code (SVG) of the certificate\'s public verification URL.', params: ZIdParams },
    }, async (req, reply) => {
      const { svg } = await certificateQrSvg({ ctx, actor: actorOf(req), id: req.params.id, origin: `${req.protocol}://${req.host}` });
      return reply.type('image/svg+xml').header('cache-control', 'private, max-age=300').send(svg);
    });

    app.post('/certificates/:id/revoke', {
      config: { access: 'training:write' },
      schema: { tags, params: ZIdParams, body: ZCertificateRevoke, response: { 200: ZCertificate } },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) => revokeCertificate(tx, audit, actor, req.params.id, req.body.reason));
      return value;
    });

    app.get('/training/exercises', {
      config: { access: 'training:read' },
      schema: { tags, querystring: z.object({ unitId: z.uuid().optional() }).strict(), response: { 200: z.object({ items: z.array(ZJointExercise) }) } },
    }, async (req) => ({ items: await listJointExercises({ ctx, actor: actorOf(req), unitId: req.query.unitId }) }));

    app.get('/training/exercises/:id', {
      config: { access: 'training:read' },
      schema: { tags, params: ZIdParams, response: { 200: ZJointExercise } },
    }, async (req) => getJointExercise({ ctx, actor: actorOf(req), id: req.params.id }));

    app.post('/training/exercises', {
      config: { access: 'training:write' },
      schema: { tags, description: 'A joint exercise with the PNP: units of both forces, scenario, dates.', body: ZJointExerciseCreate, response: { 201: ZJointExercise } },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req, 201), (tx, audit) => createJointExercise(tx, audit, actor, req.body));
      return reply.status(201).send(value);
    });

    app.put('/training/exercises/:id/evaluation', {
      config: { access: 'training:write' },
      schema: { tags, params: ZIdParams, body: ZJointExerciseEvaluate, response: { 200: ZJointExercise } },
    }, async (req) => {
      const actor = actorOf(req);
      const { value } = await runAudited(auditedRequest(ctx, req), (tx, audit) => evaluateJointExercise(tx, audit, actor, req.params.id, req.body));
      return value;
    });
  };
}
