import { dateOf, dayOf } from '../dates.ts';
import type { TInstrumentRuleCode } from '../rule-set/rule-codes.ts';
import type { TFindingDetails } from '../findings.ts';
import type { TInstrumentIndex } from './index-instruments.ts';
import type { TInstrument } from './instrument.schema.ts';

/** A coded reason before it is dressed with the rule set's texts. */
export interface TRawReason {
  readonly code: TInstrumentRuleCode;
  readonly path: readonly (string | number)[];
  readonly details: TFindingDetails;
}

const isDecree = (i: TInstrument): boolean => i.kind === 'DS_ESTADO_EMERGENCIA' || i.kind === 'DS_PRORROGA';

/**
 * Constitution art. 137: each extension of an emergency is a new decree, and the chain of decree and extensions
 * must run without a gap or an overlap (a gap of one day leaves that day without a legal basis).
 */
export function checkExtension(instrument: TInstrument, index: TInstrumentIndex): TRawReason[] {
  const parentId = instrument.extends ?? undefined;
  const id = instrument.id;
  if (parentId === undefined) {
    return instrument.kind === 'DS_PRORROGA'
      ? [{ code: 'EXTENSION_PARENT_UNKNOWN', path: ['extends'], details: { id, parent: '-' } }]
      : [];
  }
  const parent = index.byId.get(parentId);
  if (!parent) return [{ code: 'EXTENSION_PARENT_UNKNOWN', path: ['extends'], details: { id, parent: parentId } }];
  if (leadsBackTo(id, index)) return [{ code: 'EXTENSION_CYCLE', path: ['extends'], details: { id, parent: parentId } }];

  const reasons: TRawReason[] = [];
  const sameDecree = parent.id === id || (instrument.number !== undefined && instrument.number === parent.number);
  if (!isDecree(instrument) || !isDecree(parent) || sameDecree) {
    reasons.push({ code: 'EXTENSION_NOT_NEW_DECREE', path: ['extends'], details: { id, parent: parentId, kind: instrument.kind, parentKind: parent.kind } });
  }
  const from = dayOf(instrument.validFrom);
  const expected = parent.toDay + 1;
  if (from > expected) {
    reasons.push({
      code: 'EXTENSION_GAP',
      path: ['validFrom'],
      details: { id, parent: parentId, parentTo: parent.validTo, expectedFrom: dateOf(expected), validFrom: instrument.validFrom, gapDays: from - expected },
    });
  } else if (from < expected) {
    reasons.push({
      code: 'EXTENSION_OVERLAP',
      path: ['validFrom'],
      details: { id, parent: parentId, parentTo: parent.validTo, expectedFrom: dateOf(expected), validFrom: instrument.validFrom, overlapDays: expected - from },
    });
  }
  const siblings = (index.extensionsOf.get(parentId) ?? []).filter((s) => s.id !== id);
  if (siblings.length > 0) {
    reasons.push({ code: 'EXTENSION_DUPLICATE', path: ['extends'], details: { id, parent: parentId, others: siblings.map((s) => s.id) } });
  }
  return reasons;
}

/** Whether following `extends` from this instrument comes back to it. */
function leadsBackTo(id: string, index: TInstrumentIndex): boolean {
  const seen = new Set<string>();
  let current = index.byId.get(id)?.extends ?? undefined;
  while (current !== undefined && !seen.has(current)) {
    if (current === id) return true;
    seen.add(current);
    current = index.byId.get(current)?.extends ?? undefined;
  }
  return false;
}
