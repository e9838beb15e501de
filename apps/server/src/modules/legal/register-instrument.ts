import { readableLabels } from '@enlace/access';
import { validateInstrument } from '@enlace/rules';
import type { TInstrument } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { assertAreaGeometry } from './assert-area-geometry.ts';
import { assertParentNotRevoked } from './effective-registry.ts';
import { getRuleSet } from './get-rule-set.ts';
import { assertInstrumentAccess } from './instrument-access.ts';
import { allReadableInstruments, findInstrument, insertInstrument } from './legal.repository.ts';
import type { TInstrumentCreate, TInstrumentRecord } from './legal.schemas.ts';

/**
 * Enters an instrument into the registry, owned by the actor's agency unless another is given (and allowed).
 * It is validated against the instruments the actor can read (its parent decree, the bases it applies to) under
 * the rule set in force; any blocking finding (a decree over 60 days, an extension that does not follow its
 * parent, a right outside the four, an S4 without a ground...) refuses it with the coded findings in es and en.
 */
export async function registerInstrument({ tx, audit, actor, draft }: {
  tx: Queryable;
  audit: AuditTrail;
  actor: Actor;
  draft: TInstrumentCreate;
}): Promise<TInstrumentRecord> {
  const { agency, classification, exercise, ...raw } = draft;
  const label = { agency: agency ?? actor.agency, classification };
  assertInstrumentAccess(actor, 'legal:write', label, { existing: false });
  assertAreaGeometry(raw.area, 'area.geometry');
  if (await findInstrument(tx, raw.id)) throw new AppError('INSTRUMENT_ID_TAKEN', { id: raw.id });

  const readable = await allReadableInstruments(tx, readableLabels(actor, 'legal:read'));
  assertParentNotRevoked(readable, raw.extends);
  const existing: TInstrument[] = readable;
  const validation = validateInstrument(raw, { existing, ruleSet: await getRuleSet(tx) });
  if (!validation.ok) {
    const blocking = validation.findings.filter((f) => f.severity === 'blocking');
    const reasons = blocking.length > 0 ? blocking.map((f) => f.code).join(', ') : validation.schemaErrors.map((e) => e.message).join('; ');
    throw new AppError('INSTRUMENT_REJECTED', { reasons }, { findings: validation.findings, schemaErrors: validation.schemaErrors });
  }
  // Only reachable when an admin made EXTENSION_PARENT_UNKNOWN a warning: the registry still needs the parent row.
  if (raw.extends && !existing.some((e) => e.id === raw.extends)) throw new AppError('REFERENCE_NOT_FOUND', { field: 'extends' });
  const stored = await insertInstrument(tx, { ...validation.instrument, ...label, exercise });
  audit.record('create', 'legal_instrument', stored.id, stored);
  return stored;
}
