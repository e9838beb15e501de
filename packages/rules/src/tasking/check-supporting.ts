import type { TInstrumentKind } from '../codes.ts';
import { SUPPORTING_KINDS } from '../codes.ts';
import type { TDayInterval } from '../day-intervals.ts';
import { formatIntervals, intersectInterval, mergeIntervals, subtractIntervals } from '../day-intervals.ts';
import type { TFinding } from '../findings.ts';
import { makeFinding } from '../findings.ts';
import type { TEffectiveInstrument, TInstrumentIndex } from '../instruments/index-instruments.ts';
import { supportingFor } from '../instruments/index-instruments.ts';
import type { TRuleCode } from '../rule-set/rule-codes.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';
import type { TPartBasis } from './check-basis.ts';
import { daysInForce } from './check-basis.ts';

interface TSupportRequirement {
  readonly code: TRuleCode;
  readonly kinds: readonly TInstrumentKind[];
  /** Which bases need it: the CCO plan only where the PNP keeps control. */
  readonly appliesTo: (basis: TEffectiveInstrument) => boolean;
}

/**
 * Condition 3 (a MINDEF or CCFFAA directive and RUF approved for the mission, in force) and, for S3/S4, the CCO plan
 * that designates the PNP intervention zones. A supporting instrument applies to the basis it names in `appliesTo`
 * and to that basis's extensions. Judged day by day: on every day a part of the area rests on a basis, one of the
 * bases covering it that day must have the instrument in force that day.
 */
const REQUIREMENTS: readonly TSupportRequirement[] = [
  { code: 'RUF_NOT_IN_FORCE', kinds: ['RUF'], appliesTo: () => true },
  { code: 'DIRECTIVE_NOT_IN_FORCE', kinds: ['DIRECTIVA_MINDEF', 'DIRECTIVA_CCFFAA'], appliesTo: () => true },
  { code: 'PNP_ZONE_UNVERIFIED', kinds: ['PLAN_CCO'], appliesTo: (b) => b.controlAuthority === 'PNP' },
];

export function checkSupporting(
  index: TInstrumentIndex,
  parts: readonly TPartBasis[],
  period: TDayInterval,
  ruleSet: TRuleSet,
): { readonly findings: readonly TFinding[]; readonly supporting: readonly TEffectiveInstrument[] } {
  const findings: TFinding[] = [];
  const used = new Set<TEffectiveInstrument>();
  for (const req of REQUIREMENTS) {
    const missing: TDayInterval[] = [];
    const lacking = new Set<string>();
    for (const { coveredBy } of parts) {
      if (coveredBy.length === 0) continue;
      const bases = coveredBy.filter(req.appliesTo);
      const covered = mergeIntervals(bases.map((b) => daysInForce(b, period)).filter((i) => i !== null));
      const supported: TDayInterval[] = [];
      for (const b of bases) {
        const inForce = daysInForce(b, period);
        if (!inForce) continue;
        for (const s of index.supportingByBasis.get(b) ?? supportingFor(index, b)) {
          if (!req.kinds.includes(s.kind)) continue;
          const both = intersectInterval(inForce, { from: s.fromDay, to: s.toDay });
          if (both) {
            supported.push(both);
            used.add(s);
          }
        }
      }
      for (const c of covered) {
        const holes = subtractIntervals(c, supported);
        missing.push(...holes);
        for (const b of bases) if (holes.some((h) => daysInForce(b, h) !== null)) lacking.add(b.id);
      }
    }
    if (missing.length > 0) {
      findings.push(makeFinding(ruleSet, req.code, { days: formatIntervals(missing), instruments: [...lacking] }));
    }
  }
  const rank = (i: TEffectiveInstrument): number => SUPPORTING_KINDS.indexOf(i.kind as (typeof SUPPORTING_KINDS)[number]);
  const supporting = [...used].sort((a, b) => rank(a) - rank(b) || a.fromDay - b.fromDay || a.id.localeCompare(b.id));
  return { findings, supporting };
}
