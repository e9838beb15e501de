import type { AppContext } from '../../platform/context.ts';

/**
 * Bus subject: where units may lawfully act may have changed, because a tasking evaluation was stored (it may add,
 * move or withdraw a unit's area), an instrument was registered or changed (the legal bases in force), or one was
 * revoked (the taskings resting on it end). Every instance then reads its lawful task areas and legal areas again
 * (geofence watcher, TAK phones, browsers' maps) instead of waiting for the periodic reading.
 */
export const LAWFUL_AREAS_CHANGED_SUBJECT = 'legal.lawful-areas.changed';

export interface LawfulAreasChanged {
  cause: 'evaluation' | 'instrument' | 'revocation';
  /** The evaluation's, or the registered, changed or revoked instrument's id. */
  id: string;
}

/**
 * Publishes {@link LAWFUL_AREAS_CHANGED_SUBJECT} after the commit. The change is already stored and audited: a lost
 * signal only delays the next reading, so it is logged, not returned as a failure (a client that retried would
 * store a second evaluation).
 */
export async function announceLawfulAreasChanged(ctx: Pick<AppContext, 'bus' | 'log'>, change: LawfulAreasChanged): Promise<void> {
  await ctx.bus.publish(LAWFUL_AREAS_CHANGED_SUBJECT, change).catch((err: unknown) => {
    ctx.log.warn({ err: String(err), ...change }, 'lawful-area change not announced (read at the next refresh)');
  });
}
