import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertInstrumentAccess } from './instrument-access.ts';
import { lockInstrument, revokeInstrumentRow } from './legal.repository.ts';
import type { TInstrumentRecord, TRevocationRequest } from './legal.schemas.ts';

const sameRevocation = (stored: NonNullable<TInstrumentRecord['revocation']>, asked: TRevocationRequest): boolean =>
  stored.revokedOn === asked.revokedOn &&
  stored.reason === asked.reason &&
  stored.revokingInstrument === asked.revokingInstrument &&
  (stored.sourceUrl ?? null) === (asked.sourceUrl ?? null);

/**
 * Records that an instrument was revoked (derogated) from `revokedOn` by another instrument: from that day it is no
 * longer a legal basis, and the extensions that would have followed it fall with it (effective-registry.ts). Who may
 * edit the instrument may revoke it; an instrument the actor may not read is not found. A revocation is final: the
 * same revocation sent again changes and records nothing (a retry is harmless), a different one is refused. A day
 * after the instrument's last day is refused: there is nothing left to revoke (revoke the extension in force instead).
 */
export async function revokeInstrument({ tx, audit, actor, id, revocation }: {
  tx: Queryable;
  audit: AuditTrail;
  actor: Actor;
  id: string;
  revocation: TRevocationRequest;
}): Promise<TInstrumentRecord> {
  const before = await lockInstrument(tx, id);
  if (!before) throw notFound();
  assertInstrumentAccess(actor, 'legal:write', before);
  if (before.revocation) {
    if (sameRevocation(before.revocation, revocation)) return before;
    throw new AppError('INSTRUMENT_ALREADY_REVOKED', { revokedOn: before.revocation.revokedOn, by: before.revocation.revokingInstrument });
  }
  if (revocation.revokedOn > before.validTo) {
    throw new AppError('INSTRUMENT_REVOCATION_AFTER_END', { revokedOn: revocation.revokedOn, validTo: before.validTo });
  }
  const stored = await revokeInstrumentRow(tx, id, { ...revocation, revokedBy: actor.username });
  audit.record('revoke', 'legal_instrument', id, stored.revocation);
  return stored;
}
