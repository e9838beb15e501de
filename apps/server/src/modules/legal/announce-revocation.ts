import type { AppContext } from '../../platform/context.ts';

/** Bus subject: an instrument was revoked (payload `{ id }`). Lawful task areas resting on it are read again. */
export const INSTRUMENT_REVOKED_SUBJECT = 'legal.instrument.revoked';

/**
 * Tells every instance, after the commit, that an instrument was revoked, so that units tasked on it stop being
 * shown and watched as lawfully tasked from the revocation day without waiting for the periodic reading. The
 * revocation is already stored and audited: a lost signal only delays that reading, so it is logged.
 */
export async function announceRevocation(ctx: Pick<AppContext, 'bus' | 'log'>, id: string): Promise<void> {
  await ctx.bus.publish(INSTRUMENT_REVOKED_SUBJECT, { id }).catch((err: unknown) => {
    ctx.log.warn({ err: String(err), instrumentId: id }, 'revocation not announced (lawful areas read at the next refresh)');
  });
}
