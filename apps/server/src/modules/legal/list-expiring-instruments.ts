import { readableLabels } from '@enlace/access';
import { expiringInstruments } from '@enlace/rules';
import type { TExpiringInstrument } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { effectiveRegistry } from './effective-registry.ts';
import { getRuleSet } from './get-rule-set.ts';
import { AUDITED_READ } from './instrument-access.ts';
import { allReadableInstruments } from './legal.repository.ts';

/**
 * Alerts: the real (non-exercise) instruments the actor may read whose last day falls within `days` days of today
 * (America/Lima), soonest first; a decree already continued by an extension is left out. `days` defaults to the
 * rule set's `expiryAlertDays`. Listing a classified instrument is audited as a read.
 */
export async function listExpiringInstruments({ ctx, actor, days, now }: {
  ctx: AppContext;
  actor: Actor;
  days?: number | undefined;
  now: Date;
}): Promise<{ withinDays: number; items: TExpiringInstrument[] }> {
  const labels = readableLabels(actor, 'legal:read');
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const withinDays = days ?? (await getRuleSet(tx)).thresholds.expiryAlertDays;
    // Revocations applied: a revoked instrument ends the day before its revocation, or is gone.
    const instruments = effectiveRegistry((await allReadableInstruments(tx, labels)).filter((i) => !i.exercise));
    const items = expiringInstruments(instruments, now.toISOString(), withinDays);
    const classification = new Map(instruments.map((i) => [i.id, i.classification]));
    for (const item of items) if (AUDITED_READ.has(classification.get(item.id) ?? 'PUBLICO')) audit.record('read', 'legal_instrument', item.id);
    return { withinDays, items };
  });
  return value;
}
