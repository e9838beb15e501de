import type { TFinding } from '../findings.ts';
import { makeFinding } from '../findings.ts';
import { DEFAULT_RULE_SET } from '../rule-set/default-rule-set.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';
import { checkInstrument } from './check-instrument.ts';
import type { TRawReason } from './check-extension.ts';
import { indexInstruments } from './index-instruments.ts';
import type { TInstrument } from './instrument.schema.ts';
import { ZInstrument } from './instrument.schema.ts';

/** A finding against an instrument: which one, and the path of the faulty field inside it. */
export interface TInstrumentFinding extends TFinding {
  readonly instrumentId: string;
  readonly path: readonly (string | number)[];
}

/** A schema error of a raw instrument: the path of the field and zod's message. */
export interface TSchemaError {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The answer to "may this instrument be entered?": rejected when any finding is blocking. */
export type TInstrumentValidation =
  | { readonly ok: true; readonly instrument: TInstrument; readonly findings: readonly TInstrumentFinding[] }
  | { readonly ok: false; readonly schemaErrors: readonly TSchemaError[]; readonly findings: readonly TInstrumentFinding[] };

const dress = (ruleSet: TRuleSet, instrumentId: string, reason: TRawReason): TInstrumentFinding => ({
  ...makeFinding(ruleSet, reason.code, reason.details),
  instrumentId,
  path: reason.path,
});

/**
 * Validates one instrument on entry to the registry, against the instruments already there (its parent, the
 * instruments it applies to, other extensions of the same decree). An instrument with the same id in `existing` is
 * the stored version being replaced.
 */
export function validateInstrument(
  raw: unknown,
  options: { readonly existing?: readonly TInstrument[]; readonly ruleSet?: TRuleSet } = {},
): TInstrumentValidation {
  const ruleSet = options.ruleSet ?? DEFAULT_RULE_SET;
  const parsed = ZInstrument.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, schemaErrors: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })), findings: [] };
  }
  const instrument = parsed.data;
  const others = (options.existing ?? []).filter((e) => e.id !== instrument.id);
  const index = indexInstruments([instrument, ...others]);
  const findings = checkInstrument(instrument, index, ruleSet).map((r) => dress(ruleSet, instrument.id, r));
  if (findings.some((f) => f.severity === 'blocking')) return { ok: false, schemaErrors: [], findings };
  return { ok: true, instrument, findings };
}

/**
 * Validates a whole set of instruments (a scenario file, a registry import): every instrument against the others.
 * `valid` is false when any finding is blocking. Each finding carries the index of its instrument in the input.
 */
export function validateInstruments(
  instruments: readonly TInstrument[],
  ruleSet: TRuleSet = DEFAULT_RULE_SET,
): { readonly valid: boolean; readonly findings: readonly (TInstrumentFinding & { readonly index: number })[] } {
  const index = indexInstruments(instruments);
  const seen = new Set<string>();
  const findings: (TInstrumentFinding & { index: number })[] = [];
  instruments.forEach((instrument, i) => {
    const reasons: TRawReason[] = seen.has(instrument.id)
      ? [{ code: 'INSTRUMENT_ID_DUPLICATE', path: ['id'], details: { id: instrument.id } }]
      : checkInstrument(instrument, index, ruleSet);
    seen.add(instrument.id);
    for (const r of reasons) findings.push({ ...dress(ruleSet, instrument.id, r), index: i });
  });
  return { valid: !findings.some((f) => f.severity === 'blocking'), findings };
}
