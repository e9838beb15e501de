import type { TLegalScenario } from '../codes.ts';
import { RESTRICTABLE_RIGHTS, SCENARIO_SHORT } from '../codes.ts';
import { inclusiveDays } from '../dates.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';
import type { TRawReason } from './check-extension.ts';
import { checkExtension } from './check-extension.ts';
import type { TEffectiveInstrument, TInstrumentIndex } from './index-instruments.ts';
import { isSupportingKind } from './index-instruments.ts';
import type { TInstrument } from './instrument.schema.ts';
import { hasArea } from './instrument.schema.ts';

const FFAA_CONTROL: readonly TLegalScenario[] = ['FFAA_CONTROL_GRUPO_HOSTIL', 'FFAA_CONTROL_OSV'];

/**
 * Every coded reason against one instrument, judged with what it inherits from its chain and against the other
 * instruments of the index (parents, targets of `appliesTo`, sibling extensions). Pure; texts are added by the caller.
 */
export function checkInstrument(instrument: TInstrument, index: TInstrumentIndex, ruleSet: TRuleSet): TRawReason[] {
  const id = instrument.id;
  const reasons: TRawReason[] = [];
  const days = inclusiveDays(instrument.validFrom, instrument.validTo);
  if (days < 1) {
    reasons.push({ code: 'INSTRUMENT_VALIDITY_REVERSED', path: ['validTo'], details: { id, validFrom: instrument.validFrom, validTo: instrument.validTo } });
  }
  const { maxEmergencyDays, typicalRsDays } = ruleSet.thresholds;
  if ((instrument.kind === 'DS_ESTADO_EMERGENCIA' || instrument.kind === 'DS_PRORROGA') && days > maxEmergencyDays) {
    reasons.push({ code: 'DECREE_TOO_LONG', path: ['validTo'], details: { id, days, max: maxEmergencyDays } });
  }
  if (instrument.kind === 'RESOLUCION_SUPREMA' && days > typicalRsDays) {
    reasons.push({ code: 'RS_LONGER_THAN_TYPICAL', path: ['validTo'], details: { id, days, typical: typicalRsDays } });
  }
  reasons.push(...checkExtension(instrument, index));
  const effective = index.byId.get(id);
  if (effective && effective.kind === instrument.kind) {
    if (instrument.kind === 'DS_ESTADO_EMERGENCIA' || instrument.kind === 'DS_PRORROGA' || instrument.kind === 'RESOLUCION_SUPREMA') {
      const orphan = instrument.kind === 'DS_PRORROGA' && effective.chain.length === 1;
      // An extension is judged on what it states (or on everything when it changes the scenario); what it only
      // inherits was judged on its parent already.
      const stated = (field: string | number | undefined): boolean =>
        effective.chain.length === 1 ||
        instrument.scenario !== undefined ||
        (typeof field === 'string' && (instrument as Record<string, unknown>)[field] !== undefined);
      reasons.push(...checkBasisFields(effective, orphan).filter((r) => stated(r.path[0])));
    }
  }
  if (isSupportingKind(instrument.kind)) reasons.push(...checkAppliesTo(instrument, index));
  return reasons;
}

/** Scenario, area, rights, control authority and S4 ground of a basis (after inheritance). */
function checkBasisFields(basis: TEffectiveInstrument, orphanExtension: boolean): TRawReason[] {
  const id = basis.id;
  const reasons: TRawReason[] = [];
  // An extension whose parent is missing already has EXTENSION_PARENT_UNKNOWN; do not pile up what it would inherit.
  if (orphanExtension) return reasons;
  const isRs = basis.kind === 'RESOLUCION_SUPREMA';
  const scenario = basis.scenario;
  if (!scenario) {
    reasons.push({ code: 'SCENARIO_MISSING', path: ['scenario'], details: { id } });
  } else if (isRs !== (scenario === 'APOYO_PNP_SIN_EE')) {
    reasons.push({ code: 'SCENARIO_KIND_MISMATCH', path: ['scenario'], details: { id, kind: basis.kind, scenario: `${scenario} (${SCENARIO_SHORT[scenario]})` } });
  }
  if (!hasArea(basis.area)) reasons.push({ code: 'AREA_MISSING', path: ['area'], details: { id } });
  if (!basis.controlAuthority) {
    reasons.push({ code: 'CONTROL_AUTHORITY_MISSING', path: ['controlAuthority'], details: { id } });
  } else if (scenario) {
    const expected = FFAA_CONTROL.includes(scenario) ? 'FFAA' : 'PNP';
    if (basis.controlAuthority !== expected) {
      reasons.push({ code: 'CONTROL_AUTHORITY_MISMATCH', path: ['controlAuthority'], details: { id, scenario: SCENARIO_SHORT[scenario], expected, controlAuthority: basis.controlAuthority } });
    }
  }
  basis.restrictedRights.forEach((right, i) => {
    if (!(RESTRICTABLE_RIGHTS as readonly string[]).includes(right)) {
      reasons.push({ code: 'RIGHT_NOT_RESTRICTABLE', path: ['restrictedRights', i], details: { id, right } });
    }
  });
  if (scenario === 'APOYO_PNP_SIN_EE') {
    if (basis.restrictedRights.length > 0) {
      reasons.push({ code: 'S4_RIGHTS_RESTRICTED', path: ['restrictedRights'], details: { id, rights: basis.restrictedRights } });
    }
    if (!basis.ground) reasons.push({ code: 'S4_GROUND_MISSING', path: ['ground'], details: { id } });
    else if (basis.ground === 'OTRO_CONSTITUCIONALMENTE_JUSTIFICADO' && !basis.pnpCapacity) {
      reasons.push({ code: 'S4_CAPACITY_MISSING', path: ['pnpCapacity'], details: { id } });
    }
  }
  return reasons;
}

function checkAppliesTo(instrument: TInstrument, index: TInstrumentIndex): TRawReason[] {
  const targets = instrument.appliesTo ?? [];
  if (targets.length === 0) return [{ code: 'APPLIES_TO_MISSING', path: ['appliesTo'], details: { id: instrument.id, kind: instrument.kind } }];
  const reasons: TRawReason[] = [];
  targets.forEach((target, i) => {
    if (!index.byId.has(target)) reasons.push({ code: 'APPLIES_TO_UNKNOWN', path: ['appliesTo', i], details: { id: instrument.id, target } });
  });
  return reasons;
}
