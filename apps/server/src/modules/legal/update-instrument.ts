import { authorize, readableLabels } from '@enlace/access';
import { validateInstrument } from '@enlace/rules';
import type { TInstrument, TRuleSet } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertAreaGeometry } from './assert-area-geometry.ts';
import { assertParentNotRevoked } from './effective-registry.ts';
import { getRuleSet } from './get-rule-set.ts';
import { assertInstrumentAccess } from './instrument-access.ts';
import { allReadableInstruments, dependentsOf, lockInstrument, updateInstrumentRow } from './legal.repository.ts';
import type { TInstrumentCreate, TInstrumentRecord } from './legal.schemas.ts';

/** The stored fields that an edit may change, in a form two versions can be compared by. */
const comparable = ({ createdAt: _c, updatedAt: _u, ...rest }: TInstrumentRecord): string => JSON.stringify(rest, Object.keys(rest).sort());

const reasonsOf = (findings: readonly { severity: string; code: string }[]): string =>
  findings.filter((f) => f.severity === 'blocking').map((f) => f.code).join(', ');

/** Refuses the edit when an instrument that extends or applies to this one would no longer pass validation. */
function assertDependentsStillValid(
  actor: Actor,
  dependents: readonly TInstrumentRecord[],
  registry: readonly TInstrument[],
  ruleSet: TRuleSet,
): void {
  for (const dependent of dependents) {
    const check = validateInstrument(dependent, { existing: registry, ruleSet });
    if (check.ok) continue;
    // An instrument the actor may not read is not named, so its existence does not leak.
    const named = authorize(actor, 'legal:read', dependent).allow ? dependent.id : '—';
    throw new AppError('INSTRUMENT_EDIT_BREAKS_DEPENDENT', { dependent: named, reasons: reasonsOf(check.findings) }, named === '—' ? undefined : { findings: check.findings });
  }
}

/**
 * Replaces an instrument (a correction, a later publication of its text, an early end of validity), re-validated
 * with the same rules as registration, against the registry the actor can read, and refused when it would make an
 * instrument that extends or applies to it invalid (an extension left with a gap...). Both the old and the new
 * labels must be writable by the actor; an unreadable instrument is not found. Sending the stored values again
 * changes nothing and records nothing, so a retried edit is harmless.
 */
export async function updateInstrument({ tx, audit, actor, id, draft }: {
  tx: Queryable;
  audit: AuditTrail;
  actor: Actor;
  id: string;
  draft: TInstrumentCreate;
}): Promise<TInstrumentRecord> {
  const before = await lockInstrument(tx, id);
  if (!before) throw notFound();
  assertInstrumentAccess(actor, 'legal:write', before);
  const { agency, classification, exercise, ...raw } = draft;
  if (raw.id !== id) throw new AppError('INSTRUMENT_ID_MISMATCH', { body: raw.id, path: id });
  const label = { agency: agency ?? before.agency, classification };
  assertInstrumentAccess(actor, 'legal:write', label, { existing: false });
  assertAreaGeometry(raw.area, 'area.geometry');

  const ruleSet = await getRuleSet(tx);
  const records = await allReadableInstruments(tx, readableLabels(actor, 'legal:read'));
  if (raw.extends !== before.extends) assertParentNotRevoked(records, raw.extends);
  const readable: TInstrument[] = records;
  const validation = validateInstrument(raw, { existing: readable, ruleSet });
  if (!validation.ok) {
    const reasons = reasonsOf(validation.findings) || validation.schemaErrors.map((e) => e.message).join('; ');
    throw new AppError('INSTRUMENT_EDIT_REJECTED', { reasons }, { findings: validation.findings, schemaErrors: validation.schemaErrors });
  }
  if (raw.extends && !readable.some((e) => e.id === raw.extends)) throw new AppError('REFERENCE_NOT_FOUND', { field: 'extends' });

  const dependents = await dependentsOf(tx, id);
  const registry = [...readable.filter((i) => i.id !== id && !dependents.some((d) => d.id === i.id)), ...dependents, validation.instrument];
  assertDependentsStillValid(actor, dependents, registry, ruleSet);

  const values = { ...validation.instrument, ...label, exercise };
  const probe = await updateInstrumentRow(tx, values, { touch: false });
  if (comparable(probe) === comparable(before)) return before;
  const stored = await updateInstrumentRow(tx, values, { touch: true });
  audit.record('update', 'legal_instrument', stored.id, stored);
  return stored;
}
