import { AppError } from '../../platform/errors/app-error.ts';
import type { TInstrumentRecord } from './legal.schemas.ts';

const DAY_MS = 86_400_000;

/** The day before an ISO date (YYYY-MM-DD). */
export const dayBefore = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/**
 * The registry as the law stands with its revocations applied, for the evaluator and the expiry alerts: an instrument
 * revoked from day D is valid through D - 1 at most; an extension of a revoked instrument cannot follow it, so its chain
 * is cut at the same day; an instrument left with no day in force is dropped. The rules package thus sees ordinary
 * validity periods. Instruments that are not affected are returned as the same objects.
 */
export function effectiveRegistry(instruments: readonly TInstrumentRecord[]): TInstrumentRecord[] {
  if (!instruments.some((i) => i.revocation)) return [...instruments];
  const byId = new Map(instruments.map((i) => [i.id, i]));
  const cutOf = new Map<string, string | null>();
  /** The last day the instrument may be in force because of its own or an ancestor's revocation; null when none. */
  const cut = (i: TInstrumentRecord, depth = 0): string | null => {
    const known = cutOf.get(i.id);
    if (known !== undefined) return known;
    const own = i.revocation ? dayBefore(i.revocation.revokedOn) : null;
    const parent = i.extends && depth < 100 ? byId.get(i.extends) : undefined;
    const inherited = parent ? cut(parent, depth + 1) : null;
    const last = own === null ? inherited : inherited === null ? own : own < inherited ? own : inherited;
    cutOf.set(i.id, last);
    return last;
  };
  const out: TInstrumentRecord[] = [];
  for (const i of instruments) {
    const last = cut(i);
    if (last === null || last >= i.validTo) out.push(i);
    else if (last >= i.validFrom) out.push({ ...i, validTo: last });
  }
  return out;
}

/** Refuses an extension of a revoked instrument: a revoked decree has no chain left to continue. */
export function assertParentNotRevoked(registry: readonly TInstrumentRecord[], parentId: string | null | undefined): void {
  if (!parentId) return;
  const revocation = registry.find((i) => i.id === parentId)?.revocation;
  if (revocation) throw new AppError('INSTRUMENT_PARENT_REVOKED', { parent: parentId, revokedOn: revocation.revokedOn });
}
