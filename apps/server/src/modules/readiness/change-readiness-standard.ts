import { validateReadinessStandard } from '@enlace/rules';
import type { TStandardChange, TStandardVersion } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { findStandardVersion, insertActiveStandard, lockStandards } from './readiness.repository.ts';
import { SEED_AUTHOR, presentVersion, seedVersion, standardInForce } from './standard-in-force.ts';

/**
 * Puts a new version of the readiness standard in force: checked by the pure validation of @enlace/rules against the
 * version in force (same standard, new version string, shares and boundaries in order, a known reference for every
 * requirement), stored, audited with its content. Versions are never reused: stored results name the version they
 * were computed with, so it must keep meaning the same thresholds.
 */
export async function changeReadinessStandard({ tx, audit, actor, change }: {
  tx: Queryable;
  audit: AuditTrail;
  actor: Actor;
  change: TStandardChange;
}): Promise<TStandardVersion> {
  await lockStandards(tx);
  const current = await standardInForce(tx);
  const checked = validateReadinessStandard(change.standard, current.standard);
  if (!checked.ok) {
    const first = checked.issues[0]!;
    throw new AppError(
      'READINESS_STANDARD_INVALID',
      { path: first.path, rule: first.code },
      checked.issues.map((i) => ({ code: i.code, path: i.path, message: i.message })),
    );
  }
  const { standard } = checked;
  const seed = seedVersion(false);
  if (standard.version === seed.version || (await findStandardVersion(tx, standard.standardId, standard.version))) {
    throw new AppError('READINESS_STANDARD_VERSION_TAKEN', { version: standard.version });
  }
  const row = await insertActiveStandard(tx, { standard, remark: change.remark || null, createdBy: actor.username || SEED_AUTHOR });
  const saved = presentVersion(row);
  audit.record('activate', 'readiness_standard', saved.ref, { previous: current.ref, remark: saved.remark, standard });
  return saved;
}
