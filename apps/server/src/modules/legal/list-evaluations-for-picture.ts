import { readableLabels } from '@enlace/access';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { instrumentRevocations, listEvaluationsThatMayPlaceUnits } from './legal.repository.ts';
import type { TTaskingEvaluation } from './legal.schemas.ts';

export interface PictureEvaluations {
  /** Newest first. */
  evaluations: TTaskingEvaluation[];
  /** True when `limit` cut the list (older evaluations that may still matter were left out). */
  truncated: boolean;
  /** Revocation day (America/Lima, `YYYY-MM-DD`) of each revoked instrument any of them rests on. */
  revokedOn: Map<string, string>;
}

/**
 * The stored evaluations that can still place a unit on the picture (those of a unit and task with an allowed or
 * conditional tasking not yet ended, and the newer ones that may supersede it: legal.repository.ts), newest first,
 * read by a system process of the operational picture (the lawful-area geofence
 * watcher and the task areas sent to phones and browsers), with the revocations of the instruments they rest on.
 * One audit entry records each reading and how many evaluations it covered (per-evaluation entries, as a person's
 * read gets, would add up to `limit` entries every time the picture refreshes). What leaves the server from these
 * readings is filtered per receiver by the evaluation's labels.
 */
export async function listEvaluationsForPicture({ ctx, reader, limit }: { ctx: AppContext; reader: Actor; limit: number }): Promise<PictureEvaluations> {
  const labels = readableLabels(reader, 'legal:evaluate');
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(reader), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const evaluations = await listEvaluationsThatMayPlaceUnits(tx, { labels, limit });
    const basis = [...new Set(evaluations.flatMap((e) => e.result.legalBasis))];
    const revokedOn = basis.length > 0 ? await instrumentRevocations(tx, basis) : new Map<string, string>();
    if (evaluations.length > 0) {
      audit.record('read_for_picture', 'tasking_evaluation', null, {
        count: evaluations.length,
        newest: evaluations[0]?.id ?? null,
        oldest: evaluations.at(-1)?.id ?? null,
      });
    }
    return { evaluations, revokedOn, truncated: evaluations.length >= limit };
  });
  return value;
}
