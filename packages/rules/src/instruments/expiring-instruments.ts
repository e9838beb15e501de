import type { TInstrumentKind } from '../codes.ts';
import { limaDayOf } from '../dates.ts';
import { indexInstruments } from './index-instruments.ts';
import type { TInstrument } from './instrument.schema.ts';

/** An instrument about to lapse. */
export interface TExpiringInstrument {
  readonly id: string;
  readonly kind: TInstrumentKind;
  readonly validTo: string;
  /** Days from `today` to the last day in force: 0 when it lapses at the end of today. */
  readonly daysLeft: number;
  /** The decree it extends, if any (the alert is about the whole chain). */
  readonly chainRoot: string;
}

/**
 * Instruments whose last day in force falls within `withinDays` days of `today` (0: today only), soonest first,
 * including an extension that has not started yet.
 * A decree already continued by a registered extension is left out: the chain does not lapse with it. An S4 RS
 * renewed by a new RS is still listed, as the renewal is a separate resolution with no link to the first.
 * `today` is an ISO date or date-time (judged in America/Lima); the caller passes it, the rules never read a clock.
 */
export function expiringInstruments(
  instruments: readonly TInstrument[],
  today: string,
  withinDays: number,
): TExpiringInstrument[] {
  const index = indexInstruments(instruments);
  const day = limaDayOf(today);
  const out: TExpiringInstrument[] = [];
  for (const i of index.byId.values()) {
    const daysLeft = i.toDay - day;
    if (daysLeft < 0 || daysLeft > withinDays) continue;
    if ((index.extensionsOf.get(i.id) ?? []).length > 0) continue;
    out.push({ id: i.id, kind: i.kind, validTo: i.validTo, daysLeft, chainRoot: i.chain[0] ?? i.id });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.id.localeCompare(b.id));
}
