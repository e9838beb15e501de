import type { TFinding } from '../findings.ts';
import { makeFinding } from '../findings.ts';
import type { TEffectiveInstrument } from '../instruments/index-instruments.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';

/** Oversight records, by the code a finding lists when one is missing. */
const OVERSIGHT_ITEMS = ['CONGRESO', 'DEFENSORIA', 'MINISTERIO_PUBLICO', 'CALENDARIO_INFORMES'] as const;
type TOversightItem = (typeof OVERSIGHT_ITEMS)[number];

function missingItems(basis: TEffectiveInstrument): TOversightItem[] {
  const o = basis.oversight ?? {};
  const isDecree = basis.kind === 'DS_ESTADO_EMERGENCIA' || basis.kind === 'DS_PRORROGA';
  const present: Record<TOversightItem, boolean> = {
    CONGRESO: !isDecree || o.congressNotifiedOn !== undefined,
    DEFENSORIA: o.defensoriaContact !== undefined,
    MINISTERIO_PUBLICO: o.ministerioPublicoContact !== undefined,
    CALENDARIO_INFORMES: o.reportingSchedule !== undefined,
  };
  return OVERSIGHT_ITEMS.filter((item) => !present[item]);
}

/**
 * Condition 6, oversight: the Congress notice (each emergency decree and extension), contact points at the
 * Defensoría del Pueblo and the Ministerio Público, and the reporting schedule. Records the scenario format cannot
 * carry, so at most a warning: one per basis instrument, listing what is missing.
 */
export function checkOversight(bases: readonly TEffectiveInstrument[], ruleSet: TRuleSet): TFinding[] {
  return bases.flatMap((b) => {
    const missing = missingItems(b);
    return missing.length > 0 ? [makeFinding(ruleSet, 'OVERSIGHT_UNRECORDED', { instrument: b.id, missing })] : [];
  });
}
