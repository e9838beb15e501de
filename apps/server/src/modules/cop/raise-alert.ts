import { JOINT_COMMAND_POSTS } from '@enlace/access';
import { COP_SUBJECTS, ZAlertRaise } from '@enlace/contracts';
import type { TAlert, TAlertRaise } from '@enlace/contracts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { closeOpenEmergencies, findAlertByDedupeKey, insertAlert } from './cop.repository.ts';


const DEFAULT_SEVERITY: Record<TAlert['kind'], TAlert['severity']> = {
  emergency: 'critical',
  area_exit: 'critical',
  area_enter: 'warning',
  stale: 'warning',
  emergency_cancel: 'info',
};

/**
 * Raises an alert to the command posts of both forces: stored and audited in one transaction, then pushed on
 * `cop.alert` (every instance, every browser allowed to see it). Called by the geofence watcher, the stale
 * sweeper, the emergency API and the CoT gateway (`b-a-o-tbl`, `b-a-o-can`). An alert whose `dedupeKey` was
 * already raised is not raised again: the stored one is returned. A cancel closes the track's open emergencies.
 */
export async function raiseAlert(ctx: AppContext, input: TAlertRaise): Promise<TAlert> {
  const parsed = ZAlertRaise.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { summary: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  const a = parsed.data;
  const audience = [...new Set([a.agency, ...(a.audience ?? []), ...JOINT_COMMAND_POSTS])];
  const { value } = await runAudited({ db: ctx.db, actor: { id: null, name: 'cop-alerts', agency: a.agency }, afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const closed = a.kind === 'emergency_cancel' && a.trackUid ? await closeOpenEmergencies(tx, a.trackUid) : [];
    for (const c of closed) audit.record('close', 'alert', c.id, c);
    const alert = await insertAlert(tx, {
      kind: a.kind,
      severity: a.severity ?? DEFAULT_SEVERITY[a.kind],
      state: 'open',
      trackUid: a.trackUid ?? null,
      callsign: a.callsign ?? null,
      unitId: a.unitId ?? null,
      force: a.force ?? null,
      geofenceId: a.geofenceId ?? null,
      lat: a.lat ?? null,
      lon: a.lon ?? null,
      message: a.message,
      audience,
      dedupeKey: a.dedupeKey ?? null,
      agency: a.agency,
      classification: a.classification,
      exercise: a.exercise,
    });
    if (alert) audit.record('raise', 'alert', alert.id, alert);
    return { alert, closed };
  });
  for (const c of value.closed) await ctx.bus.publish(COP_SUBJECTS.alert, { alert: c });
  if (value.alert) {
    await ctx.bus.publish(COP_SUBJECTS.alert, { alert: value.alert });
    return value.alert;
  }
  const existing = a.dedupeKey ? await findAlertByDedupeKey(ctx.db, a.dedupeKey) : null;
  if (!existing) throw new AppError('NOT_FOUND');
  return existing;
}
