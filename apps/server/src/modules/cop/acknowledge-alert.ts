import { COP_SUBJECTS } from '@enlace/contracts';
import type { TAlert, TAlertAcknowledge } from '@enlace/contracts';
import type { AuditedOptions } from '../../platform/audit/run-audited.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { canAcknowledgeAlert, canReadAlert } from './alert-access.ts';
import { findAlert, markAlertAcknowledged } from './cop.repository.ts';
import type { CopActor } from './track-access.ts';

/**
 * A person of one of the alert's command posts acknowledges it (with an optional note): audited, then pushed on
 * `cop.alert` so every screen shows who took it. An alert the actor may not read is not found; one already
 * acknowledged is refused with who did it.
 */
export async function acknowledgeAlert(
  ctx: AppContext,
  actor: CopActor,
  id: string,
  ack: TAlertAcknowledge,
  audited: AuditedOptions,
): Promise<TAlert> {
  const { value, replayed } = await runAudited(audited, async (tx, audit) => {
    const alert = await findAlert(tx, id);
    if (!alert || !canReadAlert(actor, alert)) throw notFound();
    if (!canAcknowledgeAlert(actor, alert)) throw new AppError('FORBIDDEN', {}, { reason: 'NOT_IN_AUDIENCE' });
    if (alert.state !== 'open') {
      throw new AppError('ALERT_NOT_OPEN', { state: alert.state, by: alert.acknowledgedBy ?? '-' });
    }
    const done = await markAlertAcknowledged(tx, id, { userId: actor.userId, name: actor.username, note: ack.note ?? null });
    if (!done) throw new AppError('ALERT_NOT_OPEN', { state: 'acknowledged', by: '-' });
    audit.record('acknowledge', 'alert', id, done);
    return done;
  });
  if (!replayed) await ctx.bus.publish(COP_SUBJECTS.alert, { alert: value });
  return value;
}
