import { DEFAULT_READINESS_STANDARD, standardRef } from '@enlace/rules';
import type { TReadinessStandard, TStandardVersion } from '@enlace/rules';
import type { Queryable } from '../../platform/db/db.ts';
import type { StandardVersionRow } from './readiness.repository.ts';
import { findActiveStandard, findStandardVersion } from './readiness.repository.ts';

/** Who stands behind the seed version (the standard of @enlace/rules). */
export const SEED_AUTHOR = 'enlace';

/** The seed version as the API shows it; `active` when no admin has stored one. */
export const seedVersion = (active: boolean): TStandardVersion => ({
  ref: standardRef(DEFAULT_READINESS_STANDARD),
  standardId: DEFAULT_READINESS_STANDARD.standardId,
  version: DEFAULT_READINESS_STANDARD.version,
  author: SEED_AUTHOR,
  createdAt: null,
  remark: null,
  active,
  seed: true,
  standard: DEFAULT_READINESS_STANDARD,
});

/** A stored version as the API shows it. */
export const presentVersion = (row: StandardVersionRow): TStandardVersion => ({
  ref: standardRef({ standardId: row.standard_id, version: row.version }),
  standardId: row.standard_id,
  version: row.version,
  author: row.created_by,
  createdAt: row.created_at.toISOString(),
  remark: row.remark,
  active: row.active,
  seed: false,
  standard: row.body,
});

/**
 * The readiness standard in force, with its version record: the last one an admin put in force, else the seed. Every
 * readiness computation reads it here, in its own transaction, so a computation and the version it records agree.
 */
export async function standardInForce(db: Queryable): Promise<TStandardVersion> {
  const row = await findActiveStandard(db);
  return row ? presentVersion(row) : seedVersion(true);
}

/**
 * The standard named by a stored result (`standardId@version`), so that its gap list is computed against the same
 * standard as its levels; the one in force when that version is no longer known.
 */
export async function standardOfRef(db: Queryable, ref: string): Promise<TReadinessStandard> {
  if (ref === standardRef(DEFAULT_READINESS_STANDARD)) return DEFAULT_READINESS_STANDARD;
  const at = ref.indexOf('@');
  const row = at > 0 ? await findStandardVersion(db, ref.slice(0, at), ref.slice(at + 1)) : null;
  return row ? row.body : (await standardInForce(db)).standard;
}
