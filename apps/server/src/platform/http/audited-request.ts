import type { FastifyRequest } from 'fastify';
import { auditActorOf } from '../auth/actor.ts';
import type { AuditedOptions } from '../audit/run-audited.ts';
import type { AppContext } from '../context.ts';
import { actorOf, idempotencyOf } from './authenticate.ts';

/**
 * The `runAudited` options of a write made through the API: the signed-in actor, the request's
 * Idempotency-Key, and the status a retry must answer with.
 */
export function auditedRequest(ctx: Pick<AppContext, 'db' | 'afterAudit'>, req: FastifyRequest, status = 200): AuditedOptions {
  return {
    db: ctx.db,
    actor: auditActorOf(actorOf(req)),
    afterAudit: ctx.afterAudit,
    idempotency: idempotencyOf(req),
    status,
  };
}
