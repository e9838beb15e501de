import { readableLabels } from '@enlace/access';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AUDITED_READ } from './instrument-access.ts';
import { listEvaluations as listEvaluationRows } from './legal.repository.ts';
import type { TTaskingEvaluation } from './legal.schemas.ts';

/**
 * The newest stored evaluations the actor may read: an evaluation carries the evaluating user's agency and the
 * highest classification of its request (CONFIDENCIAL: it names members) and of its legal basis. Reads are audited.
 */
export async function listEvaluations({ ctx, actor, limit }: { ctx: AppContext; actor: Actor; limit: number }): Promise<TTaskingEvaluation[]> {
  const labels = readableLabels(actor, 'legal:evaluate');
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const items = await listEvaluationRows(tx, { labels, limit });
    for (const e of items) if (AUDITED_READ.has(e.classification)) audit.record('read', 'tasking_evaluation', e.id);
    return items;
  });
  return value;
}
