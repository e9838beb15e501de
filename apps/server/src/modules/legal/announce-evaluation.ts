import type { AppContext } from '../../platform/context.ts';

/** Bus subject: a tasking evaluation was stored (payload `{ id }`). Instances read the lawful task areas again. */
export const TASKING_EVALUATED_SUBJECT = 'legal.tasking.evaluated';

/**
 * Tells every instance, after the commit, that a tasking evaluation was stored, so the areas in which units are
 * lawfully tasked (geofence watcher, TAK phones, web map) are read again at once rather than at the next periodic
 * reading. The evaluation is already stored and audited: a lost signal only delays that reading, so it is logged,
 * not returned as a failure (a client that retried would store a second evaluation).
 */
export async function announceEvaluation(ctx: Pick<AppContext, 'bus' | 'log'>, id: string): Promise<void> {
  await ctx.bus.publish(TASKING_EVALUATED_SUBJECT, { id }).catch((err: unknown) => {
    ctx.log.warn({ err: String(err), evaluationId: id }, 'stored evaluation not announced (lawful areas read at the next refresh)');
  });
}
