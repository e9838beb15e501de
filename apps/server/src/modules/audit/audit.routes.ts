import { readableLabels } from '@enlace/access';
import { ZAuditEntry, ZAuditListQuery, ZAuditVerifyResult } from '@enlace/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { listEntries } from './audit.repository.ts';
import { auditHeadFile } from './audit-paths.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const tags = ['audit'];

/** The audit trail: list entries, verify the chain. */
export function auditRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/audit', {
      config: { access: 'audit:read' },
      schema: { tags, querystring: ZAuditListQuery, response: { 200: z.object({ items: z.array(ZAuditEntry) }) } },
    }, async (req) => {
      const actor = actorOf(req);
      // Oversight reads every agency's trail; others read the entries of agencies whose records they may read.
      const labels = readableLabels(actor, 'audit:read').filter((l) => l.classification === 'CONFIDENCIAL');
      const agencies = actor.role === 'oversight' || actor.role === 'admin' ? null : labels.map((l) => l.agency);
      return { items: await listEntries(ctx.db, { ...req.query, agencies }) };
    });

    app.get('/audit/verify', {
      config: { access: 'audit:verify' },
      schema: { tags, response: { 200: ZAuditVerifyResult } },
    }, async () => verifyAuditChain({ db: ctx.db, headFile: auditHeadFile(ctx.config.dataDir) }));
  };
}
